import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import {
  Topics,
  type EvaluationCompletedV1,
  type EvaluationFailedV1,
  type EventMessage,
} from '@llmops/contracts';
import { ConsumeEvent } from '@llmops/messaging';
import { RunEvaluationRepository } from '../repositories/run-evaluation.repository';

/**
 * Evaluations of versions trained here (the candidate names its run): kept so sweeps can read their
 * objective from evaluation. Evaluations of other models are ignored.
 */
@Controller()
export class EvaluationResultsConsumer {
  constructor(private readonly evaluations: RunEvaluationRepository) {}

  @ConsumeEvent('training', Topics.evaluationCompleted)
  async completed(@Payload() event: EventMessage<EvaluationCompletedV1>): Promise<void> {
    const e = event.data;
    if (e.candidate.kind !== 'model-version' || !e.candidate.runId) return;
    await this.evaluations.record({
      evaluationId: e.evaluationId,
      runId: e.candidate.runId,
      suiteName: e.suite.name,
      status: 'succeeded',
      metrics: e.metrics,
      finishedAt: e.completedAt,
    });
  }

  @ConsumeEvent('training', Topics.evaluationFailed)
  async failed(@Payload() event: EventMessage<EvaluationFailedV1>): Promise<void> {
    const e = event.data;
    if (e.candidate.kind !== 'model-version' || !e.candidate.runId) return;
    await this.evaluations.record({
      evaluationId: e.evaluationId,
      runId: e.candidate.runId,
      suiteName: e.suite.name,
      status: 'failed',
      metrics: {},
      finishedAt: e.failedAt,
    });
  }
}

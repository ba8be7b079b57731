import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import {
  Topics,
  type EvaluationCompletedV1,
  type EvaluationFailedV1,
  type EventMessage,
} from '@llmops/contracts';
import { ConsumeEvent } from '@llmops/messaging';
import { RunEvaluationRepository, type RunEvaluation } from '../repositories/run-evaluation.repository';

type Outcome = Pick<RunEvaluation, 'status' | 'metrics' | 'finishedAt'>;

/**
 * Evaluations of versions trained here (the candidate names its run): kept so sweeps can read their
 * objective from evaluation. Evaluations of other models are ignored.
 */
@Controller()
export class EvaluationResultsConsumer {
  constructor(private readonly evaluations: RunEvaluationRepository) {}

  @ConsumeEvent('training', Topics.evaluationCompleted)
  async completed(@Payload() { data }: EventMessage<EvaluationCompletedV1>): Promise<void> {
    await this.record(data, { status: 'succeeded', metrics: data.metrics, finishedAt: data.completedAt });
  }

  @ConsumeEvent('training', Topics.evaluationFailed)
  async failed(@Payload() { data }: EventMessage<EvaluationFailedV1>): Promise<void> {
    await this.record(data, { status: 'failed', metrics: {}, finishedAt: data.failedAt });
  }

  private async record(
    e: Pick<EvaluationCompletedV1, 'evaluationId' | 'candidate' | 'suite'>,
    outcome: Outcome,
  ): Promise<void> {
    if (e.candidate.kind !== 'model-version' || !e.candidate.runId) return;
    await this.evaluations.record({
      evaluationId: e.evaluationId,
      runId: e.candidate.runId,
      suiteName: e.suite.name,
      ...outcome,
    });
  }
}

import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import {
  Topics,
  type AlertRaisedV1,
  type DriftDetectedV1,
  type EventMessage,
  type FeedbackReceivedV1,
  type RetrainingRequestedV1,
} from '@llmops/contracts';
import { ConsumeEvent } from '@llmops/messaging';
import {
  alertRaisedFacts,
  driftDetectedFacts,
  feedbackReceivedFacts,
  retrainingRequestedFacts,
} from '../domain/facts/monitoring.facts';
import { LineageRecorder } from '../services/lineage-recorder.service';

@Controller()
export class MonitoringLineageConsumer {
  constructor(private readonly recorder: LineageRecorder) {}

  @ConsumeEvent('registry', Topics.alertRaised)
  alertRaised(@Payload() event: EventMessage<AlertRaisedV1>): Promise<void> {
    return this.recorder.record(alertRaisedFacts(event.data), event.envelope.id);
  }

  @ConsumeEvent('registry', Topics.driftDetected)
  driftDetected(@Payload() event: EventMessage<DriftDetectedV1>): Promise<void> {
    return this.recorder.record(driftDetectedFacts(event.data), event.envelope.id);
  }

  @ConsumeEvent('registry', Topics.feedbackReceived)
  feedbackReceived(@Payload() event: EventMessage<FeedbackReceivedV1>): Promise<void> {
    return this.recorder.record(feedbackReceivedFacts(event.data), event.envelope.id);
  }

  @ConsumeEvent('registry', Topics.retrainingRequested)
  retrainingRequested(@Payload() event: EventMessage<RetrainingRequestedV1>): Promise<void> {
    return this.recorder.record(retrainingRequestedFacts(event.data), event.envelope.id);
  }
}

import type { DatasetSplitRef, EvaluationCompletedV1, EvaluationFailedV1 } from '@llmops/contracts';
import type { GatePolicyRules } from '@llmops/eval-suite';
import type { SuiteSpec } from '../suites/suite.dto';

export type EvaluationStatus = 'queued' | 'running' | 'succeeded' | 'failed';
export type EvaluationCandidate = EvaluationCompletedV1['candidate'];
export type EvaluationSuiteRef = EvaluationCompletedV1['suite'];
export type EvaluationTrigger = EvaluationCompletedV1['trigger'];

/** A suite dataset resolved to one immutable version when the evaluation was created. */
export interface ResolvedDataset extends DatasetSplitRef {
  datasetName: string;
  manifestUri: string;
}

/** The gate policy version frozen into the evaluation. */
export interface FrozenGatePolicy {
  id: string;
  name: string;
  version: number;
  rules: GatePolicyRules;
}

/** What a finished evaluation keeps in its row: the event's payload minus what the row already has. */
export type EvaluationResult = Omit<
  EvaluationCompletedV1,
  'evaluationId' | 'candidate' | 'suite' | 'trigger' | 'datasets'
>;

export interface EvaluationRow {
  id: string;
  status: EvaluationStatus;
  trigger: EvaluationTrigger;
  candidate: EvaluationCandidate;
  suite: EvaluationSuiteRef;
  suiteSpec: SuiteSpec;
  datasets: ResolvedDataset[];
  gatePolicy: FrozenGatePolicy | null;
  attempt: number;
  result: EvaluationResult | null;
  error: EvaluationFailedV1['error'] | null;
  progress: { stage: string; done: number; total: number } | null;
  createdAt: Date;
  startedAt: Date | null;
  finishedAt: Date | null;
}

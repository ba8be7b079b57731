import type { TrainingExecutor } from './training-executor';

/** Injection token: the executors this process can run, by kind. */
export const TRAINING_EXECUTORS = Symbol('TRAINING_EXECUTORS');

export type ExecutorRegistry = ReadonlyMap<TrainingExecutor['kind'], TrainingExecutor>;

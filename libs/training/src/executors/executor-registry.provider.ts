import type { Provider } from '@nestjs/common';
import { ObjectStore } from '@llmops/storage';
import { TRAINING_CONFIG, type TrainingConfig } from '../config';
import { BuiltinExecutor } from './builtin/builtin.executor';
import { TRAINING_EXECUTORS, type ExecutorRegistry } from './executor-registry';
import type { TrainingExecutor } from './training-executor';

/** The executors this process offers: builtin always; process and kubernetes when configured. */
export const executorRegistryProvider: Provider = {
  provide: TRAINING_EXECUTORS,
  inject: [TRAINING_CONFIG, ObjectStore],
  useFactory: (_config: TrainingConfig, store: ObjectStore): ExecutorRegistry => {
    const executors: TrainingExecutor[] = [new BuiltinExecutor(store)];
    return new Map(executors.map((e) => [e.kind, e]));
  },
};

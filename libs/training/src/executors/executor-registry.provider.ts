import path from 'node:path';
import type { Provider } from '@nestjs/common';
import { ObjectStore } from '@llmops/storage';
import { TRAINING_CONFIG, type TrainingConfig } from '../config';
import { BuiltinExecutor } from './builtin/builtin.executor';
import { TRAINING_EXECUTORS, type ExecutorRegistry } from './executor-registry';
import { KubernetesExecutor } from './kubernetes';
import { ProcessExecutor } from './process';
import type { TrainingExecutor } from './training-executor';

/**
 * The executors this process offers: builtin always; process when `TRAINING_PROCESS_COMMANDS` allows
 * at least one command; kubernetes when a kubeconfig or an in-cluster service account is available.
 */
export const executorRegistryProvider: Provider = {
  provide: TRAINING_EXECUTORS,
  inject: [TRAINING_CONFIG, ObjectStore],
  useFactory: (config: TrainingConfig, store: ObjectStore): ExecutorRegistry => {
    const executors: TrainingExecutor[] = [new BuiltinExecutor(store)];
    const commands = config.TRAINING_PROCESS_COMMANDS;
    if (Array.isArray(commands) ? commands.length > 0 : Object.keys(commands).length > 0) {
      executors.push(
        new ProcessExecutor({
          store,
          workDir: path.join(config.TRAINING_WORK_DIR, 'process'),
          allowedCommands: commands,
        }),
      );
    }
    const inCluster = config.TRAINING_KUBERNETES_IN_CLUSTER === 'true';
    if (config.TRAINING_KUBECONFIG || inCluster) {
      executors.push(
        new KubernetesExecutor({
          kubeConfig: config.TRAINING_KUBECONFIG
            ? { kind: 'file', path: config.TRAINING_KUBECONFIG }
            : { kind: 'in-cluster' },
          namespace: config.TRAINING_KUBERNETES_NAMESPACE,
          store,
          objectStore: {
            endpoint: config.TRAINING_KUBERNETES_S3_ENDPOINT ?? config.S3_ENDPOINT ?? '',
            bucket: config.S3_BUCKET,
            region: config.S3_REGION,
          },
        }),
      );
    }
    return new Map(executors.map((e) => [e.kind, e]));
  },
};

import { parentPort, workerData } from 'node:worker_threads';
import { runBuiltinJob, type BuiltinJobInput } from './builtin-training-job';

/** Worker-thread entry: trains, streams progress, answers with the files (transferred, not copied). */
const port = parentPort;
if (port) {
  const abort = new AbortController();
  port.on('message', (message: { type: string }) => {
    if (message.type === 'abort') abort.abort(new Error('cancelled'));
  });
  runBuiltinJob(
    workerData as BuiltinJobInput,
    (progress) => {
      port.postMessage({ type: 'progress', progress });
    },
    abort.signal,
  ).then(
    (output) => {
      port.postMessage(
        { type: 'done', output },
        output.files.map((f) => f.bytes.buffer as ArrayBuffer),
      );
    },
    (error: unknown) => {
      port.postMessage({
        type: 'error',
        code:
          typeof error === 'object' && error !== null && 'code' in error
            ? String(error.code)
            : 'TRAINING_FAILED',
        message: error instanceof Error ? error.message : String(error),
      });
    },
  );
}

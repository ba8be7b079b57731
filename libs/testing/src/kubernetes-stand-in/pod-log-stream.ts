import type { IncomingMessage, ServerResponse } from 'node:http';
import type { IPod } from 'kubernetes-models/v1/Pod';
import type { PodLogBook } from './pod-log-book';
import { StandInApiError } from './stand-in-api-error';

/** `pods/<pod>/log`: text lines; `follow` streams until the container ends. */
export function servePodLog(
  logs: PodLogBook,
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
  pod: IPod,
): void {
  const namespace = pod.metadata?.namespace ?? '';
  const name = pod.metadata?.name ?? '';
  const containers = pod.spec?.containers ?? [];
  const container = url.searchParams.get('container');
  if (container !== null && !containers.some((each) => each.name === container)) {
    throw StandInApiError.badRequest(`container ${container} is not valid for pod ${name}`);
  }
  if (container === null && containers.length > 1) {
    throw StandInApiError.badRequest(`a container name must be specified for pod ${name}`);
  }
  const status = pod.status?.containerStatuses?.[0];
  const waiting = status?.state?.waiting;
  if (waiting !== undefined) {
    throw StandInApiError.badRequest(
      `container "${status?.name ?? ''}" in pod "${name}" is waiting to start: ${waiting.reason ?? 'ContainerCreating'}`,
    );
  }
  const timestamps = url.searchParams.get('timestamps') === 'true';
  const tail = url.searchParams.get('tailLines');
  const limitBytes = Number(url.searchParams.get('limitBytes') ?? '0');
  const total = logs.count(namespace, name);
  const from = tail === null ? 0 : Math.max(0, total - Number(tail));
  res.writeHead(200, { 'content-type': 'text/plain; charset=utf-8', 'transfer-encoding': 'chunked' });
  const first = logs.read(namespace, name, from, timestamps);
  const text = first.text.map((line) => `${line}\n`).join('');
  const follow = url.searchParams.get('follow') === 'true';
  if (!follow || first.ended) {
    res.end(limitBytes > 0 ? Buffer.from(text).subarray(0, limitBytes) : text);
    return;
  }
  res.write(text);
  let sent = from + first.text.length;
  const stop = logs.follow(namespace, name, () => {
    const next = logs.read(namespace, name, sent, timestamps);
    sent += next.text.length;
    if (next.text.length > 0) res.write(next.text.map((line) => `${line}\n`).join(''));
    if (next.ended) {
      stop();
      res.end();
    }
  });
  req.on('close', stop);
}

import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ResourceName, ResourceTable, ResourceTypes } from './resource-table';
import { objectMatcher } from './selectors';
import { StandInApiError } from './stand-in-api-error';

/**
 * A watch stream: JSON lines `{ type, object }`. Without a resourceVersion (or with "0") it starts
 * with synthetic ADDED events for what exists; with one, it replays the history after it, or sends
 * one ERROR event with a 410 Status when that history was compacted.
 */
export function serveWatch(
  table: ResourceTable,
  open: Set<ServerResponse>,
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
  resource: ResourceName,
  namespace: string,
): void {
  const matches = objectMatcher(url);
  const inScope = (object: ResourceTypes[ResourceName]): boolean =>
    object.metadata?.namespace === namespace && matches(object);
  res.writeHead(200, { 'content-type': 'application/json', 'transfer-encoding': 'chunked' });
  open.add(res);
  const send = (type: string, object: unknown): void => {
    res.write(`${JSON.stringify({ type, object })}\n`);
  };
  const from = url.searchParams.get('resourceVersion') ?? '';
  if (from === '' || from === '0') {
    for (const object of table.list(resource, namespace).filter(matches)) send('ADDED', object);
  } else {
    const events = table.eventsSince(resource, Number(from));
    if (events === 'expired') {
      send('ERROR', new StandInApiError(410, 'Expired', `too old resource version: ${from}`).toStatus());
      open.delete(res);
      res.end();
      return;
    }
    for (const event of events) if (inScope(event.object)) send(event.type, event.object);
  }
  const start = table.resourceVersion;
  const unsubscribe = table.subscribe((event) => {
    if (event.resource === resource && event.version > start && inScope(event.object))
      send(event.type, event.object);
  });
  const timeoutSeconds = Number(url.searchParams.get('timeoutSeconds') ?? '0');
  const timer = timeoutSeconds > 0 ? setTimeout(() => res.end(), timeoutSeconds * 1000) : undefined;
  const cleanup = (): void => {
    unsubscribe();
    clearTimeout(timer);
    open.delete(res);
  };
  res.on('close', cleanup);
  req.on('close', cleanup);
}

import { Injectable } from '@nestjs/common';
import type { EventServer } from './consumer/event-server';
import type { EventPublisher } from './outbox/event-publisher';
import type { OutboxRelay } from './outbox/outbox-relay';

/** Every service module in the process registers its event server and relay here for the host to wire. */
@Injectable()
export class EventServerRegistry {
  readonly servers: EventServer[] = [];
  readonly relays = new Map<string, OutboxRelay>();
  readonly publishers = new Map<string, EventPublisher>();
}

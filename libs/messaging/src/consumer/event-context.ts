/** Delivery facts handed to an event handler beside the event (Nest's `@Ctx()`). */
export class EventContext {
  constructor(
    readonly topic: string,
    readonly partition: number,
    readonly offset: string,
    readonly consumerGroup: string,
    readonly attempt: number,
  ) {}
}

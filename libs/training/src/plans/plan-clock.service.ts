import { Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { PlanService } from './plan.service';

/** Scheduled plans are checked this often; schedules are at least a minute apart. */
const TICK_MS = 15_000;

/** Fires scheduled plans when due (`everySeconds` since the last firing, cooldown respected). */
@Injectable()
export class PlanClock implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(PlanClock.name);
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;

  constructor(private readonly plans: PlanService) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => {
      this.running ??= this.plans
        .onClock()
        .then(() => undefined)
        .catch((error: unknown) => {
          this.logger.warn(`plan clock: ${String(error)}`);
        })
        .finally(() => (this.running = undefined));
    }, TICK_MS);
    this.timer.unref();
  }

  async onModuleDestroy(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }
}

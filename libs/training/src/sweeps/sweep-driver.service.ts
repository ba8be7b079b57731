import { Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { TransactionHost } from '@llmops/persistence';
import { SweepRepository } from '../repositories/sweep.repository';
import { SweepService } from './sweep.service';

const TICK_MS = 1000;

/** Advances running sweeps: early stopping, new trials as capacity frees up, the best run at the end. */
@Injectable()
export class SweepDriver implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(SweepDriver.name);
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;

  constructor(
    private readonly tx: TransactionHost,
    private readonly sweepRows: SweepRepository,
    private readonly sweeps: SweepService,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => {
      this.running ??= this.tick()
        .catch((error: unknown) => {
          this.logger.warn(`sweeps: ${String(error)}`);
        })
        .finally(() => (this.running = undefined));
    }, TICK_MS);
    this.timer.unref();
  }

  async onModuleDestroy(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }

  private async tick(): Promise<void> {
    for (const id of await this.tx.run(() => this.sweepRows.runningIds())) await this.sweeps.advance(id);
  }
}

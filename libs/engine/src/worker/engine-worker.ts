import { BeforeApplicationShutdown, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { AuditSealer } from '@satisflow/audit';
import { AppConfig } from '@satisflow/config';
import { OutboxBell } from './outbox-bell';
import { OutboxProcessor } from './outbox-processor';
import { TimerPoller } from './timer-poller';
import { ClockSync } from './clock-sync';
import { Schedules } from './schedules';

/**
 * The background loop of a worker process (ROLE=worker or all): due timers,
 * pending outbox rows, audit sealing. Nothing it needs lives only in memory,
 * so any number of workers can share one MySQL and a restart loses nothing.
 */
@Injectable()
export class EngineWorker implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('Worker');
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;
  private stopped = false;
  private wanted = false;

  constructor(
    private readonly config: AppConfig,
    private readonly timers: TimerPoller,
    private readonly outbox: OutboxProcessor,
    private readonly sealer: AuditSealer,
    private readonly clockSync: ClockSync,
    private readonly schedules: Schedules,
    private readonly outboxBell: OutboxBell,
  ) {}

  onApplicationBootstrap(): void {
    if (!this.config.runsWorker) return;
    this.outboxBell.listen(() => this.nudge());
    this.schedule(0);
  }

  /** Before, not on, shutdown: TypeORM closes the connection on shutdown, and a cycle still running would fail. */
  async beforeApplicationShutdown(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.running;
  }

  /** Runs a cycle soon (rung after a commit that wrote outbox rows), without waiting for the poll interval. */
  nudge(): void {
    if (!this.config.runsWorker || this.stopped) return;
    if (this.running) {
      this.wanted = true;
      return;
    }
    this.schedule(0);
  }

  /** One full cycle, awaited (tests, the test-clock endpoint). */
  async runOnce(): Promise<void> {
    while (this.running) await this.running;
    this.running = this.cycle();
    try {
      await this.running;
    } finally {
      this.running = undefined;
    }
  }

  private schedule(ms: number): void {
    if (this.stopped) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      void this.runOnce().finally(() => {
        const again = this.wanted;
        this.wanted = false;
        this.schedule(again ? 0 : this.config.WORKER_POLL_MS);
      });
    }, ms);
  }

  private async cycle(): Promise<void> {
    try {
      await this.clockSync.refresh();
      // outbox first: children started by a transition exist before their deadlines are looked at
      await this.outbox.runPending();
      await this.timers.runDue();
      await this.schedules.runDue();
      await this.outbox.runPending();
      await this.sealer.tick();
    } catch (error) {
      this.logger.error(`worker cycle failed: ${(error as Error).message}`);
    }
  }
}

import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { Clock } from '@satisflow/config';
import { isUniqueViolation, TransactionRunner } from '@satisflow/persistence';
import { ScheduleEntity } from '../entities';

/** Something that recurs without an instance to hang a timer on (the yearly survey reminder). */
export interface ScheduledJob {
  key: string;
  /** The first due moment strictly after `now` (reads configuration, so a changed setting moves the next firing). */
  nextAfter(now: Date): Promise<Date>;
  /** Does the job inside the claiming transaction; returns the instance it started, if any. */
  run(m: EntityManager, due: Date): Promise<string | null>;
}

/**
 * Durable schedules: one row per job holds its next due moment. A worker
 * fires a due job by claiming the row (`runs = runs + 1 WHERE runs = <read>`)
 * and running the job in the same transaction, so it fires exactly once per
 * due moment with any number of workers, and a restart loses nothing.
 * A job missed for several periods (server off, clock moved far) fires once.
 */
@Injectable()
export class Schedules {
  private readonly logger = new Logger(Schedules.name);
  private readonly jobs = new Map<string, ScheduledJob>();

  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly tx: TransactionRunner,
    private readonly clock: Clock,
  ) {}

  register(job: ScheduledJob): void {
    this.jobs.set(job.key, job);
  }

  /** Fires every due job; returns how many fired here. */
  async runDue(): Promise<number> {
    let fired = 0;
    for (const job of this.jobs.values()) {
      try {
        if (await this.runJob(job)) fired++;
      } catch (error) {
        this.logger.error(`schedule ${job.key} failed: ${(error as Error).message}`);
      }
    }
    return fired;
  }

  private async runJob(job: ScheduledJob): Promise<boolean> {
    const now = this.clock.now();
    const repo = this.ds.getRepository(ScheduleEntity);
    const row = await repo.findOne({ where: { key: job.key } });
    const expected = await job.nextAfter(now);
    if (!row) {
      try {
        await repo.insert({ key: job.key, nextDueAt: expected, runs: 0, lastFiredAt: null, lastInstanceId: null });
      } catch (error) {
        if (!isUniqueViolation(error)) throw error; // another process created it first
      }
      return false;
    }
    if (row.nextDueAt > now) {
      // the configuration moved the next firing (e.g. another reminder month)
      if (row.nextDueAt.getTime() !== expected.getTime()) await repo.update({ key: job.key, runs: row.runs }, { nextDueAt: expected });
      return false;
    }
    return this.tx.run(async (m) => {
      const claimed = await m.update(ScheduleEntity, { key: job.key, runs: row.runs }, { runs: row.runs + 1, nextDueAt: expected, lastFiredAt: now });
      if (!claimed.affected) return false; // another worker fired it
      const instanceId = await job.run(m, row.nextDueAt);
      if (instanceId) await m.update(ScheduleEntity, { key: job.key }, { lastInstanceId: instanceId });
      return true;
    });
  }
}

import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, LessThanOrEqual } from 'typeorm';
import { Clock } from '@satisflow/config';
import { TransactionRunner } from '@satisflow/persistence';
import { InstanceEntity, TimerEntity } from '../entities';
import { Dispatcher } from '../dispatch/dispatcher';
import { ProcedureRegistry } from '../procedure-registry';
import { CalendarService } from '../time/calendar.service';

const BATCH = 100;

/**
 * Fires due deadlines. Each timer is claimed and fired in one transaction
 * with the DEADLINE transition it causes and is deleted by it, so a timer
 * fires exactly once even with several workers: on MySQL the claim is
 * `FOR UPDATE SKIP LOCKED` (a second worker skips a row being fired and
 * finds it gone afterwards); on SQLite there is one writer.
 */
@Injectable()
export class TimerPoller {
  private readonly logger = new Logger(TimerPoller.name);

  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly tx: TransactionRunner,
    private readonly dispatcher: Dispatcher,
    private readonly registry: ProcedureRegistry,
    private readonly clock: Clock,
    private readonly calendar: CalendarService,
  ) {}

  /** Fires every timer due now; returns how many fired. */
  async runDue(): Promise<number> {
    let fired = 0;
    for (;;) {
      const due = await this.ds.getRepository(TimerEntity).find({
        where: { dueAt: LessThanOrEqual(this.clock.now()) },
        order: { dueAt: 'ASC' },
        take: BATCH,
        // the whole key (ix_timers_due carries it): the claim and the delete below are primary-key lookups
        select: { instanceId: true, id: true },
      });
      for (const key of due) if (await this.fire(key)) fired++;
      if (due.length < BATCH) return fired;
    }
  }

  private async fire(key: Pick<TimerEntity, 'instanceId' | 'id'>): Promise<boolean> {
    const calendar = await this.calendar.get();
    try {
      return await this.tx.run(async (m) => {
        const qb = m
          .getRepository(TimerEntity)
          .createQueryBuilder('t')
          .where('t.instanceId = :instanceId AND t.id = :id', { instanceId: key.instanceId, id: key.id });
        if (this.tx.dialect === 'mysql') qb.setLock('pessimistic_write').setOnLocked('skip_locked');
        const timer = await qb.getOne();
        if (!timer) return false; // fired or claimed by another worker
        await m.delete(TimerEntity, { instanceId: timer.instanceId, id: timer.id });
        const instance = await m.findOne(InstanceEntity, { where: { id: timer.instanceId } });
        // the instance moved on since the timer was set: the deadline no longer applies
        if (!instance || instance.status !== 'active' || instance.state !== timer.state) return false;
        const def = this.registry.get(instance.procedureKey, instance.procedureVersion);
        await this.dispatcher.apply(m, def, instance, { type: 'DEADLINE', state: timer.state, level: timer.level }, undefined, undefined, calendar);
        return true;
      });
    } catch (error) {
      this.logger.error(`timer ${key.id} failed: ${(error as Error).message}`);
      return false;
    }
  }
}

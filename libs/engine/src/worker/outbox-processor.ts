import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager, In, LessThanOrEqual } from 'typeorm';
import { Clock } from '@satisflow/config';
import { TransactionRunner } from '@satisflow/persistence';
import { Dispatcher } from '../dispatch/dispatcher';
import { NotificationEntity, OutboxEntity } from '../entities';
import { ProcedureRegistry } from '../procedure-registry';
import { CalendarService } from '../time/calendar.service';
import { OutboxBell } from './outbox-bell';

const BATCH = 100;
const MAX_ATTEMPTS = 8;

/** Performs one kind of effect; database effects run inside the claiming transaction. */
export type EffectHandler = (m: EntityManager, row: OutboxEntity) => Promise<void>;

/**
 * Performs side effects after the transition that asked for them committed.
 * A row is claimed, performed and marked done in one transaction, so database
 * effects (children, notifications) happen exactly once; failures are retried
 * with back-off and kept, never dropped.
 */
@Injectable()
export class OutboxProcessor {
  private readonly logger = new Logger(OutboxProcessor.name);
  private readonly handlers = new Map<string, EffectHandler>();

  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly tx: TransactionRunner,
    private readonly dispatcher: Dispatcher,
    private readonly registry: ProcedureRegistry,
    private readonly clock: Clock,
    private readonly calendar: CalendarService,
    bell: OutboxBell,
  ) {
    this.handlers.set('startChild', (m, row) => this.startChild(m, row));
    this.handlers.set('notify', (m, row) => this.notify(m, row));
    bell.performWith(async (ids) => {
      // waits for a worker that holds a row rather than skipping it: the caller reads what it did next
      for (const id of ids) await this.perform(id, { waitForLock: true });
    });
  }

  /** Lets other modules perform their own effect kinds (e-mail, …). */
  register(kind: string, handler: EffectHandler): void {
    this.handlers.set(kind, handler);
  }

  async runPending(): Promise<number> {
    let done = 0;
    for (;;) {
      const rows = await this.ds.getRepository(OutboxEntity).find({
        where: { status: In(['pending']), nextAttemptAt: LessThanOrEqual(this.clock.now()) },
        order: { createdAt: 'ASC' },
        take: BATCH,
        select: { id: true },
      });
      for (const { id } of rows) if (await this.perform(id)) done++;
      if (rows.length < BATCH) return done;
    }
  }

  private async perform(id: string, { waitForLock = false } = {}): Promise<boolean> {
    try {
      return await this.tx.run(async (m) => {
        const row = await this.claim(m, id, waitForLock);
        if (!row) return false;
        const handler = this.handlers.get(row.kind);
        if (!handler) throw new Error(`no handler for effect ${row.kind}`);
        await handler(m, row);
        await m.update(OutboxEntity, { id }, { status: 'done', attempts: row.attempts + 1, doneAt: this.clock.now(), lastError: null });
        return true;
      });
    } catch (error) {
      await this.recordFailure(id, error as Error);
      return false;
    }
  }

  private async claim(m: EntityManager, id: string, waitForLock: boolean): Promise<OutboxEntity | null> {
    const qb = m.getRepository(OutboxEntity).createQueryBuilder('o').where('o.id = :id AND o.status = :status', { id, status: 'pending' });
    if (this.tx.dialect === 'mysql') {
      qb.setLock('pessimistic_write');
      if (!waitForLock) qb.setOnLocked('skip_locked');
    }
    return qb.getOne();
  }

  private async recordFailure(id: string, error: Error): Promise<void> {
    this.logger.warn(`outbox ${id} failed: ${error.message}`);
    await this.tx.run(async (m) => {
      const row = await m.findOne(OutboxEntity, { where: { id } });
      if (!row || row.status !== 'pending') return;
      const attempts = row.attempts + 1;
      await m.update(OutboxEntity, { id }, {
        attempts,
        status: attempts >= MAX_ATTEMPTS ? 'failed' : 'pending',
        nextAttemptAt: new Date(this.clock.now().getTime() + 1000 * 2 ** attempts),
        lastError: error.message.slice(0, 2000),
      });
    });
  }

  private async startChild(m: EntityManager, row: OutboxEntity): Promise<void> {
    const effect = row.payload;
    if (effect.type !== 'effect.startChild') throw new Error('not a startChild effect');
    const def = this.registry.latest(effect.procedure);
    await this.dispatcher.startIn(m, def, { procedure: effect.procedure, title: effect.title, data: effect.data }, undefined, await this.calendar.get(), {
      parent: { parentId: row.instanceId, parentKey: row.effectKey },
    });
  }

  private async notify(m: EntityManager, row: OutboxEntity): Promise<void> {
    const effect = row.payload;
    if (effect.type !== 'effect.notify') throw new Error('not a notify effect');
    await m.insert(NotificationEntity, {
      id: randomUUID(),
      instanceId: row.instanceId,
      role: effect.role,
      messageZh: effect.message.zh.slice(0, 500),
      messageEn: effect.message.en.slice(0, 500),
      outboxId: row.id,
      createdAt: this.clock.now(),
    });
  }
}

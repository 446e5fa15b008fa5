import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource, FindOptionsWhere } from 'typeorm';
import { Clock } from '@satisflow/config';
import { timeRange } from '@satisflow/persistence';
import { SecurityEventEntity, type SecurityEventKind } from './security-event.entity';

/** Who tried, as whom, from where, on which instance. */
export interface SecurityEventInput {
  username: string;
  userId?: string | null;
  ip?: string | null;
  instanceId?: string | null;
}

export type FailureReason = 'unknownUser' | 'wrongPassword' | 'disabled';

export interface SecurityEventFilter {
  kind?: SecurityEventKind;
  username?: string;
  from?: Date;
  to?: Date;
}

/**
 * The security log (21 CFR Part 11-style: failed attempts to log in or to sign are
 * recorded and reviewable). Written outside the refused request's transaction, which
 * has none: the request fails either way, and the attempt must stay recorded.
 */
@Injectable()
export class SecurityLog {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly clock: Clock,
  ) {}

  /**
   * A wrong password at login or at a signature; with `locked`, also the brake it set off
   * (LoginThrottle.failed), in the same insert.
   */
  async failed(what: 'login' | 'signature', e: SecurityEventInput, reason: FailureReason, locked: boolean): Promise<void> {
    const at = this.clock.now();
    const row = (kind: SecurityEventKind, why: FailureReason | 'throttled') => ({
      id: randomUUID(),
      at,
      kind,
      username: e.username.slice(0, 64),
      userId: e.userId ?? null,
      ip: e.ip?.slice(0, 64) ?? null,
      instanceId: e.instanceId ?? null,
      reason: why,
    });
    await this.ds.getRepository(SecurityEventEntity).insert([row(`${what}.failed`, reason), ...(locked ? [row(`${what}.locked`, 'throttled')] : [])]);
  }

  /** Newest first. */
  async page(f: SecurityEventFilter, page: number, pageSize: number): Promise<{ items: SecurityEventEntity[]; total: number }> {
    const where: FindOptionsWhere<SecurityEventEntity> = {};
    if (f.kind) where.kind = f.kind;
    if (f.username) where.username = f.username;
    const at = timeRange(f.from, f.to);
    if (at) where.at = at;
    const [items, total] = await this.ds.getRepository(SecurityEventEntity).findAndCount({
      where,
      // a brake's `locked` row and the failure that set it off share their millisecond: `*.locked` sorts above `*.failed`
      order: { at: 'DESC', kind: 'DESC', id: 'ASC' },
      skip: (page - 1) * pageSize,
      take: pageSize,
    });
    return { items, total };
  }
}

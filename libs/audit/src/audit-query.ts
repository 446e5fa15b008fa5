import { Injectable, NotFoundException } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { FindOptionsWhere, Repository } from 'typeorm';
import { says } from '@satisflow/http';
import { timeRange } from '@satisflow/persistence';
import { AuditRecordEntity } from './audit-record.entity';

export interface AuditRecordView {
  seq: number;
  instanceId: string;
  revision: number;
  at: string;
  actor: { id: string | null; username: string; role: string | null };
  event: string;
  fromState: string | null;
  toState: string;
  comment?: string;
  data?: unknown;
  signatureMeaning?: string;
  procedure: { key: string; version: number };
  hash: string;
  prevHash: string;
}

export interface AuditFilter {
  instanceId?: string;
  actor?: string;
  from?: Date;
  to?: Date;
}

export function toAuditView(r: AuditRecordEntity): AuditRecordView {
  return {
    seq: r.seq,
    instanceId: r.instanceId,
    revision: r.revision,
    at: r.at.toISOString(),
    actor: { id: r.actorId, username: r.actorUsername, role: r.actorRole },
    event: r.event,
    fromState: r.fromState,
    toState: r.toState,
    ...(r.comment !== null ? { comment: r.comment } : {}),
    ...(r.data !== null ? { data: JSON.parse(r.data) as unknown } : {}),
    ...(r.signatureMeaning !== null ? { signatureMeaning: r.signatureMeaning } : {}),
    procedure: { key: r.procedureKey, version: r.procedureVersion },
    hash: r.hash,
    prevHash: r.prevHash,
  };
}

@Injectable()
export class AuditQuery {
  constructor(@InjectRepository(AuditRecordEntity) private readonly records: Repository<AuditRecordEntity>) {}

  async page(filter: AuditFilter, page: number, pageSize: number): Promise<{ items: AuditRecordView[]; total: number }> {
    const [rows, total] = await this.records.findAndCount({
      where: this.where(filter),
      order: { seq: 'ASC' },
      skip: (page - 1) * pageSize,
      take: pageSize,
    });
    return { items: rows.map(toAuditView), total };
  }

  async history(instanceId: string): Promise<AuditRecordView[]> {
    return (await this.records.find({ where: { instanceId }, order: { revision: 'ASC' } })).map(toAuditView);
  }

  async all(filter: AuditFilter): Promise<AuditRecordView[]> {
    return (await this.records.find({ where: this.where(filter), order: { seq: 'ASC' } })).map(toAuditView);
  }

  /**
   * An instance filter that matched nothing must name a known instance: a mistyped id is a
   * 404, not an empty trail an auditor could take for "no activity". Known: the instance
   * exists, or records of it remain (a removed instance's records are still the trail).
   */
  async assertKnownInstance(filter: AuditFilter, matched: number): Promise<void> {
    if (!filter.instanceId || matched > 0) return;
    const id = filter.instanceId;
    const [row] = await this.records.manager.query(
      'SELECT 1 AS known FROM instances WHERE id = ? UNION ALL SELECT 1 FROM audit_records WHERE instance_id = ? LIMIT 1',
      [id, id],
    );
    if (!row) throw new NotFoundException(says(`instance ${id} not found: it has no record in the trail`, `实例 ${id} 不存在：审计追踪中没有它的任何记录`));
  }

  private where(f: AuditFilter): FindOptionsWhere<AuditRecordEntity> {
    const where: FindOptionsWhere<AuditRecordEntity> = {};
    if (f.instanceId) where.instanceId = f.instanceId;
    if (f.actor) where.actorUsername = f.actor;
    const at = timeRange(f.from, f.to);
    if (at) where.at = at;
    return where;
  }
}

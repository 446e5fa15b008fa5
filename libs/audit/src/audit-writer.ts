import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { canonicalJson, GENESIS, recordHash } from './audit-hash';
import { AuditRecordEntity } from './audit-record.entity';

export interface AuditEntry {
  instanceId: string;
  /** The instance revision this record brings it to (1 for creation). */
  revision: number;
  at: Date;
  actor: { id: string | null; username: string; role: string | null };
  event: string;
  fromState: string | null;
  toState: string;
  comment?: string | null;
  data?: unknown;
  signatureMeaning?: string | null;
  procedureKey: string;
  procedureVersion: number;
}

/**
 * Appends to an instance's hash chain inside the caller's transaction. The
 * caller holds the instance row (revision check), so the chain of one instance
 * is never appended to concurrently; instances do not contend with each other.
 */
@Injectable()
export class AuditWriter {
  /** Returns the new record's hash: the instance's new chain head. */
  async append(manager: EntityManager, prevHash: string | null, e: AuditEntry): Promise<string> {
    const fields = {
      instanceId: e.instanceId,
      revision: e.revision,
      at: e.at,
      actorId: e.actor.id,
      actorUsername: e.actor.username,
      actorRole: e.actor.role,
      event: e.event,
      fromState: e.fromState,
      toState: e.toState,
      comment: e.comment ?? null,
      data: e.data === undefined || e.data === null ? null : canonicalJson(e.data),
      signatureMeaning: e.signatureMeaning ?? null,
      procedureKey: e.procedureKey,
      procedureVersion: e.procedureVersion,
    };
    const prev = prevHash ?? GENESIS;
    const hash = recordHash(prev, fields);
    await manager.insert(AuditRecordEntity, { ...fields, prevHash: prev, hash });
    return hash;
  }
}

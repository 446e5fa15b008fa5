import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { dbTime, executeAll, Statement } from '@satisflow/persistence';
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
    const record = this.seal(prevHash, e);
    await this.insert(manager, record);
    return record.hash;
  }

  /**
   * Builds the hashed record without writing it, so the caller can first win the
   * instance's revision check and only then insert (a loser never touches the trail).
   */
  seal(prevHash: string | null, e: AuditEntry): Omit<AuditRecordEntity, 'seq'> {
    const prev = prevHash ?? GENESIS;
    // one literal, the hash filled in after: `{ ...fields, prevHash, hash }` took V8 (Node 20) ~5 µs,
    // on every transition (a spread followed by more properties leaves its fast path)
    const record = {
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
      prevHash: prev,
      hash: '',
    };
    record.hash = recordHash(prev, record);
    return record;
  }

  async insert(manager: EntityManager, record: Omit<AuditRecordEntity, 'seq'>): Promise<void> {
    await executeAll(manager, [this.insertStatement(manager, record)]);
  }

  /** The record's INSERT as prepared SQL, for the caller to batch with its other writes (it runs on every transition). */
  insertStatement(manager: EntityManager, r: Omit<AuditRecordEntity, 'seq'>): Statement {
    return {
      sql: `INSERT INTO audit_records (instance_id, revision, at, actor_id, actor_username, actor_role, event, from_state, to_state,
                                       comment, data, signature_meaning, procedure_key, procedure_version, prev_hash, hash)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      params: [r.instanceId, r.revision, dbTime(manager, r.at), r.actorId, r.actorUsername, r.actorRole, r.event, r.fromState, r.toState,
        r.comment, r.data, r.signatureMeaning, r.procedureKey, r.procedureVersion, r.prevHash, r.hash],
    };
  }
}

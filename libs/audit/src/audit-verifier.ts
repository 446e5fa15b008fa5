import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { checkpointHash, GENESIS, rangeDigest, recordHash } from './audit-hash';
import { toDate, toInt } from '@satisflow/persistence';

export interface VerifyResult {
  ok: boolean;
  checked: number;
  checkpoints: number;
  head?: { seq: number; hash: string };
  firstBroken?: { seq: number; instanceId: string; reason: string };
}

interface Problem {
  seq: number;
  instanceId: string;
  reason: string;
}

const PAGE = 5000;

/**
 * Re-derives every hash and link of the trail, oldest first, in pages so a
 * million records need no more memory than one chain head per instance.
 *
 * Found: a changed record (hash differs), a removed, inserted or reordered one
 * (links or revisions out of step), the newest record of an instance removed
 * (the instance's stored head differs), an instance removed with its records
 * (a sealed checkpoint range no longer matches), and records of a sealed range
 * removed. What it cannot prove is in README ("Audit trail").
 */
@Injectable()
export class AuditVerifier {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  async verify(): Promise<VerifyResult> {
    const heads = new Map<string, { revision: number; hash: string; seq: number }>();
    const checkpoints = await this.ds.query(
      'SELECT seq, from_seq, to_seq, records, digest, prev_hash, hash FROM audit_checkpoints ORDER BY seq',
    );
    const problems: Problem[] = [];
    let prevCheckpoint = GENESIS;
    for (const c of checkpoints) {
      const expected = checkpointHash(c.prev_hash, { fromSeq: toInt(c.from_seq), toSeq: toInt(c.to_seq), records: toInt(c.records), digest: c.digest });
      if (c.prev_hash !== prevCheckpoint || expected !== c.hash) {
        problems.push({ seq: toInt(c.from_seq), instanceId: '', reason: `checkpoint ${c.seq} was altered or removed` });
      }
      prevCheckpoint = c.hash;
    }
    let cpIndex = 0;
    let cpRange: { seq: number; hash: string }[] = [];
    const closeRangesBefore = (seq: number) => {
      while (cpIndex < checkpoints.length && toInt(checkpoints[cpIndex].to_seq) < seq) {
        const c = checkpoints[cpIndex];
        if (cpRange.length !== toInt(c.records) || rangeDigest(cpRange) !== c.digest) {
          problems.push({
            seq: cpRange[0]?.seq ?? toInt(c.from_seq),
            instanceId: '',
            reason: `records sealed by checkpoint ${c.seq} (seq ${c.from_seq}–${c.to_seq}) were removed, added or changed`,
          });
        }
        cpRange = [];
        cpIndex++;
      }
    };

    let checked = 0;
    let last = 0;
    let head: { seq: number; hash: string } | undefined;
    for (;;) {
      const rows = await this.ds.query(
        `SELECT seq, instance_id, revision, at, actor_id, actor_username, actor_role, event, from_state, to_state,
                comment, data, signature_meaning, procedure_key, procedure_version, prev_hash, hash
           FROM audit_records WHERE seq > ? ORDER BY seq LIMIT ${PAGE}`,
        [last],
      );
      for (const r of rows) {
        const seq = toInt(r.seq);
        closeRangesBefore(seq);
        if (cpIndex < checkpoints.length && seq >= toInt(checkpoints[cpIndex].from_seq)) cpRange.push({ seq, hash: r.hash });
        const revision = toInt(r.revision);
        const prior = heads.get(r.instance_id);
        const expectedPrev = prior?.hash ?? GENESIS;
        const hash = recordHash(r.prev_hash, {
          instanceId: r.instance_id,
          revision,
          at: toDate(r.at),
          actorId: r.actor_id,
          actorUsername: r.actor_username,
          actorRole: r.actor_role,
          event: r.event,
          fromState: r.from_state,
          toState: r.to_state,
          comment: r.comment,
          data: r.data,
          signatureMeaning: r.signature_meaning,
          procedureKey: r.procedure_key,
          procedureVersion: toInt(r.procedure_version),
        });
        if (hash !== r.hash) {
          problems.push({ seq, instanceId: r.instance_id, reason: 'record changed: its content no longer matches its hash' });
        } else if (r.prev_hash !== expectedPrev || revision !== (prior?.revision ?? 0) + 1) {
          problems.push({ seq, instanceId: r.instance_id, reason: 'chain broken: a record of this instance before this one was removed, inserted or reordered' });
        }
        heads.set(r.instance_id, { revision, hash: r.hash, seq });
        head = { seq, hash: r.hash };
        checked++;
        last = seq;
      }
      if (rows.length < PAGE) break;
    }
    closeRangesBefore(Number.MAX_SAFE_INTEGER);

    const instances: { id: string; revision: unknown; audit_head: string }[] = await this.ds.query(
      'SELECT id, revision, audit_head FROM instances',
    );
    for (const i of instances) {
      const h = heads.get(i.id);
      if (!h) {
        problems.push({ seq: 0, instanceId: i.id, reason: 'every record of this instance was removed' });
      } else if (h.hash !== i.audit_head || h.revision !== toInt(i.revision)) {
        problems.push({ seq: h.seq, instanceId: i.id, reason: 'the newest record(s) of this instance were removed or the instance was altered' });
      }
      heads.delete(i.id);
    }
    for (const [instanceId, h] of heads) {
      problems.push({ seq: h.seq, instanceId, reason: 'instance removed: its records remain but the instance does not' });
    }

    problems.sort((a, b) => a.seq - b.seq);
    return {
      ok: problems.length === 0,
      checked,
      checkpoints: checkpoints.length,
      ...(head ? { head } : {}),
      ...(problems[0] ? { firstBroken: problems[0] } : {}),
    };
  }
}

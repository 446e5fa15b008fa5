import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { GENESIS, recordHash, type HashedFields } from '@satisflow/audit';

const PER_INSTANCE = 100;

/**
 * Writes `records` valid audit records (chains of PER_INSTANCE records per
 * instance, plus each instance with its chain head) in multi-row inserts, so
 * the trail verifies clean.
 */
export async function fillAuditTrail(ds: DataSource, records: number): Promise<void> {
  const mysql = ds.options.type === 'mysql';
  const time = (d: Date) => (mysql ? d : d.toISOString().slice(0, 23).replace('T', ' '));
  const start = Date.UTC(2026, 0, 1);
  const rowsPerInsert = 1000; // 16 columns: under SQLite's 32,766 bound variables
  let rows: unknown[] = [];
  let count = 0;
  let heads: unknown[] = [];
  const flush = async () => {
    if (heads.length) {
      const now = time(new Date(start));
      await ds.query(
        `INSERT INTO instances (id, procedure_key, procedure_version, title, state, status, revision, snapshot, step_actors, audit_head, created_at, updated_at)
         VALUES ${Array.from({ length: heads.length / 3 }, () => `(?, 'annual-satisfaction-survey', 1, 'audit bench', 'planning', 'active', ?, '{}', '{}', ?, ?, ?)`).join(',')}`,
        heads.flatMap((v, i) => (i % 3 === 2 ? [v, now, now] : [v])),
      );
      heads = [];
    }
    if (!count) return;
    const values = Array.from({ length: count }, () => '(?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)').join(',');
    await ds.query(
      `INSERT INTO audit_records (instance_id, revision, at, actor_id, actor_username, actor_role, event, from_state, to_state,
                                  comment, data, signature_meaning, procedure_key, procedure_version, prev_hash, hash) VALUES ${values}`,
      rows,
    );
    rows = [];
    count = 0;
  };
  for (let done = 0; done < records; ) {
    const instanceId = randomUUID();
    let prev = GENESIS;
    const n = Math.min(PER_INSTANCE, records - done);
    for (let revision = 1; revision <= n; revision++) {
      const at = new Date(start + done * 1000 + revision);
      const f: HashedFields = {
        instanceId,
        revision,
        at,
        actorId: null,
        actorUsername: 'survey_manager',
        actorRole: 'survey_manager',
        event: revision === 1 ? 'START' : revision % 2 ? 'REJECT' : 'SUBMIT',
        fromState: revision === 1 ? null : revision % 2 ? 'planApproval' : 'planning',
        toState: revision % 2 ? 'planning' : 'planApproval',
        comment: revision % 2 && revision > 1 ? 'rework' : null,
        data: revision % 2 ? null : '{"submitted":{"plan":{"period":"2026"}}}',
        signatureMeaning: null,
        procedureKey: 'annual-satisfaction-survey',
        procedureVersion: 1,
      };
      const hash = recordHash(prev, f);
      rows.push(f.instanceId, f.revision, time(at), f.actorId, f.actorUsername, f.actorRole, f.event, f.fromState, f.toState, f.comment, f.data, f.signatureMeaning, f.procedureKey, f.procedureVersion, prev, hash);
      prev = hash;
      if (++count === rowsPerInsert) await flush();
    }
    heads.push(instanceId, n, prev);
    done += n;
  }
  await flush();
}

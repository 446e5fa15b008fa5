import { GENESIS, rangeDigest, recordHash } from '../audit-hash';
import { CHAIN_BROKEN, CheckpointRow, earliest, joinRanges, RangeCheck, splitTrail } from './range-check';
import type { TrailRow } from './trail-source';

/** A valid trail: `instances` chains of `perInstance` records, interleaved by seq. */
function trail(instances: number, perInstance: number): TrailRow[] {
  const rows: TrailRow[] = [];
  const heads = new Map<string, string>();
  for (let rev = 1; rev <= perInstance; rev++) {
    for (let i = 0; i < instances; i++) {
      const instanceId = `i${i}`;
      const base = {
        seq: rows.length + 1, instanceId, revision: rev, at: '2026-12-01T08:00:00.000Z', actorId: null, actorUsername: 'system',
        actorRole: 'system', event: rev === 1 ? 'START' : 'SUBMIT', fromState: null, toState: 'planning', comment: '审核 "ok"',
        data: '{"k":1}', signatureMeaning: null, procedureKey: 'p', procedureVersion: 1, prevHash: heads.get(instanceId) ?? GENESIS,
      };
      const row = { ...base, hash: recordHash(base.prevHash, base) };
      heads.set(instanceId, row.hash);
      rows.push(row);
    }
  }
  return rows;
}

function checkpoint(rows: TrailRow[], seq: number, fromSeq: number, toSeq: number): CheckpointRow {
  const inside = rows.filter((r) => r.seq >= fromSeq && r.seq <= toSeq);
  return { seq, fromSeq, toSeq, records: inside.length, digest: rangeDigest(inside) };
}

/** Verifies `rows` split into the given tasks, as the verifier's threads would. */
function verifySplit(rows: TrailRow[], checkpoints: CheckpointRow[], parts: number) {
  const tasks = splitTrail(Math.max(rows.at(-1)?.seq ?? 0, checkpoints.at(-1)?.toSeq ?? 0), checkpoints, parts);
  return joinRanges(
    tasks.map((t) => {
      const check = new RangeCheck(t.checkpoints);
      for (const r of rows) if (r.seq > t.afterSeq && r.seq <= t.toSeq) check.add({ ...r });
      return check.finish();
    }),
  );
}

describe('audit trail checked in ranges', () => {
  const rows = trail(7, 10); // 70 records
  const checkpoints = [checkpoint(rows, 1, 1, 30), checkpoint(rows, 2, 31, 44)];

  it('cuts the trail at checkpoint ends, each checkpoint in exactly one range', () => {
    const tasks = splitTrail(70, checkpoints, 2);
    expect(tasks.map((t) => [t.afterSeq, t.toSeq])).toEqual([[0, 44], [44, 70]]); // 35 is inside checkpoint 2: moved to its end
    expect(tasks.map((t) => t.checkpoints.map((c) => c.seq))).toEqual([[1, 2], []]);
    expect(splitTrail(70, [], 3).map((t) => [t.afterSeq, t.toSeq])).toEqual([[0, 23], [23, 46], [46, 70]]);
    expect(splitTrail(0, [], 2)).toEqual([{ afterSeq: 0, toSeq: 0, checkpoints: [] }]);
  });

  it('gives the same verdict in one range and in several', () => {
    for (const parts of [1, 2, 3, 4]) {
      const result = verifySplit(rows, checkpoints, parts);
      expect(result.problem).toBeUndefined();
      expect(result.checked).toBe(70);
      expect(result.head).toEqual({ seq: 70, hash: rows[69].hash });
      expect(result.heads.get('i3')).toEqual({ seq: 67, revision: 10, hash: rows[66].hash });
    }
  });

  it('finds a record removed just before a cut, where only the join sees the gap', () => {
    const cut = splitTrail(70, [], 2)[0].toSeq; // 35
    const removed = rows.filter((r) => r.seq !== cut);
    const broken = removed.find((r) => r.seq > cut && r.instanceId === rows[cut - 1].instanceId)!;
    for (const parts of [1, 2]) {
      expect(verifySplit(removed, [], parts).problem).toEqual({ seq: broken.seq, instanceId: broken.instanceId, reason: CHAIN_BROKEN });
    }
  });

  it('finds a changed record and reports the earliest problem of all ranges', () => {
    const changed = rows.map((r) => (r.seq === 50 || r.seq === 12 ? { ...r, comment: 'edited' } : r));
    const result = verifySplit(changed, [], 3);
    expect(result.problem).toMatchObject({ seq: 12, reason: expect.stringContaining('record changed') });
  });

  it('names the instance whose chain broke inside a sealed range, rather than the range', () => {
    const sealedAll = [checkpoint(rows, 1, 1, 70)];
    const removed = rows.filter((r) => r.seq !== 40);
    const broken = removed.find((r) => r.seq > 40 && r.instanceId === rows[39].instanceId)!;
    for (const parts of [1, 2]) {
      expect(verifySplit(removed, sealedAll, parts).problem).toEqual({ seq: broken.seq, instanceId: broken.instanceId, reason: CHAIN_BROKEN });
    }
  });

  it('prefers a problem inside a failed sealed range, and otherwise the earliest', () => {
    const range = { seq: 1, instanceId: '', reason: 'sealed', sealedTo: 30 };
    const inside = { seq: 20, instanceId: 'i1', reason: 'head removed' };
    const after = { seq: 31, instanceId: 'i2', reason: 'changed' };
    expect(earliest(range, inside)).toBe(inside);
    expect(earliest(inside, range)).toBe(inside);
    expect(earliest(range, after)).toBe(range);
    expect(earliest(after, { ...inside, seq: 40 })).toBe(after);
  });

  it('finds sealed records removed from the end of a checkpoint, past the newest remaining record', () => {
    const sealedAll = [checkpoint(rows, 1, 1, 70)];
    const truncated = rows.filter((r) => r.seq <= 60);
    const result = verifySplit(truncated, sealedAll, 2);
    expect(result.problem).toMatchObject({ seq: 1, reason: expect.stringContaining('sealed by checkpoint 1') });
  });
});

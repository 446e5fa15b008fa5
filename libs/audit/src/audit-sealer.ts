import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { isUniqueViolation, toInt } from '@satisflow/persistence';
import { checkpointHash, GENESIS, rangeDigest } from './audit-hash';
import { AuditCheckpointEntity } from './audit-record.entity';

/**
 * Seals ranges of the trail into a chain of checkpoints. Per-instance chains
 * keep transitions of different instances independent (no global lock on the
 * hot path); checkpoints then tie all instances together, so removing a whole
 * instance with its records, or the newest record of one, is detected once sealed.
 *
 * The worker seals only records it saw at least SEAL_LAG_MS earlier: on MySQL
 * a lower seq can commit after a higher one, and a range must be complete.
 */
export const SEAL_LAG_MS = 5000;

@Injectable()
export class AuditSealer {
  private candidate?: { toSeq: number; seenAt: number };

  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  /** Called periodically by the worker. */
  async tick(nowMs = Date.now()): Promise<void> {
    if (this.candidate && nowMs - this.candidate.seenAt >= SEAL_LAG_MS) {
      await this.seal(this.candidate.toSeq);
      this.candidate = undefined;
    }
    if (!this.candidate) {
      const [{ max }] = await this.ds.query('SELECT MAX(seq) AS max FROM audit_records');
      if (max !== null && max !== undefined) this.candidate = { toSeq: toInt(max), seenAt: nowMs };
    }
  }

  /** Seals every record after the last checkpoint up to `toSeq` (default: the newest). Returns the checkpoint, if any. */
  async seal(toSeq?: number): Promise<AuditCheckpointEntity | undefined> {
    const repo = this.ds.getRepository(AuditCheckpointEntity);
    const [last] = await repo.find({ order: { seq: 'DESC' }, take: 1 });
    const fromSeq = last ? last.toSeq + 1 : 1;
    if (toSeq === undefined) {
      const [{ max }] = await this.ds.query('SELECT MAX(seq) AS max FROM audit_records');
      toSeq = max === null ? 0 : toInt(max);
    }
    if (toSeq < fromSeq) return undefined;
    const rows: { seq: unknown; hash: string }[] = await this.ds.query(
      'SELECT seq, hash FROM audit_records WHERE seq >= ? AND seq <= ? ORDER BY seq',
      [fromSeq, toSeq],
    );
    const records = rows.map((r) => ({ seq: toInt(r.seq), hash: r.hash }));
    const body = { fromSeq, toSeq, records: records.length, digest: rangeDigest(records) };
    const prevHash = last?.hash ?? GENESIS;
    const checkpoint = repo.create({ ...body, at: new Date(), prevHash, hash: checkpointHash(prevHash, body) });
    try {
      return await repo.save(checkpoint);
    } catch (error) {
      if (isUniqueViolation(error)) return undefined; // another worker sealed this range first
      throw error;
    }
  }
}

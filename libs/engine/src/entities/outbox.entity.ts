import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { ProcedureEffect } from '../definitions/procedure-definition';

export type OutboxStatus = 'pending' | 'done' | 'failed';

/** A side effect written with the transition that caused it, performed after commit. */
@Entity('outbox')
export class OutboxEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ name: 'instance_id', type: 'varchar', length: 36 })
  instanceId: string;

  @Column({ type: 'int' })
  revision: number;

  @Column({ type: 'varchar', length: 32 })
  kind: string;

  /** Unique per instance, so an effect asked for twice is performed once. */
  @Column({ name: 'effect_key', type: 'varchar', length: 128 })
  effectKey: string;

  @Column({ type: 'simple-json' })
  payload: ProcedureEffect;

  @Column({ type: 'varchar', length: 16 })
  status: OutboxStatus;

  @Column({ type: 'int', default: 0 })
  attempts: number;

  @Column({ name: 'next_attempt_at', type: 'datetime', precision: 6 })
  nextAttemptAt: Date;

  @Column({ name: 'last_error', type: 'text', nullable: true })
  lastError: string | null;

  @Column({ name: 'created_at', type: 'datetime', precision: 6 })
  createdAt: Date;

  @Column({ name: 'done_at', type: 'datetime', precision: 6, nullable: true })
  doneAt: Date | null;
}

import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * A durable deadline: fires DEADLINE at `dueAt` if the instance is still at `revision`.
 * Keyed by (instance, id), on SQLite WITHOUT ROWID: an instance's rows sit together in the key itself.
 */
@Entity('timers', { withoutRowid: true })
export class TimerEntity {
  @PrimaryColumn({ name: 'instance_id', type: 'varchar', length: 36 })
  instanceId: string;

  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ type: 'varchar', length: 64 })
  state: string;

  @Column({ type: 'int' })
  revision: number;

  /** Escalation level this firing reaches (1 = first). */
  @Column({ type: 'int' })
  level: number;

  @Column({ name: 'due_at', type: 'datetime', precision: 6 })
  dueAt: Date;

  @Column({ name: 'created_at', type: 'datetime', precision: 6 })
  createdAt: Date;
}

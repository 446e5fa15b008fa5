import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * The open human task of an instance: derived from its current state and rewritten in place
 * on every transition, with a new id for each step. Keyed by the instance (migration 800):
 * one open step task per instance; on SQLite WITHOUT ROWID, so the row lives in the key.
 */
@Entity('tasks', { withoutRowid: true })
export class TaskEntity {
  @PrimaryColumn({ name: 'instance_id', type: 'varchar', length: 36 })
  instanceId: string;

  @Column({ type: 'varchar', length: 36 })
  id: string;

  @Column({ name: 'procedure_key', type: 'varchar', length: 64 })
  procedureKey: string;

  @Column({ type: 'varchar', length: 64 })
  state: string;

  @Column({ type: 'varchar', length: 32 })
  role: string;

  @Column({ type: 'varchar', length: 64, nullable: true })
  assignee: string | null;

  @Column({ name: 'title_zh', type: 'varchar', length: 200 })
  titleZh: string;

  @Column({ name: 'title_en', type: 'varchar', length: 200 })
  titleEn: string;

  @Column({ type: 'simple-json' })
  outcomes: string[];

  @Column({ name: 'due_at', type: 'datetime', precision: 6, nullable: true })
  dueAt: Date | null;

  @Column({ name: 'created_at', type: 'datetime', precision: 6 })
  createdAt: Date;

  /** Before this time the task stays out of the inbox (StepMeta.taskOpensAt); null: open at once. */
  @Column({ name: 'opens_at', type: 'datetime', precision: 6, nullable: true })
  opensAt: Date | null;
}

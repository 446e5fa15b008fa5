import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * An open human task: derived from the instance's current state and replaced on every transition.
 * Keyed by (instance, id), on SQLite WITHOUT ROWID: an instance's rows sit together in the key itself.
 */
@Entity('tasks', { withoutRowid: true })
export class TaskEntity {
  @PrimaryColumn({ name: 'instance_id', type: 'varchar', length: 36 })
  instanceId: string;

  @PrimaryColumn({ type: 'varchar', length: 36 })
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
}

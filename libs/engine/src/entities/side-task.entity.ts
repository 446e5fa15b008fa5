import { Column, Entity, PrimaryColumn } from 'typeorm';

export type SideTaskKind = 'follow-up' | 'escalation';
export type SideTaskStatus = 'open' | 'closed';

/**
 * A task beside the instance's step task: a phone follow-up per survey
 * recipient, an escalation for the next person up. Transitions do not replace
 * it; whatever finishes it closes it (the person, an answer, the step moving on),
 * and the closed row stays as the record of who did it.
 */
@Entity('side_tasks')
export class SideTaskEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 }) id: string;
  @Column({ name: 'instance_id', type: 'varchar', length: 36 }) instanceId: string;
  @Column({ name: 'procedure_key', type: 'varchar', length: 64 }) procedureKey: string;
  @Column({ type: 'varchar', length: 16 }) kind: SideTaskKind;
  @Column({ name: 'task_key', type: 'varchar', length: 128 }) taskKey: string;
  @Column({ type: 'varchar', length: 64 }) subject: string;
  @Column({ type: 'varchar', length: 64 }) state: string;
  @Column({ type: 'varchar', length: 32 }) role: string;
  @Column({ type: 'varchar', length: 64, nullable: true }) assignee: string | null;
  @Column({ name: 'title_zh', type: 'varchar', length: 200 }) titleZh: string;
  @Column({ name: 'title_en', type: 'varchar', length: 200 }) titleEn: string;
  @Column({ type: 'varchar', length: 16 }) status: SideTaskStatus;
  @Column({ name: 'opens_at', type: 'datetime', precision: 6 }) opensAt: Date;
  @Column({ name: 'due_at', type: 'datetime', precision: 6, nullable: true }) dueAt: Date | null;
  @Column({ name: 'created_at', type: 'datetime', precision: 6 }) createdAt: Date;
  @Column({ name: 'closed_at', type: 'datetime', precision: 6, nullable: true }) closedAt: Date | null;
  @Column({ name: 'closed_by', type: 'varchar', length: 64, nullable: true }) closedBy: string | null;
  @Column({ type: 'text', nullable: true }) resolution: string | null;
}

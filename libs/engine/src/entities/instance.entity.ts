import { Column, Entity, PrimaryColumn } from 'typeorm';

export type InstanceStatus = 'active' | 'completed' | 'cancelled';

/** What the engine persists of a running machine: XState's value and context, nothing live. */
export interface StoredSnapshot {
  value: unknown;
  context: Record<string, unknown>;
}

@Entity('instances')
export class InstanceEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ name: 'procedure_key', type: 'varchar', length: 64 })
  procedureKey: string;

  @Column({ name: 'procedure_version', type: 'int' })
  procedureVersion: number;

  @Column({ type: 'varchar', length: 200 })
  title: string;

  @Column({ type: 'varchar', length: 64 })
  state: string;

  @Column({ type: 'varchar', length: 16 })
  status: InstanceStatus;

  @Column({ type: 'int' })
  revision: number;

  @Column({ type: 'simple-json' })
  snapshot: StoredSnapshot;

  /** Who last acted in each state (user id), for separation of duties. */
  @Column({ name: 'step_actors', type: 'simple-json' })
  stepActors: Record<string, string>;

  @Column({ name: 'parent_id', type: 'varchar', length: 36, nullable: true })
  parentId: string | null;

  @Column({ name: 'parent_key', type: 'varchar', length: 128, nullable: true })
  parentKey: string | null;

  /** Children this instance has started, counted as each is inserted: a load reads them only when there are some. */
  @Column({ name: 'child_count', type: 'int', default: 0 })
  childCount: number;

  /** Hash of this instance's newest audit record. */
  @Column({ name: 'audit_head', type: 'varchar', length: 64 })
  auditHead: string;

  @Column({ name: 'created_by', type: 'varchar', length: 36, nullable: true })
  createdBy: string | null;

  @Column({ name: 'created_at', type: 'datetime', precision: 6 })
  createdAt: Date;

  @Column({ name: 'updated_at', type: 'datetime', precision: 6 })
  updatedAt: Date;
}

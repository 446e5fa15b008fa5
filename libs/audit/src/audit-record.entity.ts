import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** One transition of one instance. Insert-only: the application never updates or deletes these rows. */
@Entity('audit_records')
export class AuditRecordEntity {
  @PrimaryGeneratedColumn('increment')
  seq: number;

  @Column({ name: 'instance_id', type: 'varchar', length: 36 })
  instanceId: string;

  @Column({ type: 'int' })
  revision: number;

  @Column({ type: 'datetime', precision: 6 })
  at: Date;

  @Column({ name: 'actor_id', type: 'varchar', length: 36, nullable: true })
  actorId: string | null;

  @Column({ name: 'actor_username', type: 'varchar', length: 64 })
  actorUsername: string;

  @Column({ name: 'actor_role', type: 'varchar', length: 32, nullable: true })
  actorRole: string | null;

  @Column({ type: 'varchar', length: 64 })
  event: string;

  @Column({ name: 'from_state', type: 'varchar', length: 64, nullable: true })
  fromState: string | null;

  @Column({ name: 'to_state', type: 'varchar', length: 64 })
  toState: string;

  @Column({ type: 'text', nullable: true })
  comment: string | null;

  /** Canonical JSON text, kept verbatim so the hash can be recomputed byte for byte. */
  @Column({ type: 'text', nullable: true })
  data: string | null;

  @Column({ name: 'signature_meaning', type: 'varchar', length: 200, nullable: true })
  signatureMeaning: string | null;

  @Column({ name: 'procedure_key', type: 'varchar', length: 64 })
  procedureKey: string;

  @Column({ name: 'procedure_version', type: 'int' })
  procedureVersion: number;

  @Column({ name: 'prev_hash', type: 'varchar', length: 64 })
  prevHash: string;

  @Column({ type: 'varchar', length: 64 })
  hash: string;
}

@Entity('audit_checkpoints')
export class AuditCheckpointEntity {
  @PrimaryGeneratedColumn('increment')
  seq: number;

  @Column({ type: 'datetime', precision: 6 })
  at: Date;

  @Column({ name: 'from_seq', type: 'int' })
  fromSeq: number;

  @Column({ name: 'to_seq', type: 'int' })
  toSeq: number;

  @Column({ type: 'int' })
  records: number;

  @Column({ type: 'varchar', length: 64 })
  digest: string;

  @Column({ name: 'prev_hash', type: 'varchar', length: 64 })
  prevHash: string;

  @Column({ type: 'varchar', length: 64 })
  hash: string;
}

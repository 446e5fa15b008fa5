import { Column, Entity, PrimaryColumn } from 'typeorm';

/** The first answer to a request sent with an Idempotency-Key, replayed for retries. */
@Entity('idempotency_keys')
export class IdempotencyKeyEntity {
  /** `<user id>:<key>`: keys are scoped to the caller. */
  @PrimaryColumn({ type: 'varchar', length: 200 })
  id: string;

  @Column({ name: 'instance_id', type: 'varchar', length: 36 })
  instanceId: string;

  @Column({ name: 'status_code', type: 'int' })
  statusCode: number;

  @Column({ type: 'simple-json' })
  response: unknown;

  @Column({ name: 'created_at', type: 'datetime', precision: 6 })
  createdAt: Date;
}

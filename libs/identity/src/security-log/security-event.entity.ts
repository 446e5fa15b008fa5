import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * What the security log records: wrong passwords at login and at signing, and the
 * moment a username is braked (LoginThrottle). Attempts that are already braked are
 * not written one by one: the `locked` row says the rest were refused.
 */
export const SECURITY_EVENT_KINDS = ['login.failed', 'login.locked', 'signature.failed', 'signature.locked'] as const;
export type SecurityEventKind = (typeof SECURITY_EVENT_KINDS)[number];

@Entity('security_events')
export class SecurityEventEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 }) id: string;
  @Column({ type: 'datetime', precision: 6 }) at: Date;
  @Column({ type: 'varchar', length: 32 }) kind: SecurityEventKind;
  /** As typed at login (it may name nobody), or the signer's. */
  @Column({ type: 'varchar', length: 64 }) username: string;
  @Column({ name: 'user_id', type: 'varchar', length: 36, nullable: true }) userId: string | null;
  @Column({ type: 'varchar', length: 64, nullable: true }) ip: string | null;
  /** The instance whose step was being signed. */
  @Column({ name: 'instance_id', type: 'varchar', length: 36, nullable: true }) instanceId: string | null;
  /** Why it failed, for the auditor only (the caller is told nothing that would reveal which accounts exist). */
  @Column({ type: 'varchar', length: 32, nullable: true }) reason: string | null;
}

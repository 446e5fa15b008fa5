import { Column, Entity, PrimaryColumn } from 'typeorm';

export type Channel = 'email' | 'fax' | 'phone' | 'visit' | 'paper' | 'web';
export type InvitationStatus = 'pending' | 'invited' | 'reminded' | 'followed_up' | 'answered' | 'bounced';

/** One customer asked in one survey; the personal link's token is stored only as a hash. */
@Entity('recipients')
export class RecipientEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 }) id: string;
  @Column({ name: 'survey_id', type: 'varchar', length: 36 }) surveyId: string;
  @Column({ name: 'customer_id', type: 'varchar', length: 36, nullable: true }) customerId: string | null;
  @Column({ type: 'varchar', length: 200 }) name: string;
  @Column({ type: 'varchar', length: 200, nullable: true }) email: string | null;
  @Column({ type: 'varchar', length: 50, nullable: true }) phone: string | null;
  @Column({ type: 'varchar', length: 50, nullable: true }) fax: string | null;
  @Column({ name: 'product_type', type: 'varchar', length: 100, nullable: true }) productType: string | null;
  @Column({ type: 'varchar', length: 100, nullable: true }) region: string | null;
  @Column({ name: 'customer_type', type: 'varchar', length: 100, nullable: true }) customerType: string | null;
  @Column({ type: 'varchar', length: 100, nullable: true }) site: string | null;
  @Column({ type: 'varchar', length: 16 }) channel: Channel;
  @Column({ name: 'token_hash', type: 'varchar', length: 64 }) tokenHash: string;
  @Column({ type: 'varchar', length: 16 }) status: InvitationStatus;
  @Column({ name: 'invited_at', type: 'datetime', precision: 6, nullable: true }) invitedAt: Date | null;
  @Column({ name: 'reminded_at', type: 'datetime', precision: 6, nullable: true }) remindedAt: Date | null;
  @Column({ name: 'followed_up_at', type: 'datetime', precision: 6, nullable: true }) followedUpAt: Date | null;
  @Column({ name: 'answered_at', type: 'datetime', precision: 6, nullable: true }) answeredAt: Date | null;
  @Column({ name: 'bounced_at', type: 'datetime', precision: 6, nullable: true }) bouncedAt: Date | null;
  /** The mail server's reply refusing the invitation. */
  @Column({ name: 'bounce_reason', type: 'varchar', length: 500, nullable: true }) bounceReason: string | null;
  @Column({ name: 'follow_up_note', type: 'text', nullable: true }) followUpNote: string | null;
  @Column({ name: 'created_at', type: 'datetime', precision: 6 }) createdAt: Date;
}

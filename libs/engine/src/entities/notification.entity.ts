import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A notice to everyone holding a role (escalations, hand-overs), shown in the console. */
@Entity('notifications')
export class NotificationEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ name: 'instance_id', type: 'varchar', length: 36 })
  instanceId: string;

  @Column({ type: 'varchar', length: 32 })
  role: string;

  @Column({ name: 'message_zh', type: 'varchar', length: 500 })
  messageZh: string;

  @Column({ name: 'message_en', type: 'varchar', length: 500 })
  messageEn: string;

  @Column({ name: 'outbox_id', type: 'varchar', length: 36 })
  outboxId: string;

  @Column({ name: 'created_at', type: 'datetime', precision: 6 })
  createdAt: Date;
}

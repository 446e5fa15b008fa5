import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { Channel } from './recipient.entity';

/** One returned questionnaire: one per recipient (a second submission is refused). */
@Entity('responses')
export class ResponseEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 }) id: string;
  @Column({ name: 'survey_id', type: 'varchar', length: 36 }) surveyId: string;
  @Column({ name: 'recipient_id', type: 'varchar', length: 36 }) recipientId: string;
  @Column({ type: 'varchar', length: 16 }) channel: Channel;
  @Column({ type: 'text', nullable: true }) comment: string | null;
  /** The coordinator who typed it in; null when the customer answered the web form. */
  @Column({ name: 'entered_by', type: 'varchar', length: 36, nullable: true }) enteredBy: string | null;
  @Column({ name: 'created_at', type: 'datetime', precision: 6 }) createdAt: Date;
}

/** One answer to one item; points are copied from the frozen scale so SQL can aggregate. */
@Entity('answers')
export class AnswerEntity {
  @PrimaryColumn({ name: 'response_id', type: 'varchar', length: 36 }) responseId: string;
  @PrimaryColumn({ name: 'item_key', type: 'varchar', length: 64 }) itemKey: string;
  @Column({ name: 'survey_id', type: 'varchar', length: 36 }) surveyId: string;
  /** null = not applicable */
  @Column({ name: 'level_key', type: 'varchar', length: 64, nullable: true }) levelKey: string | null;
  @Column({ type: 'double', nullable: true }) points: number | null;
}

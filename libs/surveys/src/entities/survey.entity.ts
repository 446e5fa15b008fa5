import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { Questionnaire } from '../questionnaire';

export type SurveyStatus = 'draft' | 'frozen';

/** A survey of one plan instance, with its questionnaire frozen (and hashed) when the plan is approved. */
@Entity('surveys')
export class SurveyEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 }) id: string;
  @Column({ name: 'instance_id', type: 'varchar', length: 36 }) instanceId: string;
  @Column({ type: 'varchar', length: 200 }) title: string;
  /** Surveys of one series are compared period against period. */
  @Column({ type: 'varchar', length: 100 }) series: string;
  @Column({ type: 'varchar', length: 32, nullable: true }) period: string | null;
  @Column({ type: 'simple-json' }) questionnaire: Questionnaire;
  @Column({ name: 'questionnaire_hash', type: 'varchar', length: 64 }) questionnaireHash: string;
  @Column({ name: 'target_return_rate', type: 'int' }) targetReturnRate: number;
  @Column({ type: 'varchar', length: 16 }) status: SurveyStatus;
  @Column({ name: 'frozen_at', type: 'datetime', precision: 6, nullable: true }) frozenAt: Date | null;
  @Column({ name: 'created_by', type: 'varchar', length: 36, nullable: true }) createdBy: string | null;
  @Column({ name: 'created_at', type: 'datetime', precision: 6 }) createdAt: Date;
}

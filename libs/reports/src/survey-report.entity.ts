import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { AnalysisReport } from './analysis-report';

/** One frozen revision of a survey's analysis report, with the hash of its content. */
@Entity('survey_reports')
export class SurveyReportEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 }) id: string;
  @Column({ name: 'survey_id', type: 'varchar', length: 36 }) surveyId: string;
  @Column({ name: 'instance_id', type: 'varchar', length: 36 }) instanceId: string;
  @Column({ type: 'int' }) revision: number;
  @Column({ name: 'content_hash', type: 'varchar', length: 64 }) contentHash: string;
  @Column({ type: 'simple-json' }) content: AnalysisReport;
  @Column({ name: 'frozen_at', type: 'datetime', precision: 6 }) frozenAt: Date;
}

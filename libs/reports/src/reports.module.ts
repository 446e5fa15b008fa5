import { Module, OnModuleInit } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '@satisflow/audit';
import { FactProviders, TransitionHooks } from '@satisflow/engine';
import { SURVEY_PROCEDURE, SurveysModule } from '@satisflow/surveys';
import { ReportsController } from './reports.controller';
import { ReportsService } from './reports.service';
import { SurveyReportEntity } from './survey-report.entity';

@Module({
  imports: [TypeOrmModule.forFeature([SurveyReportEntity]), SurveysModule, AuditModule],
  controllers: [ReportsController],
  providers: [ReportsService],
  exports: [ReportsService],
})
export class ReportsModule implements OnModuleInit {
  constructor(
    private readonly hooks: TransitionHooks,
    private readonly facts: FactProviders,
    private readonly reports: ReportsService,
  ) {}

  onModuleInit(): void {
    // What the reviewer signs is what was submitted: freeze the report as it goes to review.
    this.hooks.register(
      SURVEY_PROCEDURE,
      (t) => t.fromState === 'reportDrafting' && t.toState === 'reportReview',
      (m, t) => this.reports.freeze(m, t.instance),
    );
    // ...and each signature on it records the revision and hash it signs, in the hashed audit record
    this.facts.register(SURVEY_PROCEDURE, (m, instance, event) => this.reports.signedRevision(m, instance, event));
  }
}

import { Module, OnModuleInit } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { FactProviders, SideTasks, TransitionHooks } from '@satisflow/engine';
import { CompositesService } from './composites.service';
import { CustomersService } from './customers.service';
import { CompositeEntity } from './entities/composite.entity';
import { CustomerEntity } from './entities/customer.entity';
import { RecipientEntity } from './entities/recipient.entity';
import { AnswerEntity, ResponseEntity } from './entities/response.entity';
import { SurveyEntity } from './entities/survey.entity';
import { FollowUpTasks } from './follow-up-tasks';
import { ItemCorrectiveActions } from './item-actions';
import { Mailer } from './mail/mailer';
import { PublicFormController } from './public-form/public-form.controller';
import { ResponsesService } from './responses.service';
import { ResultsService } from './results.service';
import { SURVEY_PROCEDURE, SurveysService } from './surveys.service';
import { SurveysController } from './surveys.controller';
import { SurveyReminder } from './survey-reminder';

/** Events whose guards or records read the live return rate (the gate, the waiver request, the window's deadline). */
const RETURN_RATE_EVENTS = new Set(['CLOSE_COLLECTION', 'REQUEST_WAIVER', 'DEADLINE']);

@Module({
  imports: [TypeOrmModule.forFeature([CustomerEntity, SurveyEntity, RecipientEntity, ResponseEntity, AnswerEntity, CompositeEntity])],
  controllers: [SurveysController, PublicFormController],
  providers: [SurveysService, ResponsesService, ResultsService, CustomersService, CompositesService, Mailer, FollowUpTasks, SurveyReminder, ItemCorrectiveActions],
  exports: [SurveysService, ResultsService, ResponsesService, CustomersService],
})
export class SurveysModule implements OnModuleInit {
  constructor(
    private readonly facts: FactProviders,
    private readonly hooks: TransitionHooks,
    private readonly surveys: SurveysService,
    private readonly sideTasks: SideTasks,
    private readonly followUpTasks: FollowUpTasks,
  ) {}

  onModuleInit(): void {
    // The collection gate reads the live return rate from the survey's own records.
    // Only the events whose guards read it pay for the three queries.
    this.facts.register(SURVEY_PROCEDURE, async (m, instance, event) =>
      RETURN_RATE_EVENTS.has(event) ? this.surveys.factsForInstance(m, instance.id) : {},
    );
    // the approver's signature records which questionnaire it approves (its hash, kept in the audit record)
    this.facts.register(SURVEY_PROCEDURE, async (m, instance, event) =>
      event === 'APPROVE' && instance.state === 'planApproval' ? this.surveys.questionnaireFact(m, instance.id) : {},
    );
    // What the approver signed is what gets measured: freeze the questionnaire with the plan.
    this.hooks.register(
      SURVEY_PROCEDURE,
      (t) => t.fromState === 'planApproval' && t.event === 'APPROVE',
      (m, t) => this.surveys.freezeForInstance(m, t.instance),
    );
    // a waiver request pauses collection; anything else leaving it ends the phone follow-ups
    this.hooks.register(
      SURVEY_PROCEDURE,
      (t) => t.fromState === 'collecting' && t.toState !== 'collecting' && t.toState !== 'waiverApproval',
      (m, t) => this.followUpTasks.closeAll(m, t.instance.id),
    );
    // Completing a follow-up task from the inbox records the call on the recipient.
    this.sideTasks.onComplete('follow-up', async (m, task, actor, note) => {
      await this.surveys.recordFollowUpIn(m, task.subject, note, actor.username);
    });
  }
}

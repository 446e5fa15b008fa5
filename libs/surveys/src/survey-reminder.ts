import { Injectable, OnModuleInit } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AppConfig } from '@satisflow/config';
import { CalendarService, Dispatcher, ProcedureRegistry, Schedules, type ScheduledJob } from '@satisflow/engine';
import { SURVEY_PROCEDURE } from './surveys.service';

/** Local time of day the reminder fires on the 1st of the month. */
const AT_HOUR = 9;

/**
 * Domain.md §2 step 1: "Each March (configurable) the system reminds the survey
 * manager to plan." On the 1st of SURVEY_REMINDER_MONTH, 09:00 company time, a
 * new annual-satisfaction-survey instance starts in `planning`, so the plan task
 * is in the survey manager's inbox. A durable schedule row, fired by the worker
 * exactly once per year.
 */
@Injectable()
export class SurveyReminder implements ScheduledJob, OnModuleInit {
  readonly key = 'annual-survey-reminder';

  constructor(
    private readonly config: AppConfig,
    private readonly schedules: Schedules,
    private readonly dispatcher: Dispatcher,
    private readonly registry: ProcedureRegistry,
    private readonly calendar: CalendarService,
  ) {}

  onModuleInit(): void {
    this.schedules.register(this);
  }

  async nextAfter(now: Date): Promise<Date> {
    const offsetMs = (await this.calendar.get()).utcOffsetMinutes * 60_000;
    const at = (year: number): Date => new Date(Date.UTC(year, this.config.SURVEY_REMINDER_MONTH - 1, 1, AT_HOUR) - offsetMs);
    const year = new Date(now.getTime() + offsetMs).getUTCFullYear();
    return at(year) > now ? at(year) : at(year + 1);
  }

  async run(m: EntityManager, due: Date): Promise<string> {
    const calendar = await this.calendar.get();
    const year = new Date(due.getTime() + calendar.utcOffsetMinutes * 60_000).getUTCFullYear();
    const title = `${year} 年度客户满意度调查 / ${year} annual customer satisfaction survey`;
    const def = this.registry.latest(SURVEY_PROCEDURE);
    const instance = await this.dispatcher.startIn(m, def, { procedure: SURVEY_PROCEDURE, title, data: { source: { schedule: this.key, year, due: due.toISOString() } } }, undefined, calendar);
    return instance.id;
  }
}

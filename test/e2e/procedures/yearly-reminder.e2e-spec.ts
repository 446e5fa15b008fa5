import { loadConfig } from '@satisflow/config';
import { DAY, HOUR, startProcedures, SURVEY, type HistoryRecord, type Instance } from './steps';

/** The first day of `month`, 09:00 China time (the default calendar), strictly after `now`. */
function nextReminder(now: Date, month: number): Date {
  const offset = 8 * HOUR;
  const at = (year: number) => new Date(Date.UTC(year, month - 1, 1, 9) - offset);
  const year = new Date(now.getTime() + offset).getUTCFullYear();
  return at(year) > now ? at(year) : at(year + 1);
}

/**
 * Domain.md §2 step 1: each March (SURVEY_REMINDER_MONTH) the system opens the
 * survey plan for the survey manager: a durable schedule fired by the worker,
 * once per year, found by moving the engine's test clock.
 */
describe('the yearly survey reminder', () => {
  let ctx: Awaited<ReturnType<typeof startProcedures>>;
  beforeAll(async () => {
    ctx = await startProcedures();
  });
  afterAll(async () => ctx.t.close());

  const surveys = async (): Promise<Instance[]> =>
    (await ctx.s.getJson<{ items: Instance[] }>('auditor', `/instances?procedure=${SURVEY}&pageSize=100`)).items;
  const reminded = async () => (await surveys()).filter((i) => i.data.source?.schedule === 'annual-survey-reminder');

  it('opens the plan task on the 1st of March, once a year, whatever the number of worker runs', async () => {
    const { s } = ctx;
    const before = (await surveys()).length; // the demo's finished previous survey
    const { now } = await s.advanceClock(0);
    const due = nextReminder(new Date(now), 3);

    await s.advanceClock(due.getTime() - Date.parse(now) - HOUR); // an hour early: nothing
    expect(await reminded()).toEqual([]);

    await s.advanceClock(2 * HOUR);
    let opened = await reminded();
    expect(opened).toHaveLength(1);
    const year = new Date(due.getTime() + 8 * HOUR).getUTCFullYear();
    expect(opened[0]).toMatchObject({ state: 'planning', status: 'active', title: expect.stringContaining(`${year}`), data: expect.objectContaining({ source: expect.objectContaining({ year }) }) });
    // the plan task is in the survey manager's inbox, and the trail says the system opened it
    expect(await s.inbox('survey_manager', opened[0].id)).toEqual([expect.objectContaining({ state: 'planning', outcomes: ['SUBMIT'] })]);
    const trail = await s.history(opened[0].id);
    expect(trail).toEqual([expect.objectContaining<Partial<HistoryRecord>>({ event: 'START', actor: expect.objectContaining({ username: 'system' }), toState: 'planning' })]);

    // more worker cycles, in parallel, and later the same year: still one
    await Promise.all([s.runWorker(), s.runWorker(), s.runWorker()]);
    await s.advanceClock(30 * DAY);
    expect(await reminded()).toHaveLength(1);
    expect((await surveys()).length).toBe(before + 1);

    // the next March opens the next year's plan
    const { now: later } = await s.advanceClock(0);
    const next = nextReminder(new Date(later), 3);
    expect(next.getTime() - due.getTime()).toBeGreaterThan(360 * DAY);
    await s.advanceClock(next.getTime() - Date.parse(later) + HOUR);
    opened = await reminded();
    expect(opened.map((i) => i.data.source.year).sort()).toEqual([year, year + 1]);
  });

  it('takes its month from SURVEY_REMINDER_MONTH, refusing a month that does not exist', () => {
    expect(loadConfig({ SURVEY_REMINDER_MONTH: '9' }).SURVEY_REMINDER_MONTH).toBe(9);
    expect(loadConfig({}).SURVEY_REMINDER_MONTH).toBe(3);
    expect(() => loadConfig({ SURVEY_REMINDER_MONTH: '13' })).toThrow(/SURVEY_REMINDER_MONTH/);
  });
});

import { DAY, MINUTE, startProcedures, SURVEY, type Recipient, type Task } from './steps';

type InboxTask = Task & { kind: 'step' | 'follow-up' | 'escalation'; subject?: string; title: { zh: string; en: string }; status?: string; resolution?: string; closedAt?: string; closedBy?: string; instanceTitle?: string };

/**
 * Tasks beside the step task, in the inbox (GET /tasks?mine=true): the phone
 * follow-up per recipient who has not answered 3 days after the
 * invitation, and the escalation task for the next person up when a deadline passes.
 */
describe('follow-up and escalation tasks in the inbox', () => {
  let ctx: Awaited<ReturnType<typeof startProcedures>>;
  const inbox = async (user: string, instanceId: string) => (await ctx.s.inbox(user, instanceId)) as InboxTask[];
  const complete = async (user: string, taskId: string, body: object) =>
    ctx.t.http.post(`/api/v1/tasks/${taskId}/complete`).set(await ctx.s.auth(user)).send(body);

  beforeAll(async () => {
    ctx = await startProcedures();
  });
  afterAll(async () => ctx.t.close());

  it('opens one phone follow-up per silent recipient after 3 days; the call, an answer or the end of collection closes it', async () => {
    const { s } = ctx;
    const { instance, surveyId } = await s.approvedPlan('2026 跟进测试 / follow-up test');
    const recipients = await s.dispatchSurvey(surveyId, 6);
    const [early, called, lateAnswer, recorded, waived, neverReached] = recipients;
    const followUps = async () => (await inbox('coordinator', instance.id)).filter((t) => t.kind === 'follow-up');

    await s.enterAnswers(surveyId, [early]); // answers before the follow-up is due: never chased
    await s.advanceClock(DAY);
    expect(await followUps()).toEqual([]);

    await s.advanceClock(6 * DAY); // past the 3 days and the working day to call
    let tasks = await followUps();
    expect(tasks.map((t) => t.subject).sort()).toEqual([called, lateAnswer, recorded, waived, neverReached].map((r) => r.id).sort());
    const taskOf = (r: Recipient) => tasks.find((t) => t.subject === r.id)!;
    expect(taskOf(called)).toMatchObject({ role: 'coordinator', procedure: SURVEY, state: 'collecting', outcomes: [], overdue: expect.any(Boolean) });
    expect(taskOf(called).title.en).toContain(called.name);
    expect(taskOf(called).title.zh).toContain('电话跟进');
    // only the coordinator's inbox
    expect((await inbox('survey_manager', instance.id)).filter((t) => t.kind === 'follow-up')).toEqual([]);

    // completing needs a note of the call, by a coordinator
    const noNote = await complete('coordinator', taskOf(called).id, {});
    expect(noNote.status).toBe(400);
    expect(JSON.stringify(noNote.body.details)).toContain('note');
    expect((await complete('survey_manager', taskOf(called).id, { note: 'x' })).status).toBe(403);
    const done = await complete('coordinator', taskOf(called).id, { note: '已电话联系，答应本周回复 / called, will answer this week' });
    expect(done.status).toBe(200);
    expect(done.body).toMatchObject({ kind: 'follow-up', status: 'closed', closedBy: 'coordinator', resolution: expect.stringContaining('called') });
    expect((await complete('coordinator', taskOf(called).id, { note: 'again' })).status).toBe(409);
    // the person's note is in the hash-chained trail, beside the steps: the state stays, the revision moves
    const before = await s.get('coordinator', instance.id);
    const noted = (await s.history(instance.id)).filter((r) => r.event === 'TASK_COMPLETED');
    expect(noted).toEqual([
      expect.objectContaining({
        actor: expect.objectContaining({ username: 'coordinator', role: 'coordinator' }),
        fromState: 'collecting',
        toState: 'collecting',
        revision: before.revision,
        comment: '已电话联系，答应本周回复 / called, will answer this week',
        data: expect.objectContaining({ task: expect.objectContaining({ id: taskOf(called).id, kind: 'follow-up', subject: called.id }) }),
      }),
    ]);
    // the call is recorded on the recipient too
    const listed = await s.getJson<(Recipient & { status: string })[]>('coordinator', `/surveys/${surveyId}/recipients`);
    expect(listed.find((r) => r.id === called.id)).toMatchObject({ status: 'followed_up' });

    await s.enterAnswers(surveyId, [lateAnswer]); // an answer closes it
    await s.postJson('coordinator', `/surveys/${surveyId}/recipients/${recorded.id}/follow-up`, { note: '客户出差 / customer travelling' }, 200);
    tasks = await followUps();
    expect(tasks.map((t) => t.subject).sort()).toEqual([waived, neverReached].map((r) => r.id).sort());
    // a call recorded on the survey page is in the trail too, once
    const calls = (await s.history(instance.id)).filter((r) => r.event === 'FOLLOW_UP_RECORDED');
    expect(calls).toEqual([
      expect.objectContaining({ actor: expect.objectContaining({ username: 'coordinator', role: 'coordinator' }), comment: '客户出差 / customer travelling', data: { survey: surveyId, recipient: { id: recorded.id, name: recorded.name } } }),
    ]);
    expect((await s.history(instance.id)).filter((r) => r.event === 'TASK_COMPLETED')).toHaveLength(1);

    // a waiver request pauses collection: the follow-ups stay
    await s.act('coordinator', instance.id, { type: 'REQUEST_WAIVER', comment: '年底停产 / plants closed for year end' });
    expect((await followUps()).length).toBe(2);
    await s.act('approver', instance.id, { type: 'APPROVE', signature: s.sign('批准豁免 / waiver approved') });
    expect((await followUps()).length).toBe(2);

    // closing collection ends the chasing
    const closed = await s.act('coordinator', instance.id, { type: 'CLOSE_COLLECTION' });
    expect(closed.state).toBe('reportDrafting');
    expect(await followUps()).toEqual([]);
    expect(await inbox('coordinator', instance.id)).toEqual([expect.objectContaining({ kind: 'step', state: 'reportDrafting' })]);
  });

  it('gives each rung of an overdue complaint an escalation task, closed when the step is done', async () => {
    const { s } = ctx;
    const complaint = await s.openComplaint('空调不制冷 / air conditioner not cooling');
    const escalations = async (user: string) => (await inbox(user, complaint.id)).filter((t) => t.kind === 'escalation');
    expect(await escalations('survey_manager')).toEqual([]);

    await s.advanceClock(11 * MINUTE); // the 10-minute dispatch deadline passed: the first rung
    const first = await escalations('survey_manager');
    expect(first).toEqual([expect.objectContaining({ role: 'survey_manager', state: 'received', subject: 'received', outcomes: [] })]);
    expect(first[0].title.en).toMatch(/level 1/);
    expect(await escalations('approver')).toEqual([]);
    // the desk still has its own, overdue step task and no escalation task
    expect(await inbox('complaint_desk', complaint.id)).toEqual([expect.objectContaining({ kind: 'step', overdue: true })]);

    await s.advanceClock(10 * MINUTE); // the next rung up
    const second = await escalations('approver');
    expect(second).toEqual([expect.objectContaining({ role: 'approver', state: 'received' })]);
    expect(second[0].title.zh).toContain('第 2 级');

    // the manager chases and says so
    const chased = await complete('survey_manager', first[0].id, { note: '已催促前台 / told the desk to dispatch' });
    expect(chased.status).toBe(200);
    expect(await escalations('survey_manager')).toEqual([]);
    expect((await s.history(complaint.id)).at(-1)).toMatchObject({
      event: 'TASK_COMPLETED',
      actor: { username: 'survey_manager', role: 'survey_manager' },
      fromState: 'received',
      toState: 'received',
      comment: '已催促前台 / told the desk to dispatch',
      data: { task: { id: first[0].id, kind: 'escalation', subject: 'received' } },
    });

    // dispatching closes what is left
    await s.dispatchComplaint(complaint.id);
    expect(await escalations('approver')).toEqual([]);
    const closedByStep = await complete('approver', second[0].id, { note: 'late' });
    expect(closedByStep.status).toBe(409);

    // what was done about each rung stays listable, for the auditor too, newest first
    const closedTasks = await s.getJson<InboxTask[]>('auditor', `/tasks?status=closed&instanceId=${complaint.id}`);
    expect(closedTasks).toEqual([
      expect.objectContaining({ id: second[0].id, kind: 'escalation', status: 'closed', closedBy: 'system', closedAt: expect.any(String) }),
      expect.objectContaining({ id: first[0].id, kind: 'escalation', status: 'closed', closedBy: 'survey_manager', resolution: '已催促前台 / told the desk to dispatch', instanceTitle: complaint.title }),
    ]);
    expect(Date.parse(closedTasks[0].closedAt!)).toBeGreaterThanOrEqual(Date.parse(closedTasks[1].closedAt!));
    // mine: only the caller's roles' tasks
    expect((await s.getJson<InboxTask[]>('survey_manager', `/tasks?status=closed&mine=true&instanceId=${complaint.id}`)).map((t) => t.id)).toEqual([first[0].id]);
    expect((await ctx.t.http.get('/api/v1/tasks?status=done').set(await s.auth('auditor'))).status).toBe(400);
    // the notes are links of the chain: verification still holds
    expect((await ctx.t.http.get('/api/v1/audit/verify').set(await s.auth('auditor')).expect(200)).body).toMatchObject({ ok: true });
  });

  it('puts an overdue plan approval in the general manager\'s inbox', async () => {
    const { s } = ctx;
    const plan = await s.start('survey_manager', SURVEY, '2027 升级测试 / escalation test');
    const survey = await s.attachSurvey(plan.id, '2027 年度调查表');
    await s.submitPlan(plan.id, survey.id);
    await s.advanceClock(6 * DAY);
    expect((await inbox('general_manager', plan.id)).filter((t) => t.kind === 'escalation')).toEqual([
      expect.objectContaining({ role: 'general_manager', state: 'planApproval' }),
    ]);
    await s.approvePlan(plan.id);
    expect(await inbox('general_manager', plan.id)).toEqual([]);
  });

  it('refuses to complete a step task this way', async () => {
    const { s } = ctx;
    const complaint = await s.openComplaint('噪音 / noise');
    const [step] = await inbox('complaint_desk', complaint.id);
    const res = await complete('complaint_desk', step.id, { note: 'x' });
    expect(res.status).toBe(422);
    expect(res.body.message).toContain('outcomes');
  });
});

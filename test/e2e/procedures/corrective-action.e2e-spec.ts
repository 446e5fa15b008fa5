import type { TestApp } from '../../support/test-app';
import { CORRECTIVE_ACTION, DAY, HOUR, localDateAfter, startProcedures, type Steps } from './steps';

describe('corrective-action over HTTP (procedures.md, domain section 5)', () => {
  let t: TestApp;
  let s: Steps;
  beforeAll(async () => {
    ({ t, s } = await startProcedures());
  });
  afterAll(() => t.close());

  it('goes from the problem through an approved plan and implementation to an effective close', async () => {
    const refused = await t.http.post('/api/v1/instances').set(await s.auth('complaint_handler')).send({ procedure: CORRECTIVE_ACTION, title: 'not mine' });
    expect(refused.status).toBe(403);

    const ca = await s.openCorrectiveAction('密封圈批量漏油 / batch of leaking seals');
    expect(ca).toMatchObject({ procedure: CORRECTIVE_ACTION, state: 'problem', revision: 1, availableEvents: ['SUBMIT'] });
    expect((await s.get('complaint_handler', ca.id)).availableEvents).toEqual([]);

    let i = await s.describeProblem(ca.id);
    expect(i).toMatchObject({ state: 'causeAnalysis', revision: 2 });
    expect(i.openTasks).toEqual([expect.objectContaining({ role: 'complaint_handler', assignee: 'complaint_handler', outcomes: ['SUBMIT'] })]);
    expect(await s.inbox('complaint_handler', ca.id)).toHaveLength(1);

    i = await s.analyseCause(ca.id);
    expect(i.state).toBe('actionPlan');
    const incomplete = await s.send('complaint_handler', ca.id, { type: 'SUBMIT', data: { actions: ['x'], owner: 'complaint_handler' } });
    expect(incomplete.status).toBe(422);
    expect(incomplete.body.message).toContain('dueDate');
    expect(incomplete.body.details).toEqual([expect.objectContaining({ field: 'data.dueDate', rule: 'required' })]);

    i = await s.planActions(ca.id);
    expect(i).toMatchObject({ state: 'planApproval', revision: 4 });
    expect(i.openTasks).toEqual([expect.objectContaining({ role: 'quality', outcomes: ['APPROVE', 'REJECT'] })]);
    expect((await s.send('quality', ca.id, { type: 'APPROVE' })).status).toBe(422);

    i = await s.approveActionPlan(ca.id);
    expect(i).toMatchObject({ state: 'implementation', revision: 5 });
    expect(i.data.plan).toMatchObject({ owner: 'complaint_handler', dueDate: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/), by: 'complaint_handler' });
    expect(i.openTasks[0]).toMatchObject({ role: 'complaint_handler', assignee: 'complaint_handler', overdue: false });

    i = await s.implementActions(ca.id);
    expect(i.state).toBe('effectivenessCheck');
    expect((await s.get('quality', ca.id)).availableEvents).toEqual(['EFFECTIVE', 'INEFFECTIVE']);
    i = await s.closeEffective(ca.id, { data: { score: 88.5 } });
    expect(i).toMatchObject({ state: 'closed', status: 'completed', revision: 7, openTasks: [], availableEvents: [] });
    expect(i.data.checks).toEqual([expect.objectContaining({ effective: true, data: { score: 88.5 }, by: 'quality' })]);

    const history = await s.history(ca.id);
    expect(history.map((r) => [r.event, r.actor.username, r.fromState, r.toState])).toEqual([
      ['START', 'quality', null, 'problem'],
      ['SUBMIT', 'quality', 'problem', 'causeAnalysis'],
      ['SUBMIT', 'complaint_handler', 'causeAnalysis', 'actionPlan'],
      ['SUBMIT', 'complaint_handler', 'actionPlan', 'planApproval'],
      ['APPROVE', 'quality', 'planApproval', 'implementation'],
      ['SUBMIT', 'complaint_handler', 'implementation', 'effectivenessCheck'],
      ['EFFECTIVE', 'quality', 'effectivenessCheck', 'closed'],
    ]);
    expect(history[4]).toMatchObject({ signatureMeaning: '批准 / approved', actor: { role: 'quality' } });
    expect(history[6]).toMatchObject({ signatureMeaning: '验证有效 / verified effective', data: { submitted: { score: 88.5 } } });
  });

  it('refuses a plan due before today, or owned by someone who may not own it, naming the field', async () => {
    const admin = await s.auth('admin');
    const created = await t.http
      .post('/api/v1/users')
      .set(admin)
      .send({ username: 'zhou.left', displayName: '周（已离职）', password: 'password-9', roles: [{ role: 'complaint_handler' }] })
      .expect(201);
    await t.http.post(`/api/v1/users/${created.body.id}/disable`).set(admin).expect(200);
    const ca = await s.openCorrectiveAction('来料检验漏检 / incoming inspection missed defects');
    await s.describeProblem(ca.id);
    const analysed = await s.analyseCause(ca.id);

    const past = await s.send('complaint_handler', ca.id, { type: 'SUBMIT', data: { actions: ['x'], owner: 'complaint_handler', dueDate: '2020-01-01' } });
    expect(past.status).toBe(422);
    expect(past.body.details).toEqual([expect.objectContaining({ field: 'data.dueDate', rule: 'invalid' })]);
    expect(past.body.message).toContain('today or later');
    const zh = await t.http
      .post(`/api/v1/instances/${ca.id}/events`)
      .set({ ...(await s.auth('complaint_handler')), 'Accept-Language': 'zh-CN' })
      .send({ type: 'SUBMIT', expectedRevision: analysed.revision, data: { actions: ['x'], owner: 'complaint_handler', dueDate: '2020-01-01' } });
    expect(zh.body.message).toContain('不早于今天');

    // no account, another spelling of one (MySQL's collation would match it), one without the role, a disabled one
    const refusals: [string, string, string][] = [
      ['nobody.here', 'unknownUser', 'no user has this username'],
      ['Complaint_Handler', 'unknownUser', 'no user has this username'],
      ['quality', 'lacksRole', 'this user does not hold the complaint handler role'],
      ['zhou.left', 'disabledUser', 'this user is disabled'],
    ];
    for (const [owner, rule, why] of refusals) {
      const res = await s.send('complaint_handler', ca.id, { type: 'SUBMIT', data: { actions: ['x'], owner, dueDate: localDateAfter(analysed.updatedAt, 30) } });
      expect([owner, res.status, res.body.details]).toEqual([owner, 422, [{ field: 'data.owner', rule, message: `data.owner: ${why}` }]]);
    }
    expect((await s.get('quality', ca.id)).revision).toBe(analysed.revision);

    const today = localDateAfter(analysed.updatedAt, 0);
    const planned = await s.planActions(ca.id, { dueDate: today });
    expect(planned).toMatchObject({ state: 'planApproval', data: { plan: { dueDate: today, owner: 'complaint_handler' } } });
    expect((await s.history(ca.id)).at(-1)).toMatchObject({ event: 'SUBMIT', data: { facts: { eligibleOwner: 'complaint_handler' } } });
  });

  it('closes as effective only on evidence, and signed', async () => {
    const ca = await s.openCorrectiveAction('包装破损 / damaged packaging');
    await s.toImplementation(ca.id);
    const checking = await s.implementActions(ca.id);
    const sign = s.sign('验证有效 / verified effective');

    const bare = await s.send('quality', ca.id, { type: 'EFFECTIVE', signature: sign });
    expect(bare.status).toBe(422);
    expect(bare.body.details).toEqual([expect.objectContaining({ field: 'data.verification', rule: 'required' })]);
    const notAScore = await s.send('quality', ca.id, { type: 'EFFECTIVE', data: { score: 'good' }, signature: sign });
    expect(notAScore.body.details).toEqual([expect.objectContaining({ field: 'data.score', rule: 'invalid' })]);
    // a score is an item index, 0 to 100
    const negative = await s.send('quality', ca.id, { type: 'EFFECTIVE', data: { score: -500 }, signature: sign }, { 'Accept-Language': 'zh-CN' });
    expect(negative.status).toBe(422);
    expect(negative.body).toMatchObject({
      message: '「验证措施有效性」拒绝「有效」：data.score：须为 0–100 的满意度指数',
      details: [{ field: 'data.score', rule: 'invalid', message: 'data.score：须为 0–100 的满意度指数' }],
    });
    const unsigned = await s.send('quality', ca.id, { type: 'EFFECTIVE', data: { score: 90 } });
    expect(unsigned.status).toBe(422);
    expect(unsigned.body.details).toEqual([expect.objectContaining({ field: 'signature' })]);
    expect((await s.get('quality', ca.id)).revision).toBe(checking.revision);

    const closed = await s.closeEffective(ca.id, { data: { verification: '2026-12 现场抽检 200 件无破损 / site check of 200 parts: none damaged' } });
    expect(closed).toMatchObject({ state: 'closed', status: 'completed' });
  });

  it('sends a rejected plan back to the action plan, and only with a reason', async () => {
    const ca = await s.openCorrectiveAction('交货延误 / late deliveries');
    await s.describeProblem(ca.id);
    await s.analyseCause(ca.id);
    await s.planActions(ca.id);

    for (const comment of [undefined, '', '   ']) {
      const res = await s.send('quality', ca.id, { type: 'REJECT', ...(comment !== undefined ? { comment } : {}) });
      expect(res.status).toBe(422);
      expect(res.body.details[0]).toMatchObject({ field: 'comment' });
    }
    expect((await s.get('quality', ca.id)).revision).toBe(4);

    let i = await s.act('quality', ca.id, { type: 'REJECT', comment: '措施未覆盖在库品 / the plan ignores stock on hand' });
    expect(i).toMatchObject({ state: 'actionPlan', revision: 5 });
    expect(i.data.lastRejection).toMatchObject({ state: 'planApproval', comment: '措施未覆盖在库品 / the plan ignores stock on hand', by: 'quality' });
    expect(i.openTasks).toEqual([expect.objectContaining({ role: 'complaint_handler', state: 'actionPlan' })]);

    await s.planActions(ca.id);
    i = await s.approveActionPlan(ca.id);
    expect(i.state).toBe('implementation');
    const history = await s.history(ca.id);
    expect(history.map((r) => r.event)).toEqual(['START', 'SUBMIT', 'SUBMIT', 'SUBMIT', 'REJECT', 'SUBMIT', 'APPROVE']);
    expect(history[4]).toMatchObject({ actor: { username: 'quality', role: 'quality' }, comment: '措施未覆盖在库品 / the plan ignores stock on hand', fromState: 'planApproval', toState: 'actionPlan' });
  });

  it('loops an ineffective action back to cause analysis', async () => {
    const ca = await s.openCorrectiveAction('安装服务评分偏低 / low installation scores');
    await s.toImplementation(ca.id);
    await s.implementActions(ca.id);

    expect((await s.send('quality', ca.id, { type: 'INEFFECTIVE' })).status).toBe(422);
    let i = await s.act('quality', ca.id, { type: 'INEFFECTIVE', comment: '下期得分仍为 62 / next period still 62', data: { nextPeriodScore: 62 } });
    expect(i).toMatchObject({ state: 'causeAnalysis', revision: 7 });
    expect(i.data).toMatchObject({ reopened: 1, lastRejection: { state: 'effectivenessCheck', comment: '下期得分仍为 62 / next period still 62' } });
    expect(i.openTasks).toEqual([expect.objectContaining({ role: 'complaint_handler', assignee: 'complaint_handler' })]);

    await s.analyseCause(ca.id);
    await s.planActions(ca.id);
    await s.approveActionPlan(ca.id);
    await s.implementActions(ca.id);
    i = await s.closeEffective(ca.id, { data: { score: 84 } });
    expect(i).toMatchObject({ state: 'closed', revision: 12 });
    expect(i.data.checks.map((c: { effective: boolean }) => c.effective)).toEqual([false, true]);
    expect((await s.history(ca.id))[6]).toMatchObject({ event: 'INEFFECTIVE', fromState: 'effectivenessCheck', toState: 'causeAnalysis', actor: { role: 'quality' } });
  });

  it('escalates an implementation past the plan’s own due date: quality first, then the management representative', async () => {
    const ca = await s.openCorrectiveAction('返修率超标 / repeat repairs above target');
    await s.describeProblem(ca.id);
    const analysed = await s.analyseCause(ca.id);
    const dueDate = localDateAfter(analysed.updatedAt, 90);
    await s.planActions(ca.id, { dueDate });
    const implementing = await s.approveActionPlan(ca.id);
    // due all that day: at midnight Beijing time (UTC+8) after it
    expect(implementing.openTasks[0].dueAt).toBe(new Date(Date.parse(`${dueDate}T00:00:00+08:00`) + DAY).toISOString());

    await s.advanceClock(31 * DAY); // the old 30-day default passed; the plan's date has not
    let i = await s.get('complaint_handler', ca.id);
    expect(i).toMatchObject({ state: 'implementation', revision: implementing.revision, data: { escalations: [] } });
    expect(i.openTasks[0]).toMatchObject({ overdue: false, dueAt: implementing.openTasks[0].dueAt });

    await s.advanceClock(61 * DAY); // past the plan's due date
    i = await s.get('complaint_handler', ca.id);
    expect(i).toMatchObject({ state: 'implementation', revision: implementing.revision + 1 });
    expect(i.openTasks[0]).toMatchObject({ role: 'complaint_handler', assignee: 'complaint_handler', overdue: true });
    expect(i.data.escalations).toEqual([expect.objectContaining({ state: 'implementation', level: 1, role: 'quality' })]);
    expect((await s.history(ca.id)).at(-1)).toMatchObject({ event: 'DEADLINE', actor: { username: 'system' }, data: { escalationLevel: 1 } });
    expect(await s.notices('quality', ca.id)).toHaveLength(1);
    expect(await s.notices('management_rep', ca.id)).toEqual([]);

    await s.advanceClock(5 * DAY); // then every 3 working days: the next one up
    i = await s.get('complaint_handler', ca.id);
    expect(i.revision).toBe(implementing.revision + 2);
    expect(i.data.escalations.map((e: { role: string }) => e.role)).toEqual(['quality', 'management_rep']);
    expect(await s.notices('management_rep', ca.id)).toEqual([expect.objectContaining({ role: 'management_rep' })]);

    // the owner can still finish, and the check closes it
    await s.implementActions(ca.id);
    expect((await s.closeEffective(ca.id, { comment: '现场验证：返修率已降至 1% / verified on site: repairs down to 1 %' })).state).toBe('closed');
  });

  it('escalates the steps before implementation too: a cause analysis left for a week goes to quality, an unapproved plan to the management representative', async () => {
    const ca = await s.openCorrectiveAction('来料批次不良 / bad incoming batch');
    const analysing = await s.describeProblem(ca.id);
    // 5 working days: never fewer calendar days (weekends and holidays make it more)
    const due = Date.parse(analysing.openTasks[0].dueAt!);
    expect(due - Date.parse(analysing.updatedAt)).toBeGreaterThanOrEqual(5 * DAY);
    await s.advanceClock(due - Date.parse(analysing.updatedAt) + HOUR);
    let i = await s.get('complaint_handler', ca.id);
    expect(i).toMatchObject({ state: 'causeAnalysis', revision: analysing.revision + 1 });
    expect(i.data.escalations).toEqual([expect.objectContaining({ state: 'causeAnalysis', level: 1, role: 'quality' })]);
    expect(await s.notices('quality', ca.id)).toHaveLength(1);
    expect((await s.inbox('quality', ca.id)).filter((task) => (task as { kind?: string }).kind === 'escalation')).toHaveLength(1);

    await s.analyseCause(ca.id);
    await s.planActions(ca.id);
    const approving = await s.get('quality', ca.id);
    expect(approving.state).toBe('planApproval');
    await s.advanceClock(Date.parse(approving.openTasks[0].dueAt!) - Date.parse(approving.updatedAt) + HOUR); // 3 working days
    i = await s.get('quality', ca.id);
    expect(i.data.escalations.at(-1)).toMatchObject({ state: 'planApproval', level: 1, role: 'management_rep' });
    expect(await s.notices('management_rep', ca.id)).toHaveLength(1);
    expect((await s.approveActionPlan(ca.id)).state).toBe('implementation');
  });

  it("counts 'today' in the company's time zone: at 01:00 in China, UTC's date is already yesterday", async () => {
    const { now } = await s.advanceClock(0);
    const utcDay = Date.parse(now.slice(0, 10));
    // 17:00 UTC is 01:00 the next day in China (the default calendar, UTC+8)
    const target = utcDay + 17 * HOUR > Date.parse(now) ? utcDay + 17 * HOUR : utcDay + DAY + 17 * HOUR;
    await s.advanceClock(target - Date.parse(now));
    const ca = await s.openCorrectiveAction('夜班漏检 / night shift missed checks');
    await s.describeProblem(ca.id);
    await s.analyseCause(ca.id);
    const utcToday = new Date(target).toISOString().slice(0, 10);
    const chinaToday = localDateAfter(new Date(target).toISOString(), 0);
    expect(chinaToday > utcToday).toBe(true);

    const yesterday = await s.send('complaint_handler', ca.id, { type: 'SUBMIT', data: { actions: ['x'], owner: 'complaint_handler', dueDate: utcToday } });
    expect(yesterday.status).toBe(422);
    expect(yesterday.body.details).toEqual([{ field: 'data.dueDate', rule: 'invalid', message: `data.dueDate: must be today or later (today: ${chinaToday})` }]);
    expect((await s.planActions(ca.id, { dueDate: chinaToday })).state).toBe('planApproval');
  });
  it('is raised from a survey item, linked to the plan with the index the item had, once per item', async () => {
    const { instance: plan, surveyId } = await s.approvedPlan('2026 低分项测试 / low-item test');
    const recipients = await s.dispatchSurvey(surveyId, 4);
    await s.enterAnswers(surveyId, recipients, { reliability: 2, appearance: 4, response: '4' });
    const post = async (user: string, item: string, body: object = {}) =>
      t.http.post(`/api/v1/surveys/${surveyId}/items/${encodeURIComponent(item)}/corrective-action`).set(await s.auth(user)).send(body);

    // the coordinator scores surveys but does not raise actions; an unknown item is not there
    expect((await post('coordinator', 'reliability')).status).toBe(403);
    expect((await post('quality', 'no-such-item')).status).toBe(404);
    expect((await post('quality', 'reliability', { title: '' })).body.details).toEqual([expect.objectContaining({ field: 'title' })]);

    const raised = await post('quality', 'reliability');
    expect(raised.status).toBe(201);
    expect(raised.body).toMatchObject({ procedure: CORRECTIVE_ACTION, state: 'problem', parentId: plan.id, title: expect.stringContaining('可靠性') });
    // every answer 2 of 5: index 40, as the results show it
    const results = await s.getJson<{ dimensions: { items: { key: string; index: number }[] }[] }>('quality', `/surveys/${surveyId}/results`);
    expect(results.dimensions.flatMap((d) => d.items).find((i) => i.key === 'reliability')?.index).toBe(40);
    expect(raised.body.data.source).toEqual({
      procedure: 'annual-satisfaction-survey',
      instanceId: plan.id,
      survey: surveyId,
      surveyTitle: '2026 低分项测试 / low-item test',
      period: null,
      item: 'reliability',
      itemTitle: { zh: '可靠性', en: 'Reliability' },
      index: 40,
      n: 4,
    });
    expect((await s.get('auditor', plan.id)).children).toContain(raised.body.id);

    // asked again (by the management representative too): the one raised before
    const again = await post('management_rep', 'reliability');
    expect(again.status).toBe(200);
    expect(again.body.id).toBe(raised.body.id);
    // another item has its own
    const other = await post('management_rep', 'appearance', { title: '外观整改 / appearance' });
    expect(other.status).toBe(201);
    expect(other.body).toMatchObject({ title: '外观整改 / appearance', data: { source: { item: 'appearance', index: 80 } } });

    // the evidence for its effectiveness: the item's score in the next survey of the series that scored it
    const next = async (item: string) => (await s.getJson<{ next: unknown }>('quality', `/surveys/${surveyId}/items/${item}/next`)).next;
    expect(await next('reliability')).toBeNull();
    const { surveyId: resurvey } = await s.approvedPlan('2027 复测 / re-survey');
    const reached = await s.dispatchSurvey(resurvey, 2);
    expect(await next('reliability')).toBeNull(); // frozen, not answered yet
    await s.enterAnswers(resurvey, reached, { reliability: 4, appearance: 4, response: '4' });
    expect(await next('reliability')).toEqual({ survey: { id: resurvey, title: '2027 复测 / re-survey', period: null }, index: 80, n: 2 });
    expect((await t.http.get(`/api/v1/surveys/${surveyId}/items/no-such-item/next`).set(await s.auth('quality'))).body).toEqual({ next: null });

    // a cancelled one (a withdrawn duplicate) leaves room for a new one
    await s.act('quality', raised.body.id, { type: 'CANCEL', comment: '重复 / duplicate', signature: s.sign('取消 / cancelled') });
    const renewed = await post('quality', 'reliability');
    expect(renewed.status).toBe(201);
    expect(renewed.body.id).not.toBe(raised.body.id);
    expect((await s.get('auditor', plan.id)).children).toEqual(expect.arrayContaining([raised.body.id, other.body.id, renewed.body.id]));
  });
});

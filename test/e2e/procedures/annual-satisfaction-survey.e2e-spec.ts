import type { TestApp } from '../../support/test-app';
import { VALID_PLAN } from '../../support/fixtures';
import { COMPLAINT, CORRECTIVE_ACTION, DAY, FINDINGS, NOT_AN_ACCIDENT, startProcedures, SURVEY, type Instance, type Steps } from './steps';

describe('annual-satisfaction-survey over HTTP (procedures.md, domain section 2)', () => {
  let t: TestApp;
  let s: Steps;
  beforeAll(async () => {
    ({ t, s } = await startProcedures());
  });
  afterAll(() => t.close());

  it('runs a full year: plan, rework, approval, dispatch, collection, report, approvals, distribution and routing to complaints', async () => {
    // 1–3. the plan, with its survey attached while planning; rejected once, then signed
    const plan = await s.start('survey_manager', SURVEY, '2026 年度客户满意度调查');
    expect(plan).toMatchObject({ state: 'planning', revision: 1, availableEvents: ['SUBMIT'] });
    const survey = await s.attachSurvey(plan.id);
    expect(survey).toMatchObject({ instanceId: plan.id, status: 'draft' });

    let i = await s.submitPlan(plan.id, survey.id);
    expect(i).toMatchObject({ state: 'planApproval', revision: 2 });
    expect(i.openTasks).toEqual([expect.objectContaining({ role: 'approver', outcomes: ['APPROVE', 'REJECT'], overdue: false })]);
    i = await s.act('approver', plan.id, { type: 'REJECT', comment: '样本量不足 / sample too small' });
    expect(i).toMatchObject({ state: 'planning', revision: 3 });
    expect(i.data.lastRejection).toMatchObject({ state: 'planApproval', comment: '样本量不足 / sample too small', by: 'approver' });
    i = await s.act('survey_manager', plan.id, {
      type: 'SUBMIT',
      data: { plan: { ...VALID_PLAN.plan, sample: { population: 'customer service files 2026', size: 60 }, survey: survey.id } },
    });
    expect(i.state).toBe('planApproval');
    i = await s.approvePlan(plan.id);
    expect(i).toMatchObject({ state: 'dispatching', revision: 5, availableEvents: [] });
    expect(i.data.plan).toMatchObject({ sample: { size: 60 }, targetReturnRate: 80 });
    expect(i.openTasks).toEqual([expect.objectContaining({ role: 'coordinator', state: 'dispatching' })]);
    // DISPATCHED comes from the survey module, never from a person
    expect((await s.send('coordinator', plan.id, { type: 'DISPATCHED' })).status).toBe(403);
    expect((await s.getJson<{ status: string }>('coordinator', `/surveys/${survey.id}`)).status).toBe('frozen');

    // 4. the coordinator sends the questionnaires: the survey module moves the plan on
    const recipients = await s.dispatchSurvey(survey.id, 5);
    i = await s.get('coordinator', plan.id);
    expect(i).toMatchObject({ state: 'collecting', revision: 6, availableEvents: ['CLOSE_COLLECTION', 'REQUEST_WAIVER'] });
    expect(i.data.surveyId).toBe(survey.id);

    // 5. collection closes only at the target return rate (80 %)
    await s.enterAnswers(survey.id, recipients.slice(0, 3));
    const early = await s.send('coordinator', plan.id, { type: 'CLOSE_COLLECTION' });
    expect(early.status).toBe(422);
    expect(early.body.message).toContain('return rate');
    await s.enterAnswers(survey.id, recipients.slice(3, 4), { reliability: 2, appearance: 5, response: '3' });
    expect((await s.getJson<{ returnRate: number }>('coordinator', `/surveys/${survey.id}/results`)).returnRate).toBe(80);
    i = await s.act('coordinator', plan.id, { type: 'CLOSE_COLLECTION' });
    expect(i).toMatchObject({ state: 'reportDrafting', revision: 7 });
    expect(i.data.collection).toMatchObject({ returnRate: 80, targetReturnRate: 80, waived: false, closedBy: 'coordinator' });

    // 7–9. the report: drafted, sent back by the reviewer, redrafted, reviewed and approved (both signed)
    const incomplete = await s.send('coordinator', plan.id, { type: 'SUBMIT', data: { conclusions: 'ok', proposals: 'none', findings: [{ title: 'x' }] } });
    expect(incomplete.status).toBe(422);
    // the 422 names each field the guard found missing, from the guard's own check
    expect(incomplete.body.details).toEqual([
      { field: 'data.findings[0].productQuality', rule: 'required', message: 'data.findings[0].productQuality is required to SUBMIT' },
      { field: 'data.findings[0].important', rule: 'required', message: 'data.findings[0].important is required to SUBMIT' },
    ]);
    i = await s.submitReport(plan.id, FINDINGS.slice(0, 2));
    expect(i).toMatchObject({ state: 'reportReview', revision: 8 });
    expect(i.openTasks).toEqual([expect.objectContaining({ role: 'survey_manager', outcomes: ['APPROVE', 'REJECT'] })]);
    expect((await s.send('survey_manager', plan.id, { type: 'REJECT' })).status).toBe(422);
    i = await s.act('survey_manager', plan.id, { type: 'REJECT', comment: '漏了外观问题 / the paint complaints are missing' });
    expect(i).toMatchObject({ state: 'reportDrafting', revision: 9 });
    i = await s.submitReport(plan.id);
    expect(i.data.report).toMatchObject({ revision: 2, findings: FINDINGS });
    i = await s.act('survey_manager', plan.id, { type: 'APPROVE', signature: s.sign('审核通过 / reviewed') });
    expect(i).toMatchObject({ state: 'reportApproval', revision: 11 });
    expect((await s.get('approver', plan.id)).availableEvents).toEqual(['APPROVE', 'REJECT']);
    i = await s.act('approver', plan.id, { type: 'APPROVE', signature: s.sign('批准 / approved') });
    expect(i).toMatchObject({ state: 'distribution', revision: 12 });

    // 10. distribution: the management representative acknowledges; quality gets its copy; an important finding goes to the GM
    expect(i.openTasks).toEqual([expect.objectContaining({ role: 'management_rep', outcomes: ['ACKNOWLEDGE'] })]);
    await s.runWorker();
    expect(await s.notices('quality', plan.id)).toEqual([expect.objectContaining({ role: 'quality', message: expect.objectContaining({ en: expect.stringContaining('management-review input') }) })]);
    i = await s.act('management_rep', plan.id, { type: 'ACKNOWLEDGE' });
    expect(i).toMatchObject({ state: 'gmApproval', revision: 13 });
    expect((await s.get('general_manager', plan.id)).availableEvents).toEqual(['APPROVE', 'REJECT']);
    i = await s.act('general_manager', plan.id, { type: 'APPROVE', signature: s.sign('批准 / approved') });

    // 11. routing is automatic: the plan completes and opens one complaint per product-quality finding
    expect(i).toMatchObject({ state: 'completed', status: 'completed', revision: 14, openTasks: [], availableEvents: [] });
    expect(i.children).toHaveLength(2); // the answer lists the complaints it opened
    await s.runWorker();
    await s.runWorker(); // a second run must not open them twice
    const children = await s.children('complaint_desk', plan.id);
    expect(children.map((c) => c.id)).toEqual(i.children);
    const productQuality = FINDINGS.map((f, index) => ({ f, index })).filter(({ f }) => f.productQuality);
    for (const { f, index } of productQuality) {
      const child = children.find((c) => c.data.source?.instanceFinding === index) as Instance;
      expect(child).toMatchObject({ procedure: COMPLAINT, parentId: plan.id, title: f.title, state: 'received', revision: 1 });
      expect(child.data.source).toMatchObject({ procedure: SURVEY, title: f.title, survey: '2026 年度客户满意度调查', surveyId: survey.id });
      expect(child.openTasks).toEqual([expect.objectContaining({ role: 'complaint_desk', state: 'received' })]);
    }

    const history = await s.history(plan.id);
    expect(history.map((r) => r.event)).toEqual([
      'START', 'SUBMIT', 'REJECT', 'SUBMIT', 'APPROVE', 'DISPATCHED', 'CLOSE_COLLECTION',
      'SUBMIT', 'REJECT', 'SUBMIT', 'APPROVE', 'APPROVE', 'ACKNOWLEDGE', 'APPROVE',
    ]);
    expect(history.map((r) => r.revision)).toEqual(Array.from({ length: 14 }, (_, n) => n + 1));
    const who = history.map((r) => [r.actor.username, r.actor.role, r.signatureMeaning ?? null]);
    expect(who).toEqual([
      ['survey_manager', 'survey_manager', null],
      ['survey_manager', 'survey_manager', null],
      ['approver', 'approver', null],
      ['survey_manager', 'survey_manager', null],
      ['approver', 'approver', '批准 / approved'],
      ['system', 'system', null],
      ['coordinator', 'coordinator', null],
      ['coordinator', 'coordinator', null],
      ['survey_manager', 'survey_manager', null],
      ['coordinator', 'coordinator', null],
      ['survey_manager', 'survey_manager', '审核通过 / reviewed'],
      ['approver', 'approver', '批准 / approved'],
      ['management_rep', 'management_rep', null],
      ['general_manager', 'general_manager', '批准 / approved'],
    ]);
    expect(history[2].comment).toBe('样本量不足 / sample too small');
    expect(history[8]).toMatchObject({ comment: '漏了外观问题 / the paint complaints are missing', fromState: 'reportReview', toState: 'reportDrafting' });
    expect(history[13]).toMatchObject({
      fromState: 'gmApproval',
      toState: 'completed',
      data: { effects: [{ type: 'effect.startChild', key: 'finding-0' }, { type: 'effect.startChild', key: 'finding-2' }] },
    });

    // 12. each routed complaint is handled and closed through a callback; the important one opens a corrective action
    const [important, minor] = productQuality.map(({ index }) => children.find((c) => c.data.source.instanceFinding === index) as Instance);
    await s.dispatchComplaint(important.id);
    await s.act('complaint_handler', important.id, { type: 'ESCALATE_MAJOR', comment: '批量可靠性问题 / batch reliability issue' });
    await s.act('quality', important.id, { type: 'CONCLUDE', data: { conclusion: '密封供应商换料 / seal material changed', openCorrectiveAction: true, classification: NOT_AN_ACCIDENT } });
    await s.runWorker();
    const closed = await s.closeComplaint(important.id);
    expect(closed.state).toBe('closed');
    expect((await s.closeComplaint(minor.id)).state).toBe('closed');

    const [action] = await s.children('quality', important.id);
    expect(action).toMatchObject({ procedure: CORRECTIVE_ACTION, parentId: important.id, state: 'problem' });
    expect((await s.get('quality', important.id)).children).toEqual([action.id]);
    expect(closed.children).toEqual([action.id]); // an event's answer lists them too
    expect((await s.get('quality', minor.id)).children).toEqual([]);
    for (const child of [important, minor]) {
      const trail = await s.history(child.id);
      expect(trail[0]).toMatchObject({ event: 'START', actor: { username: 'system' }, data: { parentId: plan.id, parentKey: expect.stringMatching(/^finding-/) } });
      expect(trail.at(-1)).toMatchObject({ event: 'CALLBACK_SATISFIED', toState: 'closed', actor: { username: 'complaint_desk', role: 'complaint_desk' } });
    }
    expect((await s.get('auditor', plan.id)).children.sort()).toEqual([important.id, minor.id].sort());
  });

  it('closes collection below the target only with an approved, signed waiver', async () => {
    const { instance, surveyId } = await s.approvedPlan('2026 下半年满意度调查 / H2 survey');
    const recipients = await s.dispatchSurvey(surveyId, 5);
    await s.enterAnswers(surveyId, recipients.slice(0, 2)); // 40 %
    expect((await s.send('coordinator', instance.id, { type: 'CLOSE_COLLECTION' })).status).toBe(422);

    expect((await s.send('coordinator', instance.id, { type: 'REQUEST_WAIVER' })).status).toBe(422);
    let i = await s.act('coordinator', instance.id, { type: 'REQUEST_WAIVER', comment: '年底停产，客户无法联系 / plants closed for year end' });
    expect(i).toMatchObject({ state: 'waiverApproval' });
    expect(i.openTasks).toEqual([expect.objectContaining({ role: 'approver', outcomes: ['APPROVE', 'REJECT'] })]);
    expect(i.data.waiverRequest).toMatchObject({ reason: '年底停产，客户无法联系 / plants closed for year end', requestedBy: 'coordinator', returnRate: 40 });

    // NG first: back to collecting, still closed to analysis
    i = await s.act('approver', instance.id, { type: 'REJECT', comment: '再电话跟进一轮 / phone them once more' });
    expect(i).toMatchObject({ state: 'collecting' });
    expect(i.data.waiver).toBeNull();
    expect((await s.send('coordinator', instance.id, { type: 'CLOSE_COLLECTION' })).status).toBe(422);

    await s.enterAnswers(surveyId, recipients.slice(2, 3)); // 60 %
    await s.act('coordinator', instance.id, { type: 'REQUEST_WAIVER', comment: '已跟进，仍不足 / followed up, still short' });
    expect((await s.send('approver', instance.id, { type: 'APPROVE' })).status).toBe(422);
    i = await s.act('approver', instance.id, { type: 'APPROVE', signature: s.sign('批准豁免 / waiver approved') });
    expect(i).toMatchObject({ state: 'collecting' });
    expect(i.data.waiver).toMatchObject({ reason: '已跟进，仍不足 / followed up, still short', returnRate: 60, approvedBy: 'approver' });

    i = await s.act('coordinator', instance.id, { type: 'CLOSE_COLLECTION' });
    expect(i.state).toBe('reportDrafting');
    expect(i.data.collection).toMatchObject({ returnRate: 60, targetReturnRate: 80, waived: true });

    const history = await s.history(instance.id);
    expect(history.slice(-5).map((r) => [r.event, r.actor.role, r.signatureMeaning ?? null])).toEqual([
      ['REQUEST_WAIVER', 'coordinator', null],
      ['REJECT', 'approver', null],
      ['REQUEST_WAIVER', 'coordinator', null],
      ['APPROVE', 'approver', '批准豁免 / waiver approved'],
      ['CLOSE_COLLECTION', 'coordinator', null],
    ]);
    expect(history.at(-4)).toMatchObject({ comment: '再电话跟进一轮 / phone them once more', fromState: 'waiverApproval', toState: 'collecting' });
  });

  it('ends collection at the window end: chases the survey manager below the target, closes by itself once it is reached', async () => {
    const { instance, surveyId } = await s.approvedPlan('2028 年度客户满意度调查 / 2028 survey');
    const recipients = await s.dispatchSurvey(surveyId, 5);
    await s.enterAnswers(surveyId, recipients.slice(0, 2)); // 40 %

    await s.advanceClock(93 * DAY); // past the three-month window
    let i = await s.get('coordinator', instance.id);
    expect(i).toMatchObject({ state: 'collecting', availableEvents: ['CLOSE_COLLECTION', 'REQUEST_WAIVER'] });
    expect(i.data.escalations).toEqual([expect.objectContaining({ state: 'collecting', level: 1, role: 'survey_manager' })]);
    expect(await s.notices('survey_manager', instance.id)).toEqual([
      expect.objectContaining({ message: expect.objectContaining({ en: expect.stringContaining('overdue') }) }),
    ]);

    await s.enterAnswers(surveyId, recipients.slice(2, 4)); // 80 %: the next chase, three working days on, finds the target met
    await s.advanceClock(6 * DAY);
    i = await s.get('coordinator', instance.id);
    expect(i).toMatchObject({ state: 'reportDrafting' });
    expect(i.data.collection).toMatchObject({ returnRate: 80, targetReturnRate: 80, waived: false });
    expect((await s.history(instance.id)).at(-1)).toMatchObject({
      event: 'DEADLINE', actor: { username: 'system', role: 'system' }, fromState: 'collecting', toState: 'reportDrafting',
    });
  });

  it('sends the report back from approval and from the general manager; overdue review and approval escalate', async () => {
    const { instance, surveyId } = await s.approvedPlan('2029 年度客户满意度调查 / 2029 survey');
    const recipients = await s.dispatchSurvey(surveyId, 5);
    await s.enterAnswers(surveyId, recipients.slice(0, 4));
    await s.act('coordinator', instance.id, { type: 'CLOSE_COLLECTION' });
    const id = instance.id;

    // review overdue: the approver and then the general manager are told
    await s.submitReport(id);
    await s.advanceClock(6 * DAY);
    let i = await s.get('survey_manager', id);
    expect(i).toMatchObject({ state: 'reportReview' });
    expect(i.openTasks).toEqual([expect.objectContaining({ role: 'survey_manager', overdue: true })]);
    expect(i.data.escalations.at(-1)).toMatchObject({ state: 'reportReview', level: 1, role: 'approver' });
    i = await s.act('survey_manager', id, { type: 'APPROVE', signature: s.sign('审核通过 / reviewed') });

    // approval overdue, then sent back with a reason
    await s.advanceClock(6 * DAY);
    i = await s.get('approver', id);
    expect(i.data.escalations.at(-1)).toMatchObject({ state: 'reportApproval', level: 1, role: 'general_manager' });
    expect((await s.send('approver', id, { type: 'REJECT' })).status).toBe(422);
    i = await s.act('approver', id, { type: 'REJECT', comment: '建议不具体 / proposals too vague' });
    expect(i).toMatchObject({ state: 'reportDrafting' });
    expect(i.data.lastRejection).toMatchObject({ state: 'reportApproval', comment: '建议不具体 / proposals too vague', by: 'approver' });

    // redrafted, through review and approval again, then the general manager sends it back
    await s.submitReport(id);
    await s.act('survey_manager', id, { type: 'APPROVE', signature: s.sign('审核通过 / reviewed') });
    await s.act('approver', id, { type: 'APPROVE', signature: s.sign('批准 / approved') });
    i = await s.act('management_rep', id, { type: 'ACKNOWLEDGE' });
    expect(i.state).toBe('gmApproval');
    i = await s.act('general_manager', id, { type: 'REJECT', comment: '重要发现需附整改计划 / add an action plan for the important finding' });
    expect(i).toMatchObject({ state: 'reportDrafting' });
    expect(i.data.lastRejection).toMatchObject({ state: 'gmApproval', by: 'general_manager' });

    const history = await s.history(id);
    expect(history.filter((r) => r.event === 'REJECT').map((r) => [r.fromState, r.toState, r.actor.role])).toEqual([
      ['reportApproval', 'reportDrafting', 'approver'],
      ['gmApproval', 'reportDrafting', 'general_manager'],
    ]);
    expect(history.filter((r) => r.event === 'DEADLINE').map((r) => r.fromState)).toEqual(['reportReview', 'reportApproval']);
  });

  it('escalates an overdue plan approval to the general manager', async () => {
    const plan = await s.start('survey_manager', SURVEY, '2027 年度客户满意度调查');
    const survey = await s.attachSurvey(plan.id, '2027 年度调查表');
    const submitted = await s.submitPlan(plan.id, survey.id);
    expect(submitted.openTasks[0]).toMatchObject({ role: 'approver', overdue: false });

    await s.advanceClock(DAY); // within 3 working days: nothing happens
    expect((await s.get('approver', plan.id)).revision).toBe(submitted.revision);

    await s.advanceClock(6 * DAY); // well past 3 working days, whatever the weekday
    const overdue = await s.get('approver', plan.id);
    expect(overdue).toMatchObject({ state: 'planApproval', revision: submitted.revision + 1, availableEvents: ['APPROVE', 'REJECT'] });
    expect(overdue.openTasks).toEqual([expect.objectContaining({ role: 'approver', overdue: true })]);
    expect(overdue.data.escalations).toEqual([expect.objectContaining({ state: 'planApproval', level: 1, role: 'general_manager' })]);
    expect((await s.history(plan.id)).at(-1)).toMatchObject({
      event: 'DEADLINE',
      actor: { username: 'system', role: 'system' },
      fromState: 'planApproval',
      toState: 'planApproval',
      data: { escalationLevel: 1, effects: [{ type: 'effect.notify', key: 'escalation-1', role: 'general_manager' }] },
    });
    expect(await s.notices('general_manager', plan.id)).toEqual([
      expect.objectContaining({ role: 'general_manager', message: expect.objectContaining({ en: expect.stringContaining('overdue') }) }),
    ]);
    expect((await s.inbox('approver', plan.id))[0]).toMatchObject({ overdue: true });

    // the approver can still decide, late
    const approved = await s.approvePlan(plan.id);
    expect(approved).toMatchObject({ state: 'dispatching', revision: submitted.revision + 2 });
  });
});

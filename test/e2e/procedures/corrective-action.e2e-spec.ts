import type { TestApp } from '../../support/test-app';
import { CORRECTIVE_ACTION, DAY, startProcedures, type Steps } from './steps';

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
    expect(i.data.plan).toMatchObject({ owner: 'complaint_handler', dueDate: '2026-12-31', by: 'complaint_handler' });
    expect(i.openTasks[0]).toMatchObject({ role: 'complaint_handler', assignee: 'complaint_handler', overdue: false });

    i = await s.implementActions(ca.id);
    expect(i.state).toBe('effectivenessCheck');
    expect((await s.get('quality', ca.id)).availableEvents).toEqual(['EFFECTIVE', 'INEFFECTIVE']);
    i = await s.act('quality', ca.id, { type: 'EFFECTIVE', data: { nextPeriodScore: 88.5 } });
    expect(i).toMatchObject({ state: 'closed', status: 'completed', revision: 7, openTasks: [], availableEvents: [] });
    expect(i.data.checks).toEqual([expect.objectContaining({ effective: true, data: { nextPeriodScore: 88.5 }, by: 'quality' })]);

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
    i = await s.act('quality', ca.id, { type: 'EFFECTIVE', data: { nextPeriodScore: 84 } });
    expect(i).toMatchObject({ state: 'closed', revision: 12 });
    expect(i.data.checks.map((c: { effective: boolean }) => c.effective)).toEqual([false, true]);
    expect((await s.history(ca.id))[6]).toMatchObject({ event: 'INEFFECTIVE', fromState: 'effectivenessCheck', toState: 'causeAnalysis', actor: { role: 'quality' } });
  });

  it('escalates an overdue implementation: quality first, then the management representative', async () => {
    const ca = await s.openCorrectiveAction('返修率超标 / repeat repairs above target');
    const implementing = await s.toImplementation(ca.id);
    expect(implementing.openTasks[0].dueAt).toBeDefined();

    await s.advanceClock(31 * DAY); // past the 30-day implementation deadline
    let i = await s.get('complaint_handler', ca.id);
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
    expect((await s.act('quality', ca.id, { type: 'EFFECTIVE', data: { verified: true } })).state).toBe('closed');
  });
});

import type { TestApp } from '../../support/test-app';
import { MANAGEMENT_REVIEW, MINUTE, startProcedures, type Instance, type Steps } from './steps';

interface Pack {
  period: { label: string; from: string; to: string; start: string; end: string };
  surveys: { reports: Record<string, any>[]; trend: { points: Record<string, any>[]; change: unknown } };
  complaints: Record<string, any>;
  correctiveActions: Record<string, any>;
  composite: { figures: Record<string, any>[] };
  hash: string;
  compiledAt: string;
}

describe('management-review over HTTP (procedures.md, domain section 6)', () => {
  let t: TestApp;
  let s: Steps;
  /** The company's current year (China time), the period the figures below are recorded in. */
  let year: string;
  beforeAll(async () => {
    ({ t, s } = await startProcedures());
    const probe = await s.start('quality', MANAGEMENT_REVIEW, 'probe');
    year = new Date(Date.parse((await s.history(probe.id))[0].at) + 8 * 60 * MINUTE).toISOString().slice(0, 4);
  });
  afterAll(() => t.close());

  const compile = (period: string, user = 'quality') => s.getJson<Pack>(user, `/management-review/pack?period=${encodeURIComponent(period)}`);

  /** A survey run to its approved (frozen, hashed, signed) analysis report. */
  async function approvedReport(title: string) {
    const { instance, surveyId } = await s.approvedPlan(title);
    const recipients = await s.dispatchSurvey(surveyId, 5);
    await s.enterAnswers(surveyId, recipients.slice(0, 4));
    await s.act('coordinator', instance.id, { type: 'CLOSE_COLLECTION' });
    await s.submitReport(instance.id);
    await s.act('survey_manager', instance.id, { type: 'APPROVE', signature: s.sign('审核通过 / reviewed') });
    await s.act('approver', instance.id, { type: 'APPROVE', signature: s.sign('批准 / approved') });
    const report = await s.getJson<{ figures: { overallIndex: number; returnRate: number }; frozen: { revision: number; hash: string } }>('auditor', `/surveys/${surveyId}/report`);
    return { instance, surveyId, report };
  }

  async function closedAction(title: string): Promise<Instance> {
    const ca = await s.openCorrectiveAction(title);
    await s.describeProblem(ca.id);
    await s.analyseCause(ca.id);
    await s.act('complaint_handler', ca.id, { type: 'SUBMIT', data: { actions: ['恢复原材料 / revert material'], owner: 'complaint_handler', dueDate: `${year}-12-31` } });
    await s.approveActionPlan(ca.id);
    await s.implementActions(ca.id);
    return s.act('quality', ca.id, { type: 'EFFECTIVE', data: { verification: '复检合格 / re-inspection passed' }, signature: s.sign('验证有效 / verified') });
  }

  let survey: Awaited<ReturnType<typeof approvedReport>>;
  const cases: Record<string, Instance> = {};
  const actions: Record<string, Instance> = {};
  let composite: { id: string; final: number };
  /** The corrective action the signed review's first decision opened. */
  let decisionAction: string;

  it('compiles the period from the records: the approved report, complaints with SLA compliance, corrective actions, the composite', async () => {
    survey = await approvedReport(`${year} 年度客户满意度调查`);
    // on time: dispatched, resolved, called back, closed
    cases.onTime = await s.openComplaint('漏油 / oil leak');
    await s.closeComplaint(cases.onTime.id);
    // dispatched 11 minutes after receipt
    cases.late = await s.openComplaint('噪音 / noise', { type: 'repair' });
    await s.advanceClock(11 * MINUTE);
    await s.dispatchComplaint(cases.late.id);
    // a major case, from the web, escalated to the quality department
    cases.major = await s.openComplaint('批量开裂 / cracked batch', { channel: 'web' });
    // the desk may say what it received when it dispatches, too
    await s.dispatchComplaint(cases.major.id, { type: 'complaint' });
    await s.act('complaint_handler', cases.major.id, { type: 'ESCALATE_MAJOR', comment: '批量质量事故 / batch quality accident' });

    actions.open = await s.openCorrectiveAction('密封圈来料检验 / seal inspection');
    actions.closed = await closedAction('包装改进 / packaging');
    composite = await s.postJson('quality', '/composites', { title: `${year} 综合满意度`, period: year, sources: [{ key: 'survey', weight: 1, score: 84 }], generalComplaints: 0, majorIncidents: 0 }, 201);

    const pack = await compile(year);
    expect(pack.period).toMatchObject({ label: year, from: `${year}-01-01`, to: `${year}-12-31` });
    expect(pack.hash).toMatch(/^[0-9a-f]{64}$/);

    // survey figures from the frozen, signed revision, which the auditor can fetch again by its ids
    expect(pack.surveys.reports).toEqual([
      expect.objectContaining({
        instanceId: survey.instance.id,
        surveyId: survey.surveyId,
        revision: survey.report.frozen.revision,
        hash: survey.report.frozen.hash,
        approvedBy: 'approver',
        overallIndex: survey.report.figures.overallIndex,
        returnRate: 80,
        sent: 5,
        returned: 4,
        dimensions: expect.arrayContaining([expect.objectContaining({ key: expect.any(String), index: expect.any(Number) })]),
      }),
    ]);
    expect(pack.surveys.trend).toEqual({ points: [expect.objectContaining({ reportId: pack.surveys.reports[0].reportId })], change: null });

    expect(pack.complaints).toMatchObject({
      instanceIds: [cases.onTime.id, cases.late.id, cases.major.id],
      total: 3,
      open: 2,
      closed: 1,
      byChannel: { phone: 2, web: 1 },
      byType: { complaint: 1, repair: 1, unrecorded: 1 },
      major: [{ instanceId: cases.major.id, title: '批量开裂 / cracked batch' }],
    });
    expect(pack.complaints.sla.dispatchWithin10Minutes).toEqual({
      limitMinutes: 10,
      met: 2,
      late: 1,
      pending: 0,
      rate: 66.7,
      lateCases: [{ instanceId: cases.late.id, title: '噪音 / noise', minutes: 11 }],
    });
    // the late case has had no answer yet, but its 24 hours have not passed
    expect(pack.complaints.sla.firstContactWithin24Hours).toMatchObject({ met: 2, late: 0, pending: 1, rate: 100 });
    expect(pack.complaints.sla.callbackRate).toEqual({ due: 1, calledBack: 1, rate: 100, notCalledBack: [] });

    expect(pack.correctiveActions).toMatchObject({ instanceIds: [actions.open.id, actions.closed.id], open: 1, overdue: 0, closedEffective: 1, ineffective: 0 });
    expect(pack.correctiveActions.actions).toEqual([
      expect.objectContaining({ instanceId: actions.open.id, title: '密封圈来料检验 / seal inspection', status: 'open', state: 'problem' }),
      expect.objectContaining({ instanceId: actions.closed.id, status: 'closedEffective', dueDate: `${year}-12-31`, closedAt: expect.any(String) }),
    ]);
    expect(pack.composite.figures).toEqual([expect.objectContaining({ compositeId: composite.id, final: composite.final, period: year })]);

    // the same records compile to the same hash
    expect((await compile(year, 'auditor')).hash).toBe(pack.hash);
  });

  it('names the period it cannot read, and is not for every role', async () => {
    const bad = await t.http.get('/api/v1/management-review/pack?period=2026-H1').set(await s.auth('quality'));
    expect(bad.status).toBe(400);
    expect(bad.body.details).toEqual([expect.objectContaining({ field: 'period', rule: 'invalid' })]);
    expect(bad.body.message).toContain('neither a year');
    // two real dates in the wrong order: said so, in the caller's language
    const reversed = '/api/v1/management-review/pack?from=2026-06-30&to=2026-01-01';
    const backwards = await t.http.get(reversed).set(await s.auth('quality')).expect(400);
    expect(backwards.body.message).toBe('period "2026-06-30/2026-01-01" ends (2026-01-01) before it starts (2026-06-30): give the earlier date first');
    const backwardsZh = await t.http.get(reversed).set({ ...(await s.auth('quality')), 'Accept-Language': 'zh-CN' }).expect(400);
    expect(backwardsZh.body.message).toBe('期间“2026-06-30/2026-01-01”的结束日期（2026-01-01）早于开始日期（2026-06-30）：请先写较早的日期');
    expect((await t.http.get('/api/v1/management-review/pack').set(await s.auth('quality'))).status).toBe(400);
    expect((await t.http.get(`/api/v1/management-review/pack?period=${year}`).set(await s.auth('complaint_desk'))).status).toBe(403);
    // a date range names the same records as the year when it covers them
    const range = await s.getJson<Pack>('quality', `/management-review/pack?from=${year}-01-01&to=${year}-12-31`);
    expect(range.period.label).toBe(`${year}-01-01/${year}-12-31`);
    expect(range.complaints.total).toBe(3);
  });

  it('refuses a SUBMIT without the sections, or with figures that are not the server compilation', async () => {
    const review = await s.start('quality', MANAGEMENT_REVIEW, `${year} 管理评审输入`);
    const empty = await s.send('quality', review.id, { type: 'SUBMIT', data: { pack: { note: 'all good' } } });
    expect(empty.status).toBe(422);
    expect(empty.body.details.map((d: { field: string; rule: string }) => [d.field, d.rule])).toEqual([
      ['data.pack.period', 'required'],
      ['data.pack.surveys', 'required'],
      ['data.pack.complaints', 'required'],
      ['data.pack.correctiveActions', 'required'],
      ['data.pack.composite', 'required'],
    ]);

    const pack = await compile(year);
    const edited = await s.send('quality', review.id, { type: 'SUBMIT', data: { pack: { ...pack, complaints: { ...pack.complaints, total: 2 } } } });
    expect(edited.status).toBe(422);
    expect(edited.body.details).toEqual([expect.objectContaining({ field: 'data.pack', rule: 'invalid' })]);
    const zh = await s.send('quality', review.id, { type: 'SUBMIT', data: { pack: { note: 'x' } } }, { 'Accept-Language': 'zh-CN' });
    expect(zh.body.message).toContain('重新汇编');

    // a complaint received after compiling makes the compiled pack stale
    cases.afterCompile = await s.openComplaint('异响 / rattling');
    expect((await s.send('quality', review.id, { type: 'SUBMIT', data: { pack } })).status).toBe(422);
    expect((await s.history(review.id)).map((r) => r.event)).toEqual(['START']);
  });

  it('freezes the server compilation with its hash, and the signed APPROVE names the revision and hash it signs', async () => {
    const review = await s.start('quality', MANAGEMENT_REVIEW, `${year} 管理评审输入（签署）`);
    const first = await compile(year);
    let i = await s.act('quality', review.id, { type: 'SUBMIT', data: { pack: first } });
    expect(i).toMatchObject({ state: 'review', data: { period: year, packRevision: 1, packHash: first.hash, submitted: { by: 'quality' } } });
    expect(i.data.pack).toEqual({ period: first.period, surveys: first.surveys, complaints: first.complaints, correctiveActions: first.correctiveActions, composite: first.composite });

    // NG, then the recompiled pack replaces the first
    i = await s.act('general_manager', review.id, { type: 'REJECT', comment: '补充逾期纠正措施 / add overdue actions' });
    expect(i).toMatchObject({ state: 'compiling', data: { lastRejection: { comment: '补充逾期纠正措施 / add overdue actions' } } });
    await s.openComplaint('再次漏油 / leaking again');
    const second = await compile(year);
    expect(second.hash).not.toBe(first.hash);
    expect(second.complaints.total).toBe(first.complaints.total + 1);
    i = await s.act('quality', review.id, { type: 'SUBMIT', data: { pack: second } });
    expect(i.data).toMatchObject({ packRevision: 2, packHash: second.hash });

    expect((await s.send('quality', review.id, { type: 'APPROVE', signature: s.sign() })).status).toBe(403);
    expect((await s.send('general_manager', review.id, { type: 'APPROVE' })).status).toBe(422);
    // the review's decisions, each malformed one named
    const malformed = await s.send('general_manager', review.id, { type: 'APPROVE', signature: s.sign(), data: { decisions: [{ decision: '增加服务网点 / more service points' }, { decision: '', correctiveAction: true }] } });
    expect(malformed.status).toBe(422);
    expect(malformed.body.details).toEqual([expect.objectContaining({ field: 'data.decisions[1].decision', rule: 'required' })]);
    const decisions = [
      { decision: '增加售后服务网点 / more service points', correctiveAction: true },
      { decision: '维持现有调查方法 / keep the survey method', correctiveAction: false },
    ];
    i = await s.act('general_manager', review.id, { type: 'APPROVE', signature: s.sign('批准 / approved'), data: { decisions } });
    expect(i).toMatchObject({ state: 'archived', status: 'completed', data: { signedOff: { by: 'general_manager', packRevision: 2, packHash: second.hash } } });
    expect(i.data.decisions).toEqual([
      { number: 1, ...decisions[0] },
      { number: 2, ...decisions[1] },
    ]);
    // the decision marked opens a corrective action, linked as a child and listed in the answer (domain.md section 5)
    const [action, ...more] = await s.children('quality', review.id);
    expect(more).toEqual([]);
    expect(i.children).toEqual([action.id]);
    expect(action).toMatchObject({ procedure: 'corrective-action', parentId: review.id, state: 'problem', title: expect.stringContaining('more service points') });
    expect(action.data.source).toEqual({ procedure: 'management-review', title: review.title, period: year, decision: 1, text: decisions[0].decision });
    decisionAction = action.id;
    // the management representative, who owns the input, is told it is archived
    await s.runWorker();
    expect(await s.notices('management_rep', review.id)).toEqual([expect.objectContaining({ message: expect.objectContaining({ en: expect.stringContaining('2 decision(s), 1 with a corrective action opened') }) })]);

    const history = await s.history(review.id);
    expect(history.map((r) => [r.event, r.actor.username, r.toState])).toEqual([
      ['START', 'quality', 'compiling'],
      ['SUBMIT', 'quality', 'review'],
      ['REJECT', 'general_manager', 'compiling'],
      ['SUBMIT', 'quality', 'review'],
      ['APPROVE', 'general_manager', 'archived'],
    ]);
    // what the guard saw: the server's hash of its own compilation and of the sections submitted
    expect(history[3].data!.facts).toEqual({ pack: { period: year, hash: second.hash, submittedHash: second.hash } });
    expect(history[4]).toMatchObject({ signatureMeaning: '批准 / approved', data: { submitted: { decisions }, facts: { pack: { revision: 2, hash: second.hash } } } });

    // the sources move on; the archived pack does not
    await s.openComplaint('新投诉 / a new complaint');
    expect((await compile(year)).complaints.total).toBe(second.complaints.total + 1);
    expect((await s.get('auditor', review.id)).data.pack.complaints.total).toBe(second.complaints.total);
  });

  it('may be opened by the management representative, who owns the input; quality compiles it', async () => {
    // the procedure says who may start one (the console offers "new" to them)
    expect((await s.getJson<{ starters: string[] }>('auditor', `/procedures/${MANAGEMENT_REVIEW}`)).starters).toEqual(['quality', 'management_rep']);
    expect((await s.getJson<{ starters: string[] }>('auditor', '/procedures/customer-complaint')).starters).toEqual(['complaint_desk']);
    const review = await s.start('management_rep', MANAGEMENT_REVIEW, `${year} 管理评审输入（管代发起）`);
    expect(review).toMatchObject({ state: 'compiling', availableEvents: [], canCancel: true });
    expect((await s.get('quality', review.id)).availableEvents).toEqual(['SUBMIT']);
    expect((await s.history(review.id))[0]).toMatchObject({ event: 'START', actor: { username: 'management_rep', role: 'management_rep' } });
    expect((await t.http.post('/api/v1/instances').set(await s.auth('coordinator')).send({ procedure: MANAGEMENT_REVIEW, title: 'not mine' })).status).toBe(403);
    // the owner withdraws one opened by mistake
    expect((await s.act('management_rep', review.id, { type: 'CANCEL', comment: '重复发起 / opened twice', signature: s.sign('取消 / cancelled') })).status).toBe('cancelled');
  });

  it("keeps another period's records out", async () => {
    const thisYear = await compile(year);
    const next = String(Number(year) + 1);
    // to 10 January next year, 09:00 China time
    await s.advanceClock(Date.UTC(Number(next), 0, 10, 1) - Date.parse(thisYear.compiledAt));
    const later = await s.openComplaint('明年的投诉 / next year');
    await s.postJson('quality', '/composites', { title: `${next} 综合满意度`, period: next, sources: [{ key: 'survey', weight: 1, score: 90 }], generalComplaints: 0, majorIncidents: 0 }, 201);

    const again = await compile(year);
    expect(again.complaints.instanceIds).toEqual(thisYear.complaints.instanceIds);
    expect(again.complaints.instanceIds).not.toContain(later.id);
    expect(again.composite).toEqual(thisYear.composite);
    expect(again.surveys).toEqual(thisYear.surveys);

    const nextPack = await compile(next);
    expect(nextPack.complaints).toMatchObject({ instanceIds: [later.id], total: 1 });
    expect(nextPack.surveys.reports).toEqual([]);
    // the earlier year's report is the trend's history
    expect(nextPack.surveys.trend.points).toEqual([expect.objectContaining({ reportId: thisYear.surveys.reports[0].reportId })]);
    expect(nextPack.composite.figures).toEqual([expect.objectContaining({ period: next })]);
    // the open corrective actions carry over into the next period (the review decision's too); the one closed this year does not
    expect(nextPack.correctiveActions.instanceIds).toEqual([actions.open.id, decisionAction]);
  });
});

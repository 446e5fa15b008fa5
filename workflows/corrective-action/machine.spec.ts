import { correctiveAction as def } from './machine';
import { metaProblems, Walk } from '../shared/testing';

const PLAN = { actions: ['Replace seal supplier', 'Incoming inspection of seals'], owner: 'chen.service', dueDate: '2026-12-31' };
/** The host's fact about the owner a plan names: the username when it may own the action, else null. */
const eligible = (owner: string | null) => ({ eligibleOwner: owner });
/** The plan as submitted, with the host's fact that its owner may own the action. */
const plan = (p: Record<string, unknown> = PLAN) => ({ data: p, facts: eligible(String(p.owner)) });

function planned(): Walk {
  return new Walk(def, { source: { procedure: 'customer-complaint', investigation: 1 }, owner: 'chen.service' }, 'Seal leaks')
    .send('SUBMIT', { by: 'qa.liu', data: { description: 'Seals leak within 3 months' } })
    .send('SUBMIT', { by: 'chen.service', data: { cause: 'Supplier changed the rubber compound' } })
    .send('SUBMIT', { by: 'chen.service', ...plan() });
}

describe('corrective-action', () => {
  it('has complete meta on every state', () => {
    expect(metaProblems(def)).toEqual([]);
  });

  it('walks problem → cause → plan → approval → implementation → effective → closed', () => {
    const w = planned();
    expect(w.state).toBe('planApproval');
    expect(w.context).toMatchObject({
      source: { procedure: 'customer-complaint', investigation: 1 },
      owner: 'chen.service',
      problem: { description: 'Seals leak within 3 months', by: 'qa.liu' },
      cause: { analysis: 'Supplier changed the rubber compound', by: 'chen.service' },
      plan: { ...PLAN, by: 'chen.service' },
    });
    w.send('APPROVE', { by: 'qa.wang' });
    expect(w.state).toBe('implementation');
    w.send('SUBMIT', { by: 'chen.service', data: { result: 'New supplier since November' } });
    expect(w.state).toBe('effectivenessCheck');
    w.send('EFFECTIVE', { by: 'qa.liu', data: { score: 86.5 } });
    expect(w.state).toBe('closed');
    expect(w.done).toBe(true);
    expect(w.context.checks).toEqual([{ effective: true, comment: null, data: { score: 86.5 }, by: 'qa.liu', at: expect.any(String) }]);
  });

  it('assigns the responsible department’s steps to the owner, who changes with the approved plan', () => {
    for (const state of ['causeAnalysis', 'actionPlan', 'implementation']) {
      expect(def.machine.getStateNodeById(`corrective-action.${state}`).meta).toMatchObject({ role: 'complaint_handler', assignee: 'owner' });
    }
    const w = new Walk(def).send('SUBMIT', { comment: 'Late deliveries' }).send('SUBMIT', { comment: 'No buffer stock' });
    expect(w.context.owner).toBeNull();
    w.send('SUBMIT', plan({ ...PLAN, owner: 'sun.logistics' }));
    expect(w.context.owner).toBe('sun.logistics');
  });

  const notADate = { field: 'data.dueDate', reason: { zh: '须为 YYYY-MM-DD 格式的日期', en: 'must be a date, YYYY-MM-DD' } };
  it.each([
    ['no actions', { ...PLAN, actions: [] }, 'data.actions'],
    ['no owner', { ...PLAN, owner: '' }, 'data.owner'],
    ['no due date', { ...PLAN, dueDate: undefined }, 'data.dueDate'],
    ['a due date that is no date', { ...PLAN, dueDate: 'soon' }, notADate],
    ['a due date that is no ISO date', { ...PLAN, dueDate: 'December 31, 2026' }, notADate],
    ['a due date that does not exist', { ...PLAN, dueDate: '2026-11-31' }, notADate],
    ['a due date already passed', { ...PLAN, dueDate: '2020-01-01' }, { field: 'data.dueDate', reason: { zh: '须不早于今天（2026-10-01）', en: 'must be today or later (today: 2026-10-01)' } }],
  ])('refuses an action plan with %s, naming the field and why', (_, p, field) => {
    const w = new Walk(def).send('SUBMIT', { comment: 'p' }).send('SUBMIT', { comment: 'c' });
    expect(w.try('SUBMIT', plan(p))).toBe(false);
    expect(w.state).toBe('actionPlan');
    expect(def.fieldChecks!.planComplete({ context: w.context, event: { type: 'SUBMIT', at: '2026-10-01T08:00:00Z', ...plan(p) } })).toEqual([field]);
  });

  it('takes a due date of today, the event’s day', () => {
    const w = new Walk(def).send('SUBMIT', { comment: 'p' }).send('SUBMIT', { comment: 'c' });
    expect(w.try('SUBMIT', plan({ ...PLAN, dueDate: '2026-09-30' }))).toBe(false);
    expect(w.try('SUBMIT', plan({ ...PLAN, dueDate: '2026-10-01' }))).toBe(true); // the Walk's events are on 2026-10-01
  });

  it("takes today as the company's date the engine gives, not UTC's (01:00 in China is the day before in UTC)", () => {
    const w = new Walk(def).send('SUBMIT', { comment: 'p' }).send('SUBMIT', { comment: 'c' });
    // the Walk's events are at 08:xx UTC on 2026-10-01; the company's calendar says it is already the 2nd
    expect(w.try('SUBMIT', { ...plan({ ...PLAN, dueDate: '2026-10-01' }), today: '2026-10-02' })).toBe(false);
    const check = def.fieldChecks!.planComplete({ context: w.context, event: { type: 'SUBMIT', at: '2026-10-01T17:30:00Z', today: '2026-10-02', ...plan({ ...PLAN, dueDate: '2026-10-01' }) } });
    expect(check).toEqual([{ field: 'data.dueDate', reason: { zh: '须不早于今天（2026-10-02）', en: 'must be today or later (today: 2026-10-02)' } }]);
    expect(w.try('SUBMIT', { ...plan({ ...PLAN, dueDate: '2026-10-02' }), today: '2026-10-02' })).toBe(true);
  });

  it('takes as owner only a user the host’s fact says may own it', () => {
    const w = new Walk(def).send('SUBMIT', { comment: 'p' }).send('SUBMIT', { comment: 'c' });
    for (const facts of [undefined, eligible(null), eligible('someone.else'), { eligibleOwner: ['chen.service'] }]) {
      expect(w.try('SUBMIT', { data: PLAN, ...(facts ? { facts } : {}) })).toBe(false);
    }
    expect(def.fieldChecks!.planComplete({ context: w.context, event: { type: 'SUBMIT', at: '2026-10-01T08:00:00Z', data: PLAN, facts: eligible(null) } })).toEqual([
      { field: 'data.owner', reason: { zh: '须为本范围内在职的投诉责任人', en: 'must be an active complaint handler of this scope' } },
    ]);
    expect(w.try('SUBMIT', { data: { ...PLAN, owner: ' chen.service ' }, facts: eligible('chen.service') })).toBe(true);
    expect(w.context.owner).toBe('chen.service');
  });

  it('refuses empty problem, cause and implementation submissions', () => {
    const w = new Walk(def);
    expect(w.try('SUBMIT', { data: { description: ' ' } })).toBe(false);
    w.send('SUBMIT', { comment: 'p' });
    expect(w.try('SUBMIT')).toBe(false);
    const i = planned().send('APPROVE');
    expect(i.try('SUBMIT', { data: {} })).toBe(false);
  });

  it('sends a rejected plan back for revision with the reason', () => {
    const w = planned().send('REJECT', { by: 'qa.wang', comment: 'due date too late' });
    expect(w.state).toBe('actionPlan');
    expect(w.context.lastRejection).toMatchObject({ state: 'planApproval', comment: 'due date too late', by: 'qa.wang' });
    w.send('SUBMIT', plan({ ...PLAN, dueDate: '2026-11-30' })).send('APPROVE');
    expect(w.context.plan.dueDate).toBe('2026-11-30');
  });

  it('reopens at cause analysis when the action was ineffective, and closes after a second round', () => {
    const w = planned().send('APPROVE').send('SUBMIT', { comment: 'done' });
    w.send('INEFFECTIVE', { by: 'qa.liu', comment: 'score still 62', data: { nextPeriodScore: 62 } });
    expect(w.state).toBe('causeAnalysis');
    expect(w.context.reopened).toBe(1);
    expect(w.context.lastRejection).toMatchObject({ state: 'effectivenessCheck', comment: 'score still 62' });
    expect(w.context.checks).toEqual([expect.objectContaining({ effective: false, comment: 'score still 62' })]);
    w.send('SUBMIT', { comment: 'Storage humidity too' }).send('SUBMIT', plan()).send('APPROVE').send('SUBMIT', { comment: 'dehumidifiers' });
    w.send('EFFECTIVE', { comment: 'Humidity logged below 60 % for three months; no leaks reported' });
    expect(w.state).toBe('closed');
    expect(w.context.checks.map((c: { effective: boolean }) => c.effective)).toEqual([false, true]);
  });

  it('closes as effective only on evidence: the next period’s score or a recorded verification, signed', () => {
    const checking = () => planned().send('APPROVE').send('SUBMIT', { comment: 'done' });
    const meta = def.machine.getStateNodeById('corrective-action.effectivenessCheck').meta;
    expect(meta.signed).toEqual({ EFFECTIVE: { zh: '验证有效', en: 'verified effective' } });
    expect(meta.rules.EFFECTIVE.en).toContain('data.score');
    const evidence = (input: { data?: Record<string, unknown>; comment?: string }) =>
      def.fieldChecks!.hasEvidence({ context: {}, event: { type: 'EFFECTIVE', at: '2026-10-01T08:00:00Z', ...input } });
    const notAnIndex = { field: 'data.score', reason: { zh: '须为 0–100 的满意度指数', en: 'must be a satisfaction index from 0 to 100' } };
    for (const [input, field] of [
      [{}, 'data.verification'],
      [{ data: {} }, 'data.verification'],
      [{ comment: '  ' }, 'data.verification'],
      [{ data: { score: 'good' } }, notAnIndex],
      [{ data: { score: Number.NaN } }, notAnIndex],
      [{ data: { score: -500 } }, notAnIndex],
      [{ data: { score: 100.5 } }, notAnIndex],
    ] as const) {
      expect(evidence(input)).toEqual([field]);
      expect(checking().try('EFFECTIVE', input)).toBe(false);
    }
    for (const input of [{ data: { score: 0 } }, { data: { score: 100 } }, { data: { verification: 'Site audit 2026-11-20: new seals fitted' } }, { comment: 'Verified on site' }]) {
      expect(evidence(input)).toEqual([]);
      expect(checking().try('EFFECTIVE', input)).toBe(true);
    }
  });

  it('is due on the plan’s own due date, 30 days only when an instance has none', () => {
    const meta = def.machine.getStateNodeById('corrective-action.implementation').meta;
    expect(meta.deadline).toMatchObject({ after: { days: 30 }, dueAt: { field: 'plan.dueDate' } });
    expect(planned().context.plan.dueDate).toBe(PLAN.dueDate);
  });

  it('escalates an overdue implementation from the owner up to the general manager', () => {
    const w = planned().send('APPROVE');
    const roles = [1, 2, 3].map((level) => {
      w.deadline(level);
      return w.effects[0];
    });
    // the owner holds the overdue task; each passed deadline tells the next one up
    expect(roles.map((e) => e.type === 'effect.notify' && e.role)).toEqual(['quality', 'management_rep', 'general_manager']);
    expect(w.state).toBe('implementation');
    expect(w.context.escalations).toHaveLength(3);
  });
});

import { correctiveAction as def } from './machine';
import { metaProblems, Walk } from '../shared/testing';

const PLAN = { actions: ['Replace seal supplier', 'Incoming inspection of seals'], owner: 'chen.service', dueDate: '2026-12-31' };

function planned(): Walk {
  return new Walk(def, { source: { procedure: 'customer-complaint', investigation: 1 }, owner: 'chen.service' }, 'Seal leaks')
    .send('SUBMIT', { by: 'qa.liu', data: { description: 'Seals leak within 3 months' } })
    .send('SUBMIT', { by: 'chen.service', data: { cause: 'Supplier changed the rubber compound' } })
    .send('SUBMIT', { by: 'chen.service', data: PLAN });
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
    w.send('EFFECTIVE', { by: 'qa.liu', data: { nextPeriodScore: 86.5 } });
    expect(w.state).toBe('closed');
    expect(w.done).toBe(true);
    expect(w.context.checks).toEqual([{ effective: true, comment: null, data: { nextPeriodScore: 86.5 }, by: 'qa.liu', at: expect.any(String) }]);
  });

  it('assigns the responsible department’s steps to the owner, who changes with the approved plan', () => {
    for (const state of ['causeAnalysis', 'actionPlan', 'implementation']) {
      expect(def.machine.getStateNodeById(`corrective-action.${state}`).meta).toMatchObject({ role: 'complaint_handler', assignee: 'owner' });
    }
    const w = new Walk(def).send('SUBMIT', { comment: 'Late deliveries' }).send('SUBMIT', { comment: 'No buffer stock' });
    expect(w.context.owner).toBeNull();
    w.send('SUBMIT', { data: { ...PLAN, owner: 'sun.logistics' } });
    expect(w.context.owner).toBe('sun.logistics');
  });

  it.each([
    ['no actions', { ...PLAN, actions: [] }],
    ['no owner', { ...PLAN, owner: '' }],
    ['no due date', { ...PLAN, dueDate: undefined }],
    ['a due date that is no date', { ...PLAN, dueDate: 'soon' }],
  ])('refuses an action plan with %s', (_, plan) => {
    const w = new Walk(def).send('SUBMIT', { comment: 'p' }).send('SUBMIT', { comment: 'c' });
    expect(w.try('SUBMIT', { data: plan })).toBe(false);
    expect(w.state).toBe('actionPlan');
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
    w.send('SUBMIT', { data: { ...PLAN, dueDate: '2026-11-30' } }).send('APPROVE');
    expect(w.context.plan.dueDate).toBe('2026-11-30');
  });

  it('reopens at cause analysis when the action was ineffective, and closes after a second round', () => {
    const w = planned().send('APPROVE').send('SUBMIT', { comment: 'done' });
    w.send('INEFFECTIVE', { by: 'qa.liu', comment: 'score still 62', data: { nextPeriodScore: 62 } });
    expect(w.state).toBe('causeAnalysis');
    expect(w.context.reopened).toBe(1);
    expect(w.context.lastRejection).toMatchObject({ state: 'effectivenessCheck', comment: 'score still 62' });
    expect(w.context.checks).toEqual([expect.objectContaining({ effective: false, comment: 'score still 62' })]);
    w.send('SUBMIT', { comment: 'Storage humidity too' }).send('SUBMIT', { data: PLAN }).send('APPROVE').send('SUBMIT', { comment: 'dehumidifiers' });
    w.send('EFFECTIVE');
    expect(w.state).toBe('closed');
    expect(w.context.checks.map((c: { effective: boolean }) => c.effective)).toEqual([false, true]);
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

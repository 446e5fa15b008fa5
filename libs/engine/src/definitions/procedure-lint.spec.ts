import { good, goodStates, procedure, REVIEW_DEADLINE, withState } from './__tests__/fixtures';
import type { DeadlineMeta, ProcedureDefinition } from './procedure-definition';
import { assertProcedureValid, lintProcedure, type LintRule } from './procedure-lint';

function expectOnly(def: ProcedureDefinition, state: string, rule: LintRule): void {
  const problems = lintProcedure(def);
  expect(problems.map((p) => [p.state, p.rule])).toEqual([[state, rule]]);
  expect(problems[0].message).toContain(`"${state}"`);
}

describe('lintProcedure', () => {
  it('passes a valid procedure', () => {
    expect(lintProcedure(good())).toEqual([]);
    expect(() => assertProcedureValid(good())).not.toThrow();
  });

  it('(a) finds a state that cannot be reached from the initial state', () => {
    const states = goodStates();
    states.orphan = { meta: { title: { zh: '孤立', en: 'Orphan' }, role: 'coordinator' }, on: { GO: 'done' } };
    expectOnly(procedure(states), 'orphan', 'reachable');
  });

  it('(b) finds a state from which no final state can be reached', () => {
    const states = goodStates();
    states.review.on = { ...(states.review.on as object), PARK: 'limbo' };
    states.limbo = { meta: { title: { zh: '搁置', en: 'Parked' }, role: 'approver' }, on: { POKE: 'limbo' } };
    expectOnly(procedure(states), 'limbo', 'completable');
  });

  it('counts guarded transitions as possible', () => {
    const states = goodStates();
    states.draft.on = { SUBMIT: { guard: () => false, target: 'review' } };
    expect(lintProcedure(procedure(states))).toEqual([]);
  });

  it('(c) finds a human step without a role, and one without a title', () => {
    expectOnly(withState('draft', (s) => ({ ...s, meta: { ...s.meta, role: undefined } })), 'draft', 'role');
    expectOnly(withState('draft', (s) => ({ ...s, meta: { ...s.meta, title: undefined } })), 'draft', 'title');
  });

  it('(c) treats a state with `always` that also waits for people as a human step', () => {
    expectOnly(withState('publish', (s) => ({ ...s, on: { HOLD: 'draft' } })), 'publish', 'role');
  });

  it('(d) finds an APPROVE that is not signed', () => {
    expectOnly(withState('review', (s) => ({ ...s, meta: { ...s.meta, signed: {} } })), 'review', 'approve-signed');
  });

  it('(e) finds a REJECT that needs no comment', () => {
    expectOnly(withState('review', (s) => ({ ...s, meta: { ...s.meta, commentRequired: [] } })), 'review', 'reject-comment');
  });

  it('(f) finds a deadline without an escalation ladder, and one nobody handles', () => {
    const noLadder = withState('review', (s) => ({ ...s, meta: { ...s.meta, deadline: { after: { days: 1 }, escalation: [] } } }));
    expectOnly(noLadder, 'review', 'deadline-escalation');
    const unhandled = withState('review', (s) => ({ ...s, on: { APPROVE: 'publish', REJECT: 'draft' } }));
    expectOnly(unhandled, 'review', 'deadline-handled');
  });

  it('(f2) finds a deadline date from the context that the document could not name', () => {
    const dueAt = (d: DeadlineMeta['dueAt']) => withState('review', (s) => ({ ...s, meta: { ...s.meta, deadline: { ...REVIEW_DEADLINE, dueAt: d } } }));
    expectOnly(dueAt({ field: 'plan.dueDate', title: { zh: '完成日期', en: '' } }), 'review', 'deadline-due-at');
    expectOnly(dueAt({ field: ' ', title: { zh: '完成日期', en: 'the due date' } }), 'review', 'deadline-due-at');
    expect(lintProcedure(dueAt({ field: 'plan.dueDate', title: { zh: '完成日期', en: 'the due date' } }))).toEqual([]);
  });

  it('(g) finds an offered outcome the state does not handle', () => {
    const def = withState('draft', (s) => ({ ...s, meta: { ...s.meta, outcomes: ['SUBMIT', 'WITHDRAW'] } }));
    expectOnly(def, 'draft', 'outcome-handled');
    expect(lintProcedure(def)[0].message).toContain('WITHDRAW');
  });

  it('(h) finds separateFrom naming a state that does not exist', () => {
    const def = withState('review', (s) => ({ ...s, meta: { ...s.meta, separateFrom: ['drafting'] } }));
    expectOnly(def, 'review', 'separate-from');
    expect(lintProcedure(def)[0].message).toContain('drafting');
  });

  it("(j) finds a state that takes the engine's CANCEL or bears the name of its cancelled state", () => {
    expectOnly(withState('draft', (s) => ({ ...s, on: { ...(s.on as object), CANCEL: 'done' } })), 'draft', 'engine-reserved');
    const states = goodStates();
    states.draft.on = { ...(states.draft.on as object), DROP: 'cancelled' };
    states.cancelled = { type: 'final' };
    expectOnly(procedure(states), 'cancelled', 'engine-reserved');
  });

  it('(i) finds an NG text that refers to a step by number', () => {
    for (const onReject of [{ zh: '退回第 2 步', en: 'back to the author' }, { zh: '退回起草', en: 'back to step 1' }]) {
      expectOnly(withState('review', (s) => ({ ...s, meta: { ...s.meta, onReject } })), 'review', 'on-reject-numbered');
    }
    expect(lintProcedure(withState('review', (s) => ({ ...s, meta: { ...s.meta, onReject: { zh: '退回「起草文件」', en: 'back to "Draft"' } } })))).toEqual([]);
  });

  it('handles nested states and reports them by dotted path', () => {
    const states = goodStates();
    states.review = {
      ...states.review,
      initial: 'first',
      meta: { ...states.review.meta, role: undefined },
      states: {
        first: { meta: { title: { zh: '初审', en: 'First look' }, role: 'approver' }, on: { NEXT: 'second' } },
        second: { meta: { title: { zh: '复审', en: 'Second look' } }, on: { NEXT: 'first' } },
        stray: { meta: { title: { zh: '走失', en: 'Stray' }, role: 'approver' } },
      },
    };
    expect(lintProcedure(procedure(states)).map((p) => [p.state, p.rule])).toEqual([
      ['review.second', 'role'],
      ['review.stray', 'reachable'],
    ]);
  });

  it('assertProcedureValid throws one error listing every problem', () => {
    const states = goodStates();
    states.review.meta = { ...states.review.meta, signed: {}, commentRequired: [] };
    expect(() => assertProcedureValid(procedure(states))).toThrow(
      /fixture v2 is invalid:\n.*"review".*\[approve-signed\]\n.*"review".*\[reject-comment\]/,
    );
  });
});

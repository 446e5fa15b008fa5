import { createMachine } from 'xstate';
import { good, procedure } from './__tests__/fixtures';
import { AUTOMATIC, describeProcedure, distancesFromInitial } from './procedure-graph';

describe('describeProcedure', () => {
  it('lists states with their meta and every transition, whatever its guard', () => {
    const d = describeProcedure(good());
    expect(d).toMatchObject({ key: 'fixture', version: 2, title: { en: 'Fixture procedure' }, initial: 'draft' });
    expect(d.states.map((s) => s.id)).toEqual(['draft', 'review', 'publish', 'done']);
    expect(d.states[1]).toEqual({
      id: 'review',
      title: { zh: '审批 <草稿> & 签字', en: 'Approve the <draft> & sign' },
      role: 'approver',
      deadline: { after: { workingDays: 3 }, escalation: ['general_manager'] },
      outcomes: ['APPROVE', 'REJECT'],
      signed: ['APPROVE'],
      signedAs: { APPROVE: { zh: '批准', en: 'approved' } },
      commentRequired: ['REJECT'],
      final: false,
      automatic: false,
    });
    expect(d.states.find((s) => s.id === 'publish')).toMatchObject({ automatic: true, final: false, outcomes: [] });
    expect(d.states.find((s) => s.id === 'done')).toMatchObject({ final: true });
    expect(d.transitions).toEqual([
      { from: 'draft', event: 'SUBMIT', to: 'review' },
      { from: 'review', event: 'APPROVE', to: 'publish' },
      { from: 'review', event: 'REJECT', to: 'draft' },
      { from: 'review', event: 'DEADLINE', to: 'review' },
      { from: 'publish', event: AUTOMATIC, to: 'done' },
    ]);
  });

  it('lists guarded alternatives to different targets and merges those to the same one', () => {
    const def = procedure({
      a: { on: { GO: [{ guard: () => false, target: 'b' }, { guard: () => false, target: 'b' }, { target: 'c' }] } },
      b: { type: 'final' },
      c: { type: 'final' },
    }, 'a');
    expect(describeProcedure(def).transitions).toEqual([
      { from: 'a', event: 'GO', to: 'b' },
      { from: 'a', event: 'GO', to: 'c' },
    ]);
  });

  it('does not crash on nested states and names them by dotted path', () => {
    const def = procedure({ outer: { initial: 'inner', states: { inner: { on: { NEXT: '#fixture.end' } } } }, end: { type: 'final' } }, 'outer');
    const d = describeProcedure(def);
    expect(d.states.map((s) => s.id)).toEqual(['outer', 'outer.inner', 'end']);
    expect(d.states[0].title).toEqual({ zh: 'outer', en: 'outer' });
    expect(d.transitions).toEqual([{ from: 'outer.inner', event: 'NEXT', to: 'end' }]);
  });

  it('works on a machine whose states carry their own ids', () => {
    const def = { ...good(), machine: createMachine({ id: 'm', initial: 'a', states: { a: { id: 'custom', on: { GO: 'b' } }, b: { type: 'final' } } }) };
    expect(describeProcedure(def).transitions).toEqual([{ from: 'a', event: 'GO', to: 'b' }]);
  });
});

describe('distancesFromInitial', () => {
  it('counts the shortest number of transitions from the start', () => {
    expect([...distancesFromInitial(describeProcedure(good()))]).toEqual([
      ['draft', 0],
      ['review', 1],
      ['publish', 2],
      ['done', 3],
    ]);
  });
});

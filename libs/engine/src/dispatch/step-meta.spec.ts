import { createMachine } from 'xstate';
import { stateId, stepMeta } from './step-meta';

const machine = createMachine({
  id: 'p',
  initial: 'draft',
  states: {
    draft: { meta: { role: 'survey_manager' } },
    review: { initial: 'first', states: { first: { meta: { role: 'approver' } } } },
  },
});

describe('stepMeta', () => {
  it("gives a state's own metadata by its stored id, top-level or nested, the same object every time", () => {
    expect(stepMeta(machine, 'draft')).toEqual({ role: 'survey_manager' });
    expect(stepMeta(machine, 'draft')).toBe(stepMeta(machine, 'draft'));
    expect(stepMeta(machine, stateId({ review: 'first' }))).toEqual({ role: 'approver' });
    expect(stepMeta(machine, 'review')).toBeUndefined();
  });

  it('gives nothing for a state the machine does not have, each time', () => {
    expect(stepMeta(machine, 'nowhere')).toBeUndefined();
    expect(stepMeta(machine, 'nowhere')).toBeUndefined();
  });
});

import { actionFigures, type ActionCase } from './action-figures';

function action(id: string, more: Partial<ActionCase> = {}): ActionCase {
  return { instanceId: id, title: `action ${id}`, status: 'active', state: 'implementation', owner: 'wang', dueDate: '2026-06-30', stepOverdue: false, checks: [], ...more };
}

describe('corrective-action status', () => {
  const checked = (effective: boolean, day: number) => ({ effective, at: new Date(Date.UTC(2026, 5, day)) });
  const cases = [
    action('open'),
    action('past-due', { dueDate: '2026-05-31' }),
    action('step-overdue', { state: 'causeAnalysis', dueDate: null, stepOverdue: true }),
    action('closed', { status: 'completed', state: 'closed', checks: [checked(false, 1), checked(true, 20)] }),
    action('reopened', { state: 'causeAnalysis', checks: [checked(false, 10)] }),
    action('cancelled', { status: 'cancelled' }),
  ];

  it('sorts each action into open, overdue, closed effective and cancelled as of the local date', () => {
    const f = actionFigures(cases, '2026-06-15');
    expect(f).toMatchObject({ open: 2, overdue: 2, closedEffective: 1, ineffective: 1, cancelled: 1 });
    expect(f.instanceIds).toEqual(cases.map((c) => c.instanceId));
    expect(f.actions.map((a) => [a.instanceId, a.status, a.ineffectiveChecks, a.closedAt])).toEqual([
      ['open', 'open', 0, null],
      ['past-due', 'overdue', 0, null],
      ['step-overdue', 'overdue', 0, null],
      ['closed', 'closedEffective', 1, '2026-06-20T00:00:00.000Z'],
      ['reopened', 'open', 1, null],
      ['cancelled', 'cancelled', 0, null],
    ]);
  });

  it('is not overdue on its due date, only after it', () => {
    expect(actionFigures([action('a')], '2026-06-30').overdue).toBe(0);
    expect(actionFigures([action('a')], '2026-07-01').overdue).toBe(1);
  });
});

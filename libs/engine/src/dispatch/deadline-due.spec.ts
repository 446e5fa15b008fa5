import type { DeadlineMeta } from '../definitions/procedure-definition';
import { DEFAULT_CALENDAR, dueMoment } from '../time/business-calendar';
import { deadlineDue } from './deadline-due';

const entered = new Date('2026-12-03T02:00:00Z'); // Thursday 10:00 in Beijing
const ladder: DeadlineMeta = {
  after: { days: 30 },
  dueAt: { field: 'plan.dueDate', title: { zh: '整改措施的完成日期', en: "the action plan's due date" } },
  escalation: ['quality', 'management_rep'],
  repeatAfter: { workingDays: 3 },
};
const due = (context: Record<string, unknown>, level = 1, deadline = ladder) => deadlineDue(deadline, level, context, entered, DEFAULT_CALENDAR).toISOString();

describe('deadlineDue: when an escalation level passes', () => {
  it('takes the first deadline from the date the context holds: the end of that day in the company’s time zone', () => {
    // 2027-03-03 ends at midnight Beijing = 16:00Z, 90 days after entering, not 30
    expect(due({ plan: { dueDate: '2027-03-03' } })).toBe('2027-03-03T16:00:00.000Z');
    expect(due({ plan: { dueDate: '2027-03-03T09:30:00+08:00' } })).toBe('2027-03-03T01:30:00.000Z');
  });

  it('falls back to `after` from entering the state when the context holds no date there', () => {
    for (const context of [{}, { plan: null }, { plan: { dueDate: 'soon' } }, { plan: { dueDate: 20270303 } }]) {
      expect(due(context)).toBe('2027-01-02T02:00:00.000Z');
    }
    expect(due({ plan: { dueDate: '2027-03-03' } }, 1, { ...ladder, dueAt: undefined })).toBe('2027-01-02T02:00:00.000Z');
  });

  it('repeats later levels `repeatAfter` from the one before, whatever the date', () => {
    // Thursday + 3 working days = Tuesday
    expect(due({ plan: { dueDate: '2027-03-03' } }, 2)).toBe('2026-12-08T02:00:00.000Z');
  });
});

describe('dueMoment', () => {
  it('reads ISO dates and times only', () => {
    expect(dueMoment('2026-12-31', { ...DEFAULT_CALENDAR, utcOffsetMinutes: 0 })?.toISOString()).toBe('2027-01-01T00:00:00.000Z');
    for (const value of ['31/12/2026', 'December 31, 2026', '2026-13-01', '', undefined, 1]) expect(dueMoment(value)).toBeUndefined();
  });
});

import { addDuration, CalendarConfig, describeDuration, isWorkingDay, localYear } from './business-calendar';

const china: CalendarConfig = { utcOffsetMinutes: 480, holidays: ['2026-10-01', '2026-10-02', '2026-10-05'], extraWorkdays: ['2026-10-10'] };
const at = (iso: string) => new Date(iso);

describe('business calendar', () => {
  it('adds working days over a weekend', () => {
    // Thursday 2026-11-26 10:00 Beijing = 02:00Z; +3 working days → Tuesday 2026-12-01 10:00 Beijing
    expect(addDuration(at('2026-11-26T02:00:00Z'), { workingDays: 3 }, china).toISOString()).toBe('2026-12-01T02:00:00.000Z');
  });

  it('judges the weekday in local time, not UTC', () => {
    // Friday 23:30 UTC is already Saturday 07:30 in Beijing
    expect(isWorkingDay(at('2026-11-27T23:30:00Z').getTime(), china)).toBe(false);
    expect(isWorkingDay(at('2026-11-27T15:00:00Z').getTime(), china)).toBe(true);
  });

  it('skips holidays and counts declared weekend working days', () => {
    // Wed 2026-09-30 09:00 Beijing; holidays Oct 1, 2, (3-4 weekend), Oct 5 → next working days Oct 6, 7
    expect(addDuration(at('2026-09-30T01:00:00Z'), { workingDays: 2 }, china).toISOString()).toBe('2026-10-07T01:00:00.000Z');
    // Friday Oct 9 → Saturday Oct 10 is a make-up working day
    expect(addDuration(at('2026-10-09T01:00:00Z'), { workingDays: 1 }, china).toISOString()).toBe('2026-10-10T01:00:00.000Z');
  });

  it('adds minutes, hours, days and calendar months', () => {
    const s = at('2026-01-31T00:00:00Z');
    expect(addDuration(s, { minutes: 10 }).toISOString()).toBe('2026-01-31T00:10:00.000Z');
    expect(addDuration(s, { hours: 24 }).toISOString()).toBe('2026-02-01T00:00:00.000Z');
    expect(addDuration(s, { days: 3 }).toISOString()).toBe('2026-02-03T00:00:00.000Z');
    expect(addDuration(at('2026-03-15T00:00:00Z'), { months: 2 }).toISOString()).toBe('2026-05-15T00:00:00.000Z');
  });

  it("bounds a calendar year in the company's time zone", () => {
    // China (UTC+8): 2026 begins at 16:00 UTC on 31 December 2025
    expect(localYear(2026, china)).toEqual({ from: at('2025-12-31T16:00:00Z'), to: at('2026-12-31T16:00:00Z') });
    expect(localYear(2026, { ...china, utcOffsetMinutes: 0 })).toEqual({ from: at('2026-01-01T00:00:00Z'), to: at('2027-01-01T00:00:00Z') });
  });

  it('describes durations in both languages', () => {
    expect(describeDuration({ workingDays: 3 }, 'zh')).toBe('3 个工作日');
    expect(describeDuration({ workingDays: 3 }, 'en')).toBe('3 working days');
    expect(describeDuration({ minutes: 10 }, 'en')).toBe('10 minutes');
    expect(describeDuration({ hours: 1 }, 'en')).toBe('1 hour');
  });
});

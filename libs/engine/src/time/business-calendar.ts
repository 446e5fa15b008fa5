import type { Duration } from '../definitions/procedure-definition';

/**
 * The company's working calendar. Working days are counted in the company's
 * own time zone (China by default), skip weekends and public holidays, and
 * count the weekend days that are declared working days (调休).
 */
export interface CalendarConfig {
  /** Offset of the company's local time from UTC, in minutes (China: +480). */
  utcOffsetMinutes: number;
  /** Local dates (YYYY-MM-DD) that are not working days. */
  holidays: string[];
  /** Local weekend dates (YYYY-MM-DD) that are working days. */
  extraWorkdays: string[];
}

export const DEFAULT_CALENDAR: CalendarConfig = { utcOffsetMinutes: 480, holidays: [], extraWorkdays: [] };

const DAY = 86_400_000;

function localDate(t: number, offsetMin: number): string {
  return new Date(t + offsetMin * 60_000).toISOString().slice(0, 10);
}

/** The company's calendar date (YYYY-MM-DD) at a moment. */
export function companyDate(at: Date, cal: Pick<CalendarConfig, 'utcOffsetMinutes'> = DEFAULT_CALENDAR): string {
  return localDate(at.getTime(), cal.utcOffsetMinutes);
}

/**
 * A moment as people read it in the company: "2026-07-01 09:30 (UTC+8)"; without a time
 * zone (outside the engine), in UTC.
 */
export function companyTime(iso: string, utcOffsetMinutes: number | undefined): string {
  const minutes = (t: number) => new Date(t).toISOString().slice(0, 16).replace('T', ' ');
  if (utcOffsetMinutes === undefined) return `${minutes(Date.parse(iso))} UTC`;
  const off = Math.abs(utcOffsetMinutes);
  const zone = `UTC${utcOffsetMinutes < 0 ? '-' : '+'}${Math.floor(off / 60)}${off % 60 ? `:${String(off % 60).padStart(2, '0')}` : ''}`;
  return `${minutes(Date.parse(iso) + utcOffsetMinutes * 60_000)} (${zone})`;
}

export function isWorkingDay(t: number, cal: CalendarConfig): boolean {
  const date = localDate(t, cal.utcOffsetMinutes);
  if (cal.extraWorkdays.includes(date)) return true;
  if (cal.holidays.includes(date)) return false;
  const weekday = new Date(t + cal.utcOffsetMinutes * 60_000).getUTCDay();
  return weekday !== 0 && weekday !== 6;
}

/**
 * The moment a duration after `start` ends. Working days land on the same local
 * time of the n-th following working day; months are calendar months.
 */
export function addDuration(start: Date, d: Duration, cal: CalendarConfig = DEFAULT_CALENDAR): Date {
  let t = start.getTime();
  if (d.months) {
    const x = new Date(t);
    x.setUTCMonth(x.getUTCMonth() + d.months);
    t = x.getTime();
  }
  t += (d.days ?? 0) * DAY + (d.hours ?? 0) * 3_600_000 + (d.minutes ?? 0) * 60_000;
  for (let left = d.workingDays ?? 0; left > 0; ) {
    t += DAY;
    if (isWorkingDay(t, cal)) left--;
  }
  return new Date(t);
}

/**
 * The moment a due date kept as text falls due: an ISO date (YYYY-MM-DD) at the end of
 * that day in the company's time zone (it is due all day), an ISO time at that moment;
 * undefined for anything else.
 */
export function dueMoment(value: unknown, cal: CalendarConfig = DEFAULT_CALENDAR): Date | undefined {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}(T|$)/.test(value)) return undefined;
  const dateOnly = value.length === 10;
  const t = dateOnly ? Date.parse(`${value}T00:00:00Z`) + DAY - cal.utcOffsetMinutes * 60_000 : Date.parse(value);
  return Number.isNaN(t) ? undefined : new Date(t);
}

/** A calendar year in the company's time zone: from its first moment to the next year's, as UTC instants. */
export function localYear(year: number, cal: CalendarConfig = DEFAULT_CALENDAR): { from: Date; to: Date } {
  const start = (y: number) => new Date(Date.UTC(y, 0, 1) - cal.utcOffsetMinutes * 60_000);
  return { from: start(year), to: start(year + 1) };
}

/** Human text for a duration, as the controlled documents write it. */
export function describeDuration(d: Duration, lang: 'zh' | 'en'): string {
  const parts: [number | undefined, string, string][] = [
    [d.months, '个月', 'month'],
    [d.workingDays, '个工作日', 'working day'],
    [d.days, '天', 'day'],
    [d.hours, '小时', 'hour'],
    [d.minutes, '分钟', 'minute'],
  ];
  return parts
    .filter(([n]) => n)
    .map(([n, zh, en]) => (lang === 'zh' ? `${n} ${zh}` : `${n} ${en}${n === 1 ? '' : 's'}`))
    .join(lang === 'zh' ? ' ' : ', ');
}

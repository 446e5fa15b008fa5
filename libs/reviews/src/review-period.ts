/**
 * The period a management review covers: a calendar year ("2026") or a range of
 * local dates ("2026-01-01/2026-06-30", ISO 8601 interval notation), both read in
 * the company's time zone, so a case received at 07:00 on 1 January in Beijing
 * belongs to the new year although it is still 31 December in UTC.
 */
export interface ReviewPeriod {
  /** "2026" or "2026-01-01/2026-06-30": what the review names, and what parses back to this period. */
  label: string;
  /** First and last local date, inclusive. */
  from: string;
  to: string;
  /** The instants the period spans, [start, end), in UTC. */
  start: string;
  end: string;
  utcOffsetMinutes: number;
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY = 86_400_000;

/** Midnight of a local date as a UTC instant, or null when the text is not a real date. */
function localMidnight(date: string, offsetMinutes: number): number | null {
  const m = DATE.exec(date);
  if (!m) return null;
  const t = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  // 2026-02-30 would roll over to March: not a date
  if (new Date(t).toISOString().slice(0, 10) !== date) return null;
  return t - offsetMinutes * 60_000;
}

/** A range that ends before it starts: two real dates, named in the wrong order. */
export interface ReversedRange {
  reversed: { from: string; to: string };
}

function period(label: string, from: string, to: string, offsetMinutes: number): ReviewPeriod | ReversedRange | null {
  const start = localMidnight(from, offsetMinutes);
  const last = localMidnight(to, offsetMinutes);
  if (start === null || last === null) return null;
  if (last < start) return { reversed: { from, to } };
  return { label, from, to, start: new Date(start).toISOString(), end: new Date(last + DAY).toISOString(), utcOffsetMinutes: offsetMinutes };
}

/**
 * What a label names: a period (a year or a from/to range), a range whose dates are in the
 * wrong order (said so, rather than "not a period"), or null when it names neither.
 */
export function readPeriod(label: string, offsetMinutes: number): ReviewPeriod | ReversedRange | null {
  const text = label.trim();
  if (/^\d{4}$/.test(text)) return period(text, `${text}-01-01`, `${text}-12-31`, offsetMinutes);
  const [from, to, ...rest] = text.split('/');
  return to !== undefined && rest.length === 0 ? period(text, from, to, offsetMinutes) : null;
}

/** A period from its label; null when it names none (a reversed range included). */
export function parsePeriod(label: string, offsetMinutes: number): ReviewPeriod | null {
  const read = readPeriod(label, offsetMinutes);
  return read && !('reversed' in read) ? read : null;
}

/** The label of a from/to range, which parsePeriod reads back. */
export function rangeLabel(from: string, to: string): string {
  return `${from}/${to}`;
}

export function inPeriod(at: Date, p: ReviewPeriod): boolean {
  return at.getTime() >= Date.parse(p.start) && at.getTime() < Date.parse(p.end);
}

/**
 * Whether a composite's own period label (free text, e.g. "2026" or "2026年度") names
 * the review's period: a year review takes composites whose label starts with its year
 * (as the composite's complaint count reads labels), a range review the exact label.
 */
export function labelNamesPeriod(label: string | null, p: ReviewPeriod): boolean {
  if (!label) return false;
  return /^\d{4}$/.test(p.label) ? /^(\d{4})/.exec(label.trim())?.[1] === p.label : label.trim() === p.label;
}

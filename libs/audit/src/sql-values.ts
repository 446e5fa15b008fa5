/** Raw rows come back as Date on MySQL and as 'YYYY-MM-DD HH:MM:SS.SSS' (UTC) text on SQLite. */
export function toDate(value: unknown): Date {
  if (value instanceof Date) return value;
  const s = String(value);
  return new Date(/[zZ]|[+-]\d\d:?\d\d$/.test(s) ? s : `${s.replace(' ', 'T')}Z`);
}

export function toInt(value: unknown): number {
  return typeof value === 'number' ? value : Number(value);
}

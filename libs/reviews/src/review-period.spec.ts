import { inPeriod, labelNamesPeriod, parsePeriod, readPeriod } from './review-period';

const CHINA = 480;

describe('review periods in the company time zone', () => {
  it('reads a year as local midnight to local midnight', () => {
    expect(parsePeriod('2026', CHINA)).toEqual({
      label: '2026',
      from: '2026-01-01',
      to: '2026-12-31',
      // 00:00 on 1 January in Beijing is 16:00 UTC the day before
      start: '2025-12-31T16:00:00.000Z',
      end: '2026-12-31T16:00:00.000Z',
      utcOffsetMinutes: CHINA,
    });
  });

  it('reads a range of local dates, the last one inclusive', () => {
    expect(parsePeriod(' 2026-01-01/2026-06-30 ', CHINA)).toMatchObject({
      label: '2026-01-01/2026-06-30',
      start: '2025-12-31T16:00:00.000Z',
      end: '2026-06-30T16:00:00.000Z',
    });
    expect(parsePeriod('2026-03-01/2026-03-01', 0)).toMatchObject({ start: '2026-03-01T00:00:00.000Z', end: '2026-03-02T00:00:00.000Z' });
  });

  it('tells a range in the wrong order from a label that names no period', () => {
    expect(readPeriod('2026-06-30/2026-01-01', CHINA)).toEqual({ reversed: { from: '2026-06-30', to: '2026-01-01' } });
    expect(readPeriod('2026-02-30/2026-01-01', CHINA)).toBeNull();
    expect(readPeriod('2026', CHINA)).toEqual(parsePeriod('2026', CHINA));
  });

  it('names no period for anything else', () => {
    for (const label of ['', '26', '2026-H1', '2026-02-30/2026-03-01', '2026-06-30/2026-01-01', '2026-01-01', '2026-01-01/2026-02-01/2026-03-01']) {
      expect(parsePeriod(label, CHINA)).toBeNull();
    }
  });

  it('counts a moment in the period from its start, up to but not including its end', () => {
    const p = parsePeriod('2026', CHINA)!;
    expect(inPeriod(new Date('2025-12-31T15:59:59.999Z'), p)).toBe(false);
    expect(inPeriod(new Date('2025-12-31T16:00:00.000Z'), p)).toBe(true); // 1 January, 00:00 in Beijing
    expect(inPeriod(new Date('2026-12-31T15:59:59.999Z'), p)).toBe(true);
    expect(inPeriod(new Date('2026-12-31T16:00:00.000Z'), p)).toBe(false);
  });

  it("matches a composite's own period label to the review's", () => {
    const year = parsePeriod('2026', CHINA)!;
    expect(['2026', '2026年度', '2026-H1'].map((l) => labelNamesPeriod(l, year))).toEqual([true, true, true]);
    expect(['2025', '年度 2026', null].map((l) => labelNamesPeriod(l, year))).toEqual([false, false, false]);
    const half = parsePeriod('2026-01-01/2026-06-30', CHINA)!;
    expect(['2026-01-01/2026-06-30', '2026'].map((l) => labelNamesPeriod(l, half))).toEqual([true, false]);
  });
});

import fc from 'fast-check';
import { DEFAULT_GRADE_BANDS, gradeFor, validateGradeBands } from './grades';
import { scoringErrorOf } from './__tests__/support';

describe('gradeFor with the default bands', () => {
  it.each([
    [100, 'very-satisfied', '很满意'],
    [99.9, 'fairly-satisfied', '较满意'],
    [90, 'fairly-satisfied', '较满意'],
    [89.9, 'satisfied', '满意'],
    [80, 'satisfied', '满意'],
    [79.9, 'dissatisfied', '不满意'],
    [20, 'dissatisfied', '不满意'],
    [19.9, 'very-dissatisfied', '很不满意'],
    [0, 'very-dissatisfied', '很不满意'],
  ])('%p → %s (%s)', (score, key, zh) => {
    const grade = gradeFor(score);
    expect(grade.key).toBe(key);
    expect(grade.label.zh).toBe(zh);
  });

  it('carries English labels too', () => {
    expect(DEFAULT_GRADE_BANDS.map((b) => b.label.en)).toEqual(['Very satisfied', 'Fairly satisfied', 'Satisfied', 'Dissatisfied', 'Very dissatisfied']);
  });

  it('rejects a negative or non-finite score', () => {
    expect(scoringErrorOf(() => gradeFor(-1)).code).toBe('INVALID_ARGUMENT');
    expect(scoringErrorOf(() => gradeFor(NaN)).code).toBe('INVALID_ARGUMENT');
  });

  it('every score in 0..100 gets exactly the band whose range holds it (property)', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 100, noNaN: true }), (score) => {
        const band = DEFAULT_GRADE_BANDS.find((b) => b.key === gradeFor(score).key)!;
        expect(score).toBeGreaterThanOrEqual(band.min);
        const higher = DEFAULT_GRADE_BANDS.filter((b) => b.min > band.min);
        higher.forEach((b) => expect(score).toBeLessThan(b.min));
      }),
    );
  });
});

describe('configurable bands', () => {
  const passFail = [
    { key: 'fail', label: { zh: '不合格', en: 'Fail' }, min: 0 },
    { key: 'pass', label: { zh: '合格', en: 'Pass' }, min: 85 },
  ];

  it('accepts bands in any order and sorts them best first', () => {
    expect(validateGradeBands(passFail).map((b) => b.key)).toEqual(['pass', 'fail']);
    expect(gradeFor(85, passFail).key).toBe('pass');
    expect(gradeFor(84.9, passFail).key).toBe('fail');
  });

  it.each([
    ['no bands', [], 'at least one'],
    ['duplicate key', [passFail[0], { ...passFail[1], key: 'fail' }], '"fail" appears more than once'],
    ['duplicate min', [passFail[0], { ...passFail[1], min: 0 }], 'two bands start at 0'],
    ['a gap below the lowest band', [{ ...passFail[0], min: 10 }, passFail[1]], 'starts at 10'],
    ['missing labels', [{ key: 'x', min: 0 }], 'zh and en'],
    ['non-finite min', [{ ...passFail[0], min: NaN }], 'finite min'],
  ])('rejects %s with INVALID_BANDS', (_name, bands, message) => {
    const e = scoringErrorOf(() => validateGradeBands(bands as never));
    expect(e.code).toBe('INVALID_BANDS');
    expect(e.message).toContain(message);
  });
});

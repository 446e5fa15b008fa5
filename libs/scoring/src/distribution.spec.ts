import { moments, tallyAnswers } from './distribution';
import { resolveScale } from './scales';
import { scoringErrorOf } from './__tests__/support';

const ten = resolveScale('ten-point');
const ratio = resolveScale('five-level-ratio');

describe('moments', () => {
  it('sums counts, points and squared points; not applicable is separate', () => {
    expect(moments(ten, { counts: { '6': 2, '7': 5, '8': 15, '9': 3 }, notApplicable: 4 })).toEqual({
      n: 25,
      notApplicable: 4,
      sum: 194,
      sumSquares: 2 * 36 + 5 * 49 + 15 * 64 + 3 * 81,
    });
  });

  it('treats a missing notApplicable as 0 and an empty distribution as n = 0', () => {
    expect(moments(ten, { counts: {} })).toEqual({ n: 0, notApplicable: 0, sum: 0, sumSquares: 0 });
  });

  it('rejects unknown level keys', () => {
    expect(scoringErrorOf(() => moments(ten, { counts: { '11': 1 } })).code).toBe('UNKNOWN_LEVEL');
  });

  it.each([-1, 1.5, NaN])('rejects a count of %p', (count) => {
    const e = scoringErrorOf(() => moments(ratio, { counts: { satisfied: count } }));
    expect(e.code).toBe('INVALID_DISTRIBUTION');
    expect(e.message).toContain('"satisfied"');
  });

  it('rejects a bad notApplicable count', () => {
    expect(scoringErrorOf(() => moments(ratio, { counts: {}, notApplicable: -2 })).message).toContain('notApplicable');
  });
});

describe('tallyAnswers', () => {
  it('counts answers per level key, numbers or strings alike, and nulls as not applicable', () => {
    expect(tallyAnswers(ten, [6, '6', 7, null, 10, null])).toEqual({ counts: { '6': 2, '7': 1, '10': 1 }, notApplicable: 2 });
  });

  it('gives an empty distribution for no answers', () => {
    expect(tallyAnswers(ratio, [])).toEqual({ counts: {}, notApplicable: 0 });
  });

  it('rejects an answer that is not a level', () => {
    expect(scoringErrorOf(() => tallyAnswers(ratio, ['great'])).code).toBe('UNKNOWN_LEVEL');
  });
});

import * as scoring from '@satisflow/scoring';

describe('@satisflow/scoring public API', () => {
  it('exposes the whole chain through the package alias', () => {
    const ten = scoring.resolveScale('ten-point');
    const d = scoring.tallyAnswers(ten, [...Array(2).fill(6), ...Array(5).fill(7), ...Array(15).fill(8), ...Array(3).fill(9)]);
    expect(scoring.itemIndex(ten, d).index).toBe(77.6);
    expect(scoring.gapToTarget(ten, d, 80).respondentsToMove).toBe(6);
    expect(scoring.returnRate(20, 17)).toBe(85);
    expect(scoring.gradeFor(85).label.zh).toBe('满意');
    expect(new scoring.ScoringError('INVALID_SCALE', 'x')).toBeInstanceOf(Error);
  });

  it('does not export test helpers', () => {
    expect(Object.keys(scoring)).not.toContain('scoringErrorOf');
  });
});

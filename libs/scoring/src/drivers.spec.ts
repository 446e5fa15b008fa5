import fc from 'fast-check';
import type { PairMoments } from './correlation';
import { DriverRespondent, keyDrivers, keyDriversFromMoments } from './drivers';
import { scoringErrorOf } from './__tests__/support';

describe('keyDrivers', () => {
  // Five respondents of a property developer: overall answer on a five-point scale and each department's index.
  const overall = [5, 4, 3, 2, 4];
  const byDepartment: Record<string, number[]> = {
    property: [90, 70, 50, 30, 70], // tracks overall closely, low index → first
    construction: [95, 85, 70, 65, 80],
    service: [80, 85, 75, 70, 90],
    planning: [85, 85, 85, 85, 85], // zero variance → correlation null, last
  };
  const respondents: DriverRespondent[] = overall.map((o, i) => ({
    overall: o,
    dimensions: Object.fromEntries(Object.entries(byDepartment).map(([k, v]) => [k, v[i]])),
  }));

  it('ranks by correlation × (100 − dimension index); zero variance has no correlation and comes last', () => {
    const drivers = keyDrivers(['planning', 'service', 'construction', 'property'], respondents);
    expect(drivers.map((d) => [d.rank, d.key])).toEqual([
      [1, 'property'],
      [2, 'construction'],
      [3, 'service'],
      [4, 'planning'],
    ]);
    const property = drivers[0];
    expect(property.correlation).toBe(1);
    expect(property.index).toBe(62); // mean of 90, 70, 50, 30, 70
    expect(property.priority).toBe(38); // 1 × (100 − 62)
    expect(drivers[3]).toEqual({ key: 'planning', n: 5, correlation: null, index: 85, priority: null, rank: 4 });
  });

  it('computes priority from the exact correlation and index', () => {
    const construction = keyDrivers(['construction'], respondents)[0];
    // x = 95,85,70,65,80 (mean 79), y = 5,4,3,2,4 (mean 3.6): Sxy = 53, Sxx = 570, Syy = 5.2
    // r = 53 / √2964 = 0.97350…; priority = r × (100 − 79) = 20.44…, not the rounded 0.974 × 21 = 20.45 → 20.5
    expect(construction.correlation).toBe(0.974);
    expect(construction.index).toBe(79);
    expect(construction.priority).toBe(20.4);
  });

  it('uses the survey’s reported dimension index when given', () => {
    const [d] = keyDrivers(['property'], respondents, { property: 80 });
    expect(d.index).toBe(80);
    expect(d.priority).toBe(20);
  });

  it('pairs only respondents with both an overall answer and the dimension', () => {
    const [d] = keyDrivers(['a'], [
      { overall: 5, dimensions: { a: 90 } },
      { overall: null, dimensions: { a: 10 } },
      { overall: 1, dimensions: { a: null } },
      { overall: 1, dimensions: {} },
      { overall: 2, dimensions: { a: 40 } },
    ]);
    expect(d.n).toBe(2);
    expect(d.correlation).toBe(1);
    // index from every respondent with the dimension: (90 + 10 + 40) / 3
    expect(d.index).toBe(46.7);
  });

  it('a negative correlation gives a negative priority, ranked below positive ones but above null', () => {
    const ds = keyDrivers(['neg', 'pos', 'flat'], [
      { overall: 1, dimensions: { neg: 90, pos: 10, flat: 50 } },
      { overall: 5, dimensions: { neg: 10, pos: 90, flat: 50 } },
    ]);
    expect(ds.map((d) => d.key)).toEqual(['pos', 'neg', 'flat']);
    expect(ds[1].priority).toBe(-50);
  });

  it('single respondent or no respondents → no correlation, everyone ranked in given order', () => {
    expect(keyDrivers(['a', 'b'], [{ overall: 4, dimensions: { a: 80, b: 60 } }]).map((d) => [d.key, d.correlation, d.rank])).toEqual([
      ['a', null, 1],
      ['b', null, 2],
    ]);
    expect(keyDrivers(['a'], [])).toEqual([{ key: 'a', n: 0, correlation: null, index: null, priority: null, rank: 1 }]);
  });

  it('refuses duplicate dimension keys', () => {
    expect(scoringErrorOf(() => keyDrivers(['a', 'a'], [])).code).toBe('INVALID_ARGUMENT');
  });

  it('ranks the same from database-style moments as from respondents (property)', () => {
    const respondent = fc.record({
      overall: fc.option(fc.integer({ min: 1, max: 10 })),
      dimensions: fc.record({ a: fc.option(fc.integer({ min: 0, max: 100 })), b: fc.option(fc.integer({ min: 0, max: 100 })) }),
    });
    fc.assert(
      fc.property(fc.array(respondent, { maxLength: 30 }), (rs) => {
        const index = { a: 70, b: 55.5 };
        const moments: Record<string, PairMoments> = {};
        for (const key of ['a', 'b'] as const) {
          const pairs = rs.filter((r) => r.overall !== null && r.dimensions[key] !== null).map((r) => [r.dimensions[key]!, r.overall!]);
          if (!pairs.length) continue;
          const mx = pairs.reduce((s, p) => s + p[0], 0) / pairs.length;
          const my = pairs.reduce((s, p) => s + p[1], 0) / pairs.length;
          moments[key] = {
            n: pairs.length,
            sxy: pairs.reduce((s, p) => s + (p[0] - mx) * (p[1] - my), 0),
            sxx: pairs.reduce((s, p) => s + (p[0] - mx) ** 2, 0),
            syy: pairs.reduce((s, p) => s + (p[1] - my) ** 2, 0),
            constant: new Set(pairs.map((p) => p[0])).size === 1 || new Set(pairs.map((p) => p[1])).size === 1,
          };
        }
        expect(keyDriversFromMoments(['a', 'b'], moments, index)).toEqual(keyDrivers(['a', 'b'], rs, index));
      }),
    );
  });
});

import { resolveScale } from './scales';
import { indexBySlice } from './slices';

const ratio = resolveScale('five-level-ratio');

describe('indexBySlice', () => {
  it('indexes each slice (a sales office’s posts) in input order', () => {
    const r = indexBySlice(ratio, {
      reception: { counts: { 'very-satisfied': 8, satisfied: 2 } },
      cleaning: { counts: { satisfied: 5, neutral: 4, dissatisfied: 1 }, notApplicable: 1 },
      'refreshment-bar': { counts: {}, notApplicable: 3 },
    });
    expect(r).toEqual([
      { slice: 'reception', n: 10, notApplicable: 0, mean: 0.96, index: 96 },
      { slice: 'cleaning', n: 10, notApplicable: 1, mean: 0.67, index: 67 },
      { slice: 'refreshment-bar', n: 0, notApplicable: 3, mean: null, index: null },
    ]);
  });

  it('supports min–max and empty input', () => {
    const five = resolveScale('five-point');
    expect(indexBySlice(five, { north: { counts: { '3': 2 } } }, 'min-max')[0].index).toBe(50);
    expect(indexBySlice(five, {})).toEqual([]);
  });
});

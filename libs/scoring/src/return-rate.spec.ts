import fc from 'fast-check';
import { returnRate } from './return-rate';
import { scoringErrorOf } from './__tests__/support';

describe('returnRate', () => {
  it('domain.md: 20 sent, 17 returned → 85.0', () => {
    expect(returnRate(20, 17)).toBe(85);
  });

  it('one decimal, half away from zero', () => {
    expect(returnRate(3, 2)).toBe(66.7);
    expect(returnRate(3, 1)).toBe(33.3);
    expect(returnRate(40, 33)).toBe(82.5);
    expect(returnRate(800, 661)).toBe(82.6); // 82.625
  });

  it('nothing sent → 0 without a division error', () => {
    expect(returnRate(0, 0)).toBe(0);
  });

  it('rejects negative or fractional counts and more returned than sent', () => {
    expect(scoringErrorOf(() => returnRate(-1, 0)).message).toContain('sent');
    expect(scoringErrorOf(() => returnRate(10, 2.5)).message).toContain('returned');
    expect(scoringErrorOf(() => returnRate(10, 11)).message).toContain('cannot exceed');
  });

  it('is within 0..100 (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10000 }).chain((sent) => fc.tuple(fc.constant(sent), fc.integer({ min: 0, max: sent }))), ([sent, returned]) => {
        const rate = returnRate(sent, returned);
        expect(rate).toBeGreaterThanOrEqual(0);
        expect(rate).toBeLessThanOrEqual(100);
      }),
    );
  });
});

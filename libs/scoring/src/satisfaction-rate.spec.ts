import { DEFAULT_SATISFIED_LEVEL, satisfactionRate, satisfactionRateByRespondent } from './satisfaction-rate';
import { resolveScale, SCALE_PRESETS } from './scales';
import { scoringErrorOf } from './__tests__/support';

const ratio = resolveScale('five-level-ratio');
const ten = resolveScale('ten-point');
const five = resolveScale('five-point');

describe('satisfactionRate (from the overall item distribution)', () => {
  it('counts answers at or above the satisfied level', () => {
    const r = satisfactionRate(ratio, { counts: { 'very-satisfied': 3, satisfied: 9, neutral: 4, dissatisfied: 1 }, notApplicable: 2 }, 'satisfied');
    // 12 of 17 valid answers
    expect(r).toEqual({ n: 17, notApplicable: 2, satisfied: 12, rate: 70.6 });
  });

  it('the threshold is configurable', () => {
    const d = { counts: { '7': 5, '8': 10, '9': 5 } };
    expect(satisfactionRate(ten, d, '8').rate).toBe(75);
    expect(satisfactionRate(ten, d, 9).rate).toBe(25);
    expect(satisfactionRate(ten, d, '1').rate).toBe(100);
  });

  it('no valid answers → rate null, not 0', () => {
    expect(satisfactionRate(five, { counts: {}, notApplicable: 3 }, '4')).toEqual({ n: 0, notApplicable: 3, satisfied: 0, rate: null });
  });

  it('single respondent', () => {
    expect(satisfactionRate(five, { counts: { '3': 1 } }, '4').rate).toBe(0);
  });

  it('rejects a threshold that is not a level', () => {
    expect(scoringErrorOf(() => satisfactionRate(five, { counts: {} }, 'satisfied')).code).toBe('UNKNOWN_LEVEL');
  });

  it('has a default satisfied level that exists on every preset', () => {
    for (const preset of SCALE_PRESETS) {
      expect(resolveScale(preset).positions.has(DEFAULT_SATISFIED_LEVEL[preset])).toBe(true);
    }
    expect(DEFAULT_SATISFIED_LEVEL['five-point']).toBe('4');
  });
});

describe('satisfactionRateByRespondent (any item below 40 also means dissatisfied)', () => {
  const rule = { overallScale: five, satisfiedLevel: '4', itemScales: { price: ten, service: ratio }, dissatisfiedBelowItemIndex: 40 };

  it('marks a satisfied overall answer dissatisfied when one item index is below 40', () => {
    const r = satisfactionRateByRespondent(
      [
        { overall: 5, items: { price: 8, service: 'satisfied' } }, // satisfied
        { overall: '4', items: { price: 3, service: 'satisfied' } }, // price 30 < 40
        { overall: 4, items: { price: 4, service: 'dissatisfied' } }, // price 40 ok, service 30 < 40
        { overall: 4, items: { price: 4, service: null } }, // N/A item ignored → satisfied
        { overall: 3, items: { price: 10, service: 'very-satisfied' } }, // overall below threshold
        { overall: null, items: { price: 10 } }, // no overall answer
      ],
      rule,
    );
    expect(r).toEqual({ n: 5, notApplicable: 1, satisfied: 2, rate: 40 });
  });

  it('equals the distribution rule when no item falls below the floor', () => {
    const r = satisfactionRateByRespondent(
      [
        { overall: 5, items: {} },
        { overall: 2, items: {} },
        { overall: 4, items: {} },
      ],
      rule,
    );
    expect(r.rate).toBe(satisfactionRate(five, { counts: { '5': 1, '2': 1, '4': 1 } }, '4').rate);
  });

  it('nobody → rate null', () => {
    expect(satisfactionRateByRespondent([], rule).rate).toBeNull();
  });

  it('names an item without a scale, and rejects a floor outside 0..100', () => {
    expect(scoringErrorOf(() => satisfactionRateByRespondent([{ overall: 5, items: { delivery: 3 } }], rule)).message).toContain('"delivery"');
    expect(scoringErrorOf(() => satisfactionRateByRespondent([], { ...rule, dissatisfiedBelowItemIndex: 140 })).code).toBe('INVALID_ARGUMENT');
  });
});

import { scoreQuestionnaire } from './questionnaire';
import { resolveScale } from './scales';
import { scoringErrorOf } from './__tests__/support';

const ten = resolveScale('ten-point');
const ratio = resolveScale('five-level-ratio');

describe('scoreQuestionnaire', () => {
  const dimensions = [
    {
      key: 'quality',
      weight: 0.4,
      items: [
        { key: 'function', scale: ten },
        { key: 'performance', scale: ten },
        { key: 'appearance', scale: ten },
      ],
    },
    { key: 'service', weight: 0.3, items: [{ key: 'response', scale: ratio }] },
    { key: 'delivery', weight: 0.1, items: [{ key: 'on-time', scale: ten, weight: 2 }, { key: 'packaging', scale: ten, weight: 1 }] },
    { key: 'price', weight: 0.2, items: [{ key: 'value', scale: ten }] },
  ];

  it('builds item → dimension → overall with dimension weights 0.4/0.3/0.1/0.2', () => {
    const r = scoreQuestionnaire(dimensions, {
      function: { counts: { '6': 2, '7': 5, '8': 15, '9': 3 } }, // 77.6
      performance: { counts: { '9': 1, '8': 1 } }, // 85
      appearance: { counts: { '10': 1 }, notApplicable: 2 }, // 100
      response: { counts: { satisfied: 4, 'very-satisfied': 1 } }, // 84
      'on-time': { counts: { '9': 1 } }, // 90, weight 2
      packaging: { counts: { '6': 1 } }, // 60, weight 1
      value: { counts: { '7': 3 } }, // 70
    });
    // quality = (77.6 + 85 + 100) / 3 = 87.5333…; delivery = (2×90 + 60) / 3 = 80
    expect(r.dimensions.map((d) => [d.key, d.index])).toEqual([
      ['quality', 87.5],
      ['service', 84],
      ['delivery', 80],
      ['price', 70],
    ]);
    // overall from exact dimension indices: 0.4 × 87.5333… + 0.3 × 84 + 0.1 × 80 + 0.2 × 70 = 82.21333…
    expect(r.index).toBe(82.2);
    expect(r.dimensions[0].items[0]).toEqual({ key: 'function', n: 25, notApplicable: 0, mean: 7.76, index: 77.6 });
    expect(r.dimensions[0].items[2]).toEqual({ key: 'appearance', n: 1, notApplicable: 2, mean: 10, index: 100 });
    expect(r.dimensionsWithoutAnswers).toEqual([]);
  });

  it('reports items and dimensions without answers and leaves them out of the means', () => {
    const r = scoreQuestionnaire(dimensions, {
      function: { counts: { '8': 1 } },
      performance: { counts: {}, notApplicable: 3 },
      value: { counts: { '6': 2 } },
    });
    const quality = r.dimensions[0];
    expect(quality.index).toBe(80);
    expect(quality.itemsWithoutAnswers).toEqual(['performance', 'appearance']);
    expect(quality.items[1]).toEqual({ key: 'performance', n: 0, notApplicable: 3, mean: null, index: null });
    expect(r.dimensionsWithoutAnswers).toEqual(['service', 'delivery']);
    // (0.4 × 80 + 0.2 × 60) / 0.6
    expect(r.index).toBe(73.3);
  });

  it('an empty survey has no index at all', () => {
    const r = scoreQuestionnaire(dimensions, {});
    expect(r.index).toBeNull();
    expect(r.dimensionsWithoutAnswers).toEqual(['quality', 'service', 'delivery', 'price']);
  });

  it('uses min–max normalisation when asked', () => {
    const r = scoreQuestionnaire([{ key: 'd', items: [{ key: 'i', scale: ten }] }], { i: { counts: { '1': 1, '10': 1 } } }, 'min-max');
    expect(r.index).toBe(50);
  });

  it('refuses an item key used twice (distributions are keyed by item)', () => {
    const e = scoringErrorOf(() =>
      scoreQuestionnaire([{ key: 'a', items: [{ key: 'x', scale: ten }] }, { key: 'b', items: [{ key: 'x', scale: ten }] }], {}),
    );
    expect(e.message).toContain('"x"');
  });

  it('refuses dimension weights that sum to 0', () => {
    const e = scoringErrorOf(() =>
      scoreQuestionnaire([{ key: 'a', weight: 0, items: [{ key: 'x', scale: ten }] }], { x: { counts: { '5': 1 } } }),
    );
    expect(e.code).toBe('INVALID_WEIGHTS');
  });
});

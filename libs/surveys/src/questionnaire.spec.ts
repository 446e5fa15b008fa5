import { Questionnaire, resolveQuestionnaire } from './questionnaire';

const item = (key: string, weight?: number) => ({ key, title: { zh: key, en: key }, ...(weight === undefined ? {} : { weight }) });

describe('resolveQuestionnaire: weights', () => {
  const base = (dimensions: Questionnaire['dimensions']): Questionnaire => ({ scale: 'five-point', dimensions });

  it('accepts equal weights (none given) and weights given to every part', () => {
    expect(resolveQuestionnaire(base([{ key: 'a', title: { zh: 'a', en: 'a' }, items: [item('x'), item('y')] }])).problems).toEqual([]);
    expect(resolveQuestionnaire(base([{ key: 'a', title: { zh: 'a', en: 'a' }, weight: 1, items: [item('x', 0), item('y', 2)] }])).problems).toEqual([]);
  });

  it('refuses weights that sum to 0 or are given to some parts only, naming where (results would fail on them)', () => {
    const zero = resolveQuestionnaire(base([
      { key: 'a', title: { zh: 'a', en: 'a' }, weight: 0, items: [item('x')] },
      { key: 'b', title: { zh: 'b', en: 'b' }, weight: 0, items: [item('y')] },
    ]));
    expect(zero.problems).toEqual([expect.objectContaining({ field: 'dimensions', rule: 'weights' })]);
    const items = resolveQuestionnaire(base([{ key: 'a', title: { zh: 'a', en: 'a' }, items: [item('x', 0), item('y', 0)] }]));
    expect(items.problems).toEqual([expect.objectContaining({ field: 'dimensions.0.items', rule: 'weights' })]);
    const partial = resolveQuestionnaire(base([{ key: 'a', title: { zh: 'a', en: 'a' }, items: [item('x', 1), item('y')] }]));
    expect(partial.problems).toEqual([
      // the scoring library's English specifics, under a Chinese statement of the kind of problem
      expect.objectContaining({ field: 'dimensions.0.items', rule: 'weights', message: { en: expect.stringContaining('missing: y'), zh: expect.stringMatching(/^权重设置有误：.*missing: y/) } }),
    ]);
  });
});

describe('resolveQuestionnaire: scales', () => {
  it('reports an unknown scale once, where it is, not also as a threshold without an overall item', () => {
    const q = { scale: 'eleven-point', dimensions: [{ key: 'a', title: { zh: 'a', en: 'a' }, items: [item('x')] }], overallItem: item('overall'), satisfiedThreshold: 4 } as unknown as Questionnaire;
    expect(resolveQuestionnaire(q).problems).toEqual([expect.objectContaining({ field: 'scale', rule: 'scale' })]);
    const noOverall = { ...q, scale: 'five-point', overallItem: undefined } as Questionnaire;
    expect(resolveQuestionnaire(noOverall).problems).toEqual([expect.objectContaining({ field: 'satisfiedThreshold', rule: 'needsOverallItem' })]);
  });
});

import { ScoringError } from './errors';
import { CustomScale, fiveLevelNamedScale, levelPosition, pointsOf, resolveScale, SCALE_PRESETS } from './scales';
import { scoringErrorOf as errorOf } from './__tests__/support';

const level = (key: string, points: number) => ({ key, label: { zh: key, en: key }, points });

describe('scale presets', () => {
  it('lists the four presets of api.md', () => {
    expect([...SCALE_PRESETS].sort()).toEqual(['five-level-ratio', 'five-point', 'ten-point', 'three-level']);
  });

  it('five-level-ratio: 很不满意 0 · 不满意 0.3 · 一般 0.6 · 满意 0.8 · 非常满意 1.0, worst to best', () => {
    const s = resolveScale('five-level-ratio');
    expect(s.levels.map((l) => [l.label.zh, l.points])).toEqual([
      ['很不满意', 0],
      ['不满意', 0.3],
      ['一般', 0.6],
      ['满意', 0.8],
      ['非常满意', 1],
    ]);
    expect(s.levels.map((l) => l.key)).toEqual(['very-dissatisfied', 'dissatisfied', 'neutral', 'satisfied', 'very-satisfied']);
    expect([s.min, s.max, s.preset]).toEqual([0, 1, 'five-level-ratio']);
  });

  it('three-level: 不满意 1 · 满意 3 · 很满意 5', () => {
    const s = resolveScale('three-level');
    expect(s.levels.map((l) => [l.key, l.label.zh, l.points])).toEqual([
      ['dissatisfied', '不满意', 1],
      ['satisfied', '满意', 3],
      ['very-satisfied', '很满意', 5],
    ]);
  });

  it('ten-point and five-point use their numbers as string keys and points', () => {
    const ten = resolveScale('ten-point');
    expect(ten.levels.map((l) => l.key)).toEqual(['1', '2', '3', '4', '5', '6', '7', '8', '9', '10']);
    expect(ten.levels.map((l) => l.points)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    const five = resolveScale('five-point');
    expect(five.levels.map((l) => l.key)).toEqual(['1', '2', '3', '4', '5']);
    expect([five.min, five.max]).toEqual([1, 5]);
  });

  it('accepts numeric answers as number or string', () => {
    const ten = resolveScale('ten-point');
    expect(levelPosition(ten, 7)).toBe(6);
    expect(levelPosition(ten, '7')).toBe(6);
    expect(pointsOf(ten, 10)).toBe(10);
  });

  it('names the unknown level and the known ones', () => {
    const e = errorOf(() => levelPosition(resolveScale('five-point'), 6));
    expect(e.code).toBe('UNKNOWN_LEVEL');
    expect(e.message).toContain('"6"');
    expect(e.message).toContain('1, 2, 3, 4, 5');
  });

  it('rejects an unknown preset name', () => {
    const e = errorOf(() => resolveScale('seven-point' as never));
    expect(e.code).toBe('UNKNOWN_SCALE');
    expect(e.message).toContain('seven-point');
  });

  it('is immutable', () => {
    const s = resolveScale('five-point');
    expect(Object.isFrozen(s)).toBe(true);
    expect(Object.isFrozen(s.levels)).toBe(true);
  });
});

describe('custom scales', () => {
  it('resolves a valid custom scale, copying the input', () => {
    const input: CustomScale = { levels: [level('bad', 0), level('ok', 2), level('good', 2), level('great', 4)] };
    const s = resolveScale(input);
    expect(s.preset).toBeNull();
    expect([s.min, s.max]).toEqual([0, 4]);
    expect(levelPosition(s, 'good')).toBe(2);
    expect(s.levels).not.toBe(input.levels);
  });

  it.each([
    ['fewer than 2 levels', { levels: [level('only', 1)] }, 'at least 2 levels'],
    ['no levels', { levels: [] }, 'at least 2 levels'],
    ['duplicate keys', { levels: [level('a', 0), level('a', 1)] }, 'unique ("a"'],
    ['decreasing points', { levels: [level('a', 0), level('b', 5), level('c', 3)] }, 'non-decreasing'],
    ['all points equal', { levels: [level('a', 2), level('b', 2)] }, 'best level must score more'],
    ['negative points', { levels: [level('a', -1), level('b', 1)] }, '≥ 0'],
    ['non-finite points', { levels: [level('a', 0), level('b', NaN)] }, 'levels[1].points'],
    ['empty key', { levels: [level('', 0), level('b', 1)] }, 'levels[0].key'],
    ['missing label', { levels: [{ key: 'a', points: 0 }, level('b', 1)] }, 'levels[0].label'],
    ['levels not an array', { levels: 'x' }, 'must be an array'],
    ['null', null, 'must be an array'],
  ])('rejects %s with INVALID_SCALE', (_name, spec, message) => {
    const e = errorOf(() => resolveScale(spec as never));
    expect(e.code).toBe('INVALID_SCALE');
    expect(e.message).toContain(message);
  });

  it('reports every problem at once', () => {
    const e = errorOf(() => resolveScale({ levels: [level('a', 3), level('a', 1)] }));
    expect(e.message).toContain('unique');
    expect(e.message).toContain('non-decreasing');
  });

  it('builds the five-level named scale with company points', () => {
    const s = fiveLevelNamedScale([0, 40, 60, 80, 100]);
    expect(s.levels.map((l) => [l.label.zh, l.points])).toEqual([
      ['很不满意', 0],
      ['不满意', 40],
      ['满意', 60],
      ['较满意', 80],
      ['很满意', 100],
    ]);
    expect(() => fiveLevelNamedScale([0, 50, 40, 80, 100])).toThrow(ScoringError);
  });
});

import { ScoringError } from './errors';

export interface Label {
  zh: string;
  en: string;
}

export interface Level {
  key: string;
  label: Label;
  points: number;
}

/** A company-defined scale, levels ordered worst to best (api.md POST /surveys). */
export interface CustomScale {
  levels: readonly Level[];
}

export type ScalePreset = 'five-level-ratio' | 'three-level' | 'ten-point' | 'five-point';

export type ScaleSpec = ScalePreset | CustomScale;

/** A validated scale. Only `resolveScale` builds one, so every consumer may trust it. */
export interface Scale {
  readonly preset: ScalePreset | null;
  readonly levels: readonly Level[];
  readonly min: number;
  readonly max: number;
  /** Position of each level key, worst = 0; used to move a respondent "one level higher". */
  readonly positions: ReadonlyMap<string, number>;
}

const numeric = (from: number, to: number): Level[] =>
  Array.from({ length: to - from + 1 }, (_, i) => {
    const text = String(from + i);
    return { key: text, label: { zh: text, en: text }, points: from + i };
  });

const PRESET_LEVELS: Readonly<Record<ScalePreset, readonly Level[]>> = {
  'five-level-ratio': [
    { key: 'very-dissatisfied', label: { zh: '很不满意', en: 'Very dissatisfied' }, points: 0 },
    { key: 'dissatisfied', label: { zh: '不满意', en: 'Dissatisfied' }, points: 0.3 },
    { key: 'neutral', label: { zh: '一般', en: 'Neutral' }, points: 0.6 },
    { key: 'satisfied', label: { zh: '满意', en: 'Satisfied' }, points: 0.8 },
    { key: 'very-satisfied', label: { zh: '非常满意', en: 'Very satisfied' }, points: 1 },
  ],
  'three-level': [
    { key: 'dissatisfied', label: { zh: '不满意', en: 'Dissatisfied' }, points: 1 },
    { key: 'satisfied', label: { zh: '满意', en: 'Satisfied' }, points: 3 },
    { key: 'very-satisfied', label: { zh: '很满意', en: 'Very satisfied' }, points: 5 },
  ],
  'ten-point': numeric(1, 10),
  'five-point': numeric(1, 5),
};

export const SCALE_PRESETS: readonly ScalePreset[] = Object.keys(PRESET_LEVELS) as ScalePreset[];

/**
 * The "five-level named" scale of domain.md: fixed labels, points chosen by the
 * company, given worst to best.
 */
export function fiveLevelNamedScale(points: readonly [number, number, number, number, number]): Scale {
  const labels: ReadonlyArray<[string, Label]> = [
    ['very-dissatisfied', { zh: '很不满意', en: 'Very dissatisfied' }],
    ['dissatisfied', { zh: '不满意', en: 'Dissatisfied' }],
    ['satisfied', { zh: '满意', en: 'Satisfied' }],
    ['fairly-satisfied', { zh: '较满意', en: 'Fairly satisfied' }],
    ['very-satisfied', { zh: '很满意', en: 'Very satisfied' }],
  ];
  return resolveScale({ levels: labels.map(([key, label], i) => ({ key, label, points: points[i] })) });
}

/** Turns a preset name or a custom definition into a validated Scale; throws ScoringError naming every problem. */
export function resolveScale(spec: ScaleSpec): Scale {
  if (typeof spec === 'string') {
    const levels = PRESET_LEVELS[spec];
    if (!levels) {
      throw new ScoringError('UNKNOWN_SCALE', `unknown scale preset "${spec}" (known: ${SCALE_PRESETS.join(', ')})`);
    }
    return build(spec, levels);
  }
  const levels = (spec as Partial<CustomScale> | null)?.levels;
  if (!Array.isArray(levels)) throw new ScoringError('INVALID_SCALE', 'scale.levels must be an array of levels');
  const problems = scaleProblems(levels);
  if (problems.length > 0) throw new ScoringError('INVALID_SCALE', `invalid scale: ${problems.join('; ')}`);
  return build(null, levels.map((l) => ({ key: l.key, label: { zh: l.label.zh, en: l.label.en }, points: l.points })));
}

// Input may come straight from JSON, so every field is checked, not just trusted by type.
function scaleProblems(levels: readonly Level[]): string[] {
  const problems: string[] = [];
  if (levels.length < 2) problems.push(`a scale needs at least 2 levels, got ${levels.length}`);
  const seen = new Set<string>();
  levels.forEach((level, i) => {
    const where = `levels[${i}]`;
    if (typeof level?.key !== 'string' || level.key.trim() === '') {
      problems.push(`${where}.key must be a non-empty string`);
    } else if (seen.has(level.key)) {
      problems.push(`level keys must be unique ("${level.key}" appears more than once)`);
    } else {
      seen.add(level.key);
    }
    if (typeof level?.label?.zh !== 'string' || typeof level.label.en !== 'string') {
      problems.push(`${where}.label must have zh and en strings`);
    }
    // Non-negative points keep "ratio to max" within 0..100.
    if (typeof level?.points !== 'number' || !Number.isFinite(level.points) || level.points < 0) {
      problems.push(`${where}.points must be a finite number ≥ 0`);
    } else if (i > 0 && typeof levels[i - 1]?.points === 'number' && level.points < levels[i - 1].points) {
      problems.push(`points must be non-decreasing from worst to best (${where} has ${level.points} after ${levels[i - 1].points})`);
    }
  });
  const first = levels[0]?.points;
  const last = levels[levels.length - 1]?.points;
  if (problems.length === 0 && first === last) {
    problems.push(`the best level must score more than the worst (all levels score ${first}), or no index can be computed`);
  }
  return problems;
}

function build(preset: ScalePreset | null, levels: readonly Level[]): Scale {
  return Object.freeze({
    preset,
    levels: Object.freeze([...levels]),
    min: levels[0].points,
    max: levels[levels.length - 1].points,
    positions: new Map(levels.map((l, i) => [l.key, i])),
  });
}

/**
 * Position of an answer on the scale. Numeric presets accept their numbers as
 * number or string (api.md), so keys are compared as strings.
 */
export function levelPosition(scale: Scale, key: string | number): number {
  const position = scale.positions.get(String(key));
  if (position === undefined) {
    throw new ScoringError(
      'UNKNOWN_LEVEL',
      `"${key}" is not a level of the scale (levels: ${scale.levels.map((l) => l.key).join(', ')})`,
    );
  }
  return position;
}

export function pointsOf(scale: Scale, key: string | number): number {
  return scale.levels[levelPosition(scale, key)].points;
}

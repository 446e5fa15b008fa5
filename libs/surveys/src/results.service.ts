import { Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, LessThan, MoreThan } from 'typeorm';
import { says } from '@satisflow/http';
import {
  compareItems,
  compareSamples,
  DEFAULT_INDEX_METHOD,
  DEFAULT_SATISFIED_LEVEL,
  Distribution,
  gapToTarget,
  gradeFor,
  keyDriversFromMoments,
  lostPoints,
  lostPointsPareto,
  lowestItems,
  measureItem,
  roundIndexOrNull,
  type PairMoments,
  type QuestionnaireScore,
  satisfactionRate,
  scoreQuestionnaire,
} from '@satisflow/scoring';
import { NONE, SLICE_COLUMNS } from './answer-tallies';
import { SurveyEntity } from './entities/survey.entity';
import { resolveQuestionnaire, ResolvedQuestionnaire, type LocalText } from './questionnaire';
import { SurveysService } from './surveys.service';

type SliceKey = keyof typeof SLICE_COLUMNS;

type Distributions = Record<string, { counts: Record<string, number>; notApplicable: number }>;

interface SliceScore {
  slice: string;
  respondents: number;
  score: QuestionnaireScore;
}

export interface ItemFigure {
  survey: SurveyEntity;
  title: LocalText;
  index: number | null;
  n: number;
}

/** Each slice's score, per slice kind: what the results list and what is compared with the previous survey. */
type SliceScores = Partial<Record<SliceKey, SliceScore[]>>;

/**
 * A survey's figures, read from the answer tallies (answer-tallies.ts): counts
 * per item and level (whole survey and per slice), and the key-driver moments
 * the database sums over (dimension index, overall) pairs. The scoring library
 * turns them into indices, so the cost grows with items and levels, not with
 * the number of answers.
 */
@Injectable()
export class ResultsService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly surveys: SurveysService,
  ) {}

  async results(surveyId: string) {
    const survey = await this.surveys.get(surveyId);
    const q = resolve(survey);
    const method = survey.questionnaire.indexMethod ?? DEFAULT_INDEX_METHOD;
    const [figures, distributions] = await Promise.all([this.surveys.returnFigures(this.ds.manager, surveyId), this.distributions(surveyId)]);
    const score = scoreQuestionnaire(q.dimensions, distributions, method);
    const bands = survey.questionnaire.bands;
    const itemRows = q.dimensions.flatMap((d) =>
      d.items.map((item) => ({ key: item.key, dimension: d.key, measure: measureItem(item.scale, distributions[item.key] ?? { counts: {} }, method) })),
    );
    const [previous, slices] = await Promise.all([this.previous(survey), this.sliceScores(surveyId, q, method)]);
    return {
      surveyId,
      title: survey.title,
      period: survey.period,
      questionnaireHash: survey.questionnaireHash,
      frozen: survey.status === 'frozen',
      sent: figures.sent,
      returned: figures.returned,
      returnRate: figures.returnRate,
      targetReturnRate: survey.targetReturnRate,
      overall: { index: score.index, grade: score.index === null ? null : gradeFor(score.index, bands) },
      satisfactionRate: this.satisfaction(survey, q, distributions),
      dimensions: score.dimensions.map((d) => ({
        ...d,
        title: q.source.dimensions.find((x) => x.key === d.key)?.title,
        items: d.items.map((item) => ({ ...item, title: q.items.get(item.key)?.title, distribution: distributions[item.key] ?? { counts: {}, notApplicable: 0 } })),
      })),
      slices: mapSlices(slices, ({ slice, respondents, score }) => ({
        slice,
        index: score.index,
        respondents,
        dimensions: score.dimensions.map((x) => ({ key: x.key, index: x.index })),
      })),
      lowest: lowestItems(score.dimensions.flatMap((d) => d.items.map((i) => ({ ...i, dimension: d.key }))), 5),
      lostPoints: lostPointsPareto(itemRows.map((r) => ({ key: r.key, lostPoints: lostPoints(r.measure) }))),
      changes: previous ? await this.changes(q, { distributions, score, slices }, previous, method) : null,
      drivers: q.overall ? await this.drivers(surveyId, q, score.dimensions.reduce<Record<string, number | null>>((acc, d) => ({ ...acc, [d.key]: d.index }), {})) : [],
    };
  }

  async gap(surveyId: string, item: string, target: number) {
    const answers = await this.itemAnswers(await this.surveys.get(surveyId), item);
    if (!answers) throw notAnItem(surveyId, item);
    return { item, ...gapToTarget(answers.spec.scale, answers.distribution, target, answers.method) };
  }

  /** One item's title and index (null before answers) with its number of answers. */
  async itemFigure(surveyId: string, item: string): Promise<ItemFigure> {
    const survey = await this.surveys.get(surveyId);
    const figure = await this.figureOf(survey, item);
    if (!figure) throw notAnItem(surveyId, item);
    return figure;
  }

  /**
   * The item's figure in the next survey of the same series that scored it (frozen, created
   * after this one): the effectiveness evidence domain.md section 5 names for a corrective
   * action raised from the item. Null until a later survey has answers for it.
   */
  async nextItemFigure(surveyId: string, item: string): Promise<{ survey: { id: string; title: string; period: string | null }; index: number | null; n: number } | null> {
    const survey = await this.surveys.get(surveyId);
    const later = await this.ds.getRepository(SurveyEntity).find({
      where: { series: survey.series, status: 'frozen', createdAt: MoreThan(survey.createdAt) },
      order: { createdAt: 'ASC' },
    });
    for (const next of later) {
      const figure = await this.figureOf(next, item);
      if (figure && figure.n > 0) return { survey: { id: next.id, title: next.title, period: next.period }, index: figure.index, n: figure.n };
    }
    return null;
  }

  /** Null when the survey's questionnaire has no such item. */
  private async figureOf(survey: SurveyEntity, item: string): Promise<ItemFigure | null> {
    const answers = await this.itemAnswers(survey, item);
    if (!answers) return null;
    const measure = measureItem(answers.spec.scale, answers.distribution, answers.method);
    return { survey, title: answers.spec.title, index: roundIndexOrNull(measure.index), n: measure.n };
  }

  private async itemAnswers(survey: SurveyEntity, item: string) {
    const spec = resolve(survey).items.get(item);
    if (!spec) return null;
    const distribution = (await this.distributions(survey.id, item))[item] ?? { counts: {}, notApplicable: 0 };
    return { spec, distribution, method: survey.questionnaire.indexMethod ?? DEFAULT_INDEX_METHOD };
  }

  /** Overall index of a survey, for composites. */
  async overallIndex(surveyId: string): Promise<number | null> {
    const survey = await this.surveys.get(surveyId);
    const q = resolve(survey);
    return scoreQuestionnaire(q.dimensions, await this.distributions(surveyId), survey.questionnaire.indexMethod ?? DEFAULT_INDEX_METHOD).index;
  }

  private async distributions(surveyId: string, item?: string): Promise<Distributions> {
    const rows: { item_key: string; level_key: string; n: unknown }[] = await this.ds.query(
      `SELECT item_key, level_key, n FROM answer_counts WHERE survey_id = ? AND slice_key = ?${item ? ' AND item_key = ?' : ''}`,
      item ? [surveyId, NONE, item] : [surveyId, NONE],
    );
    return toDistributions(rows);
  }

  private satisfaction(survey: SurveyEntity, q: ResolvedQuestionnaire, distributions: Distributions) {
    if (!q.overall) return null;
    const level = survey.questionnaire.satisfiedThreshold ?? (q.overall.scale.preset ? DEFAULT_SATISFIED_LEVEL[q.overall.scale.preset] : undefined);
    if (level === undefined) return null;
    return satisfactionRate(q.overall.scale, distributions[q.overall.key] ?? { counts: {} }, level);
  }

  private async sliceScores(surveyId: string, q: ResolvedQuestionnaire, method: typeof DEFAULT_INDEX_METHOD): Promise<SliceScores> {
    const rows: { slice_key: string; slice_value: string; item_key: string; level_key: string; n: unknown }[] = await this.ds.query(
      `SELECT slice_key, slice_value, item_key, level_key, n FROM answer_counts WHERE survey_id = ? AND slice_key <> ? ORDER BY slice_key, slice_value`,
      [surveyId, NONE],
    );
    const out: SliceScores = {};
    for (const [key, column] of Object.entries(SLICE_COLUMNS) as [SliceKey, string][]) {
      const bySlice = new Map<string, typeof rows>();
      for (const r of rows) if (r.slice_key === column) bySlice.set(r.slice_value, [...(bySlice.get(r.slice_value) ?? []), r]);
      if (!bySlice.size) continue;
      out[key] = [...bySlice.entries()].map(([slice, list]) => {
        const d = toDistributions(list);
        const respondents = Math.max(0, ...Object.values(d).map((x) => Object.values(x.counts).reduce((s, n) => s + n, 0) + x.notApplicable));
        return { slice, respondents, score: scoreQuestionnaire(q.dimensions, d, method) };
      });
    }
    return out;
  }

  /**
   * The previous survey of the same series (by creation), for change and significance.
   * Only a frozen one counts: a draft whose plan was never approved was never run.
   */
  private previous(survey: SurveyEntity): Promise<SurveyEntity | null> {
    return this.ds.getRepository(SurveyEntity).findOne({
      where: { series: survey.series, status: 'frozen', createdAt: LessThan(survey.createdAt) },
      order: { createdAt: 'DESC' },
    });
  }

  /**
   * Changes against the previous survey (domain.md §4): the items (flat, as before), the dimensions
   * and each slice kind (product type, region…), all scored with this survey's index method.
   */
  private async changes(
    q: ResolvedQuestionnaire,
    current: { distributions: Distributions; score: QuestionnaireScore; slices: SliceScores },
    previous: SurveyEntity,
    method: typeof DEFAULT_INDEX_METHOD,
  ) {
    const prevQ = resolve(previous);
    const [before, beforeSlices] = await Promise.all([this.distributions(previous.id), this.sliceScores(previous.id, prevQ, method)]);
    const now = current.distributions;
    // only items asked on the same scale both times can be compared
    const comparable = [...q.items.entries()].filter(([key, v]) => prevQ.items.get(key)?.scale.max === v.scale.max && before[key] && now[key]);
    const items = compareItems(comparable.map(([key, v]) => ({ key, scale: v.scale, current: now[key], previous: before[key] })), method);
    const bySlice = (list: SliceScore[] = []) => Object.fromEntries(list.map((s) => [s.slice, s.score.samples.overall]));
    return {
      previousSurveyId: previous.id,
      previousTitle: previous.title,
      ...items,
      dimensions: compareSamples(current.score.samples.dimensions, scoreQuestionnaire(prevQ.dimensions, before, method).samples.dimensions),
      slices: mapKinds(current.slices, (list, kind) => compareSamples(bySlice(list), bySlice(beforeSlices[kind]))),
    };
  }

  /**
   * Pearson moments of (dimension index, overall points) over respondents with
   * both, summed by the database in two passes (means, then centred sums) over
   * the weighted pairs of `score_pairs`.
   */
  private async drivers(surveyId: string, q: ResolvedQuestionnaire, dimensionIndex: Record<string, number | null>) {
    const rows: { dim: string; n: unknown; sxy: unknown; sxx: unknown; syy: unknown; flat: unknown }[] = await this.ds.query(
      `SELECT p.dimension_key AS dim, SUM(p.n) AS n,
              SUM(p.n * (p.idx - m.mx) * (p.overall - m.my)) AS sxy,
              SUM(p.n * (p.idx - m.mx) * (p.idx - m.mx)) AS sxx,
              SUM(p.n * (p.overall - m.my) * (p.overall - m.my)) AS syy,
              CASE WHEN MIN(p.idx) = MAX(p.idx) OR MIN(p.overall) = MAX(p.overall) THEN 1 ELSE 0 END AS flat
         FROM score_pairs p
         JOIN (SELECT dimension_key, SUM(n * idx) / SUM(n) AS mx, SUM(n * overall) / SUM(n) AS my
                 FROM score_pairs WHERE survey_id = ? GROUP BY dimension_key) m ON m.dimension_key = p.dimension_key
        WHERE p.survey_id = ?
        GROUP BY p.dimension_key`,
      [surveyId, surveyId],
    );
    const moments: Record<string, PairMoments> = {};
    for (const r of rows) moments[r.dim] = { n: Number(r.n), sxy: Number(r.sxy), sxx: Number(r.sxx), syy: Number(r.syy), constant: Number(r.flat) === 1 };
    return keyDriversFromMoments(q.dimensions.map((d) => d.key), moments, dimensionIndex);
  }
}

const notAnItem = (surveyId: string, item: string) => new NotFoundException(says(`${item} is not an item of survey ${surveyId}`, `${item} 不是调查 ${surveyId} 的题目`));

function resolve(survey: SurveyEntity): ResolvedQuestionnaire {
  const { resolved } = resolveQuestionnaire(survey.questionnaire);
  if (!resolved) throw new Error(`survey ${survey.id} has an invalid stored questionnaire`);
  return resolved;
}

function mapKinds<T>(slices: SliceScores, f: (list: SliceScore[], kind: SliceKey) => T): Partial<Record<SliceKey, T>> {
  return Object.fromEntries((Object.entries(slices) as [SliceKey, SliceScore[]][]).map(([kind, list]) => [kind, f(list, kind)]));
}

function mapSlices<T>(slices: SliceScores, f: (s: SliceScore) => T): Partial<Record<SliceKey, T[]>> {
  return mapKinds(slices, (list) => list.map(f));
}

function toDistributions(rows: { item_key: string; level_key: string; n: unknown }[]): Distributions {
  const out: Distributions = {};
  for (const r of rows) {
    const d = (out[r.item_key] ??= { counts: {}, notApplicable: 0 });
    if (r.level_key === NONE) d.notApplicable += Number(r.n);
    else d.counts[r.level_key] = (d.counts[r.level_key] ?? 0) + Number(r.n);
  }
  return out;
}

export type { Distribution };
export type SurveyResults = Awaited<ReturnType<ResultsService['results']>>;

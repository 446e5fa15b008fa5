import { Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, LessThan } from 'typeorm';
import {
  compareItems,
  DEFAULT_INDEX_METHOD,
  DEFAULT_SATISFIED_LEVEL,
  Distribution,
  gapToTarget,
  gradeFor,
  keyDrivers,
  lostPoints,
  lostPointsPareto,
  lowestItems,
  measureItem,
  satisfactionRate,
  scoreQuestionnaire,
} from '@satisflow/scoring';
import { SurveyEntity } from './entities/survey.entity';
import { resolveQuestionnaire, ResolvedQuestionnaire } from './questionnaire';
import { SurveysService } from './surveys.service';

/** Respondent attributes a survey can be sliced by (domain.md section 4, "Slices"). */
export const SLICE_COLUMNS = { productType: 'product_type', region: 'region', customerType: 'customer_type', site: 'site' } as const;
type SliceKey = keyof typeof SLICE_COLUMNS;

type Distributions = Record<string, { counts: Record<string, number>; notApplicable: number }>;

/**
 * A survey's figures. Counting happens in the database (GROUP BY item and
 * level, per slice, per respondent and dimension); the scoring library turns
 * the counts into indices, so memory grows with items and respondents'
 * dimension scores, never with the number of answers.
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
    const previous = await this.previous(survey);
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
      slices: await this.slices(surveyId, q, method),
      lowest: lowestItems(score.dimensions.flatMap((d) => d.items.map((i) => ({ ...i, dimension: d.key }))), 5),
      lostPoints: lostPointsPareto(itemRows.map((r) => ({ key: r.key, lostPoints: lostPoints(r.measure) }))),
      changes: previous ? await this.changes(q, distributions, previous, method) : null,
      drivers: q.overall ? await this.drivers(surveyId, q, score.dimensions.reduce<Record<string, number | null>>((acc, d) => ({ ...acc, [d.key]: d.index }), {})) : [],
    };
  }

  async gap(surveyId: string, item: string, target: number) {
    const survey = await this.surveys.get(surveyId);
    const q = resolve(survey);
    const spec = q.items.get(item);
    if (!spec) throw new NotFoundException(`${item} is not an item of survey ${surveyId}`);
    const distributions = await this.distributions(surveyId, item);
    const gap = gapToTarget(spec.scale, distributions[item] ?? { counts: {} }, target, survey.questionnaire.indexMethod ?? DEFAULT_INDEX_METHOD);
    return { item, ...gap };
  }

  /** Overall index of a survey, for composites. */
  async overallIndex(surveyId: string): Promise<number | null> {
    const survey = await this.surveys.get(surveyId);
    const q = resolve(survey);
    return scoreQuestionnaire(q.dimensions, await this.distributions(surveyId), survey.questionnaire.indexMethod ?? DEFAULT_INDEX_METHOD).index;
  }

  private async distributions(surveyId: string, item?: string): Promise<Distributions> {
    const rows: { item_key: string; level_key: string | null; n: unknown }[] = await this.ds.query(
      `SELECT item_key, level_key, COUNT(*) AS n FROM answers WHERE survey_id = ?${item ? ' AND item_key = ?' : ''} GROUP BY item_key, level_key`,
      item ? [surveyId, item] : [surveyId],
    );
    return toDistributions(rows.map((r) => ({ group: r.item_key, level: r.level_key, n: Number(r.n) })));
  }

  private satisfaction(survey: SurveyEntity, q: ResolvedQuestionnaire, distributions: Distributions) {
    if (!q.overall) return null;
    const level = survey.questionnaire.satisfiedThreshold ?? (q.overall.scale.preset ? DEFAULT_SATISFIED_LEVEL[q.overall.scale.preset] : undefined);
    if (level === undefined) return null;
    return satisfactionRate(q.overall.scale, distributions[q.overall.key] ?? { counts: {} }, level);
  }

  private async slices(surveyId: string, q: ResolvedQuestionnaire, method: typeof DEFAULT_INDEX_METHOD) {
    const out: Partial<Record<SliceKey, { slice: string; index: number | null; respondents: number }[]>> = {};
    for (const [key, column] of Object.entries(SLICE_COLUMNS) as [SliceKey, string][]) {
      const rows: { slice: string | null; item_key: string; level_key: string | null; n: unknown }[] = await this.ds.query(
        `SELECT r.${column} AS slice, a.item_key, a.level_key, COUNT(*) AS n
           FROM answers a JOIN responses s ON s.id = a.response_id JOIN recipients r ON r.id = s.recipient_id
          WHERE a.survey_id = ? AND r.${column} IS NOT NULL
          GROUP BY r.${column}, a.item_key, a.level_key`,
        [surveyId],
      );
      if (!rows.length) continue;
      const bySlice = new Map<string, { group: string; level: string | null; n: number }[]>();
      for (const r of rows) bySlice.set(r.slice!, [...(bySlice.get(r.slice!) ?? []), { group: r.item_key, level: r.level_key, n: Number(r.n) }]);
      out[key] = [...bySlice.entries()].map(([slice, list]) => {
        const d = toDistributions(list);
        const score = scoreQuestionnaire(q.dimensions, d, method);
        const respondents = Math.max(0, ...Object.values(d).map((x) => Object.values(x.counts).reduce((s, n) => s + n, 0) + x.notApplicable));
        return { slice, index: score.index, respondents, dimensions: score.dimensions.map((x) => ({ key: x.key, index: x.index })) };
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

  private async changes(q: ResolvedQuestionnaire, current: Distributions, previous: SurveyEntity, method: typeof DEFAULT_INDEX_METHOD) {
    const before = await this.distributions(previous.id);
    const prevItems = resolve(previous).items;
    // only items asked on the same scale both times can be compared
    const comparable = [...q.items.entries()].filter(([key, v]) => prevItems.get(key)?.scale.max === v.scale.max && before[key] && current[key]);
    const report = compareItems(comparable.map(([key, v]) => ({ key, scale: v.scale, current: current[key], previous: before[key] })), method);
    return { previousSurveyId: previous.id, previousTitle: previous.title, ...report };
  }

  private async drivers(surveyId: string, q: ResolvedQuestionnaire, dimensionIndex: Record<string, number | null>) {
    // Per respondent and dimension, the mean of item ratios (0..100) — one row per pair, computed by the database.
    const cases: string[] = [];
    const dimParams: unknown[] = [];
    const maxParams: unknown[] = [];
    for (const d of q.dimensions) for (const item of d.items) {
      cases.push('WHEN ? THEN ?');
      dimParams.push(item.key, d.key);
      maxParams.push(item.key, item.scale.max);
    }
    const overallKey = q.overall!.key;
    const rows: { response_id: string; dim: string | null; idx: unknown; overall: unknown }[] = await this.ds.query(
      `SELECT a.response_id,
              CASE a.item_key ${cases.join(' ')} END AS dim,
              AVG(a.points * 100.0 / CASE a.item_key ${cases.join(' ')} END) AS idx,
              NULL AS overall
         FROM answers a WHERE a.survey_id = ? AND a.points IS NOT NULL AND a.item_key <> ?
        GROUP BY a.response_id, dim
       UNION ALL
       SELECT a.response_id, NULL, NULL, a.points FROM answers a WHERE a.survey_id = ? AND a.item_key = ? AND a.points IS NOT NULL`,
      [...dimParams, ...maxParams, surveyId, overallKey, surveyId, overallKey],
    );
    const respondents = new Map<string, { overall: number | null; dimensions: Record<string, number | null> }>();
    for (const r of rows) {
      const entry = respondents.get(r.response_id) ?? { overall: null, dimensions: {} };
      if (r.dim === null) entry.overall = Number(r.overall);
      else entry.dimensions[r.dim] = Number(r.idx);
      respondents.set(r.response_id, entry);
    }
    return keyDrivers(q.dimensions.map((d) => d.key), [...respondents.values()], dimensionIndex);
  }
}

function resolve(survey: SurveyEntity): ResolvedQuestionnaire {
  const { resolved } = resolveQuestionnaire(survey.questionnaire);
  if (!resolved) throw new Error(`survey ${survey.id} has an invalid stored questionnaire`);
  return resolved;
}

function toDistributions(rows: { group: string; level: string | null; n: number }[]): Distributions {
  const out: Distributions = {};
  for (const r of rows) {
    const d = (out[r.group] ??= { counts: {}, notApplicable: 0 });
    if (r.level === null) d.notApplicable += r.n;
    else d.counts[r.level] = (d.counts[r.level] ?? 0) + r.n;
  }
  return out;
}

export type { Distribution };
export type SurveyResults = Awaited<ReturnType<ResultsService['results']>>;

import type { ResolvedQuestionnaire } from './questionnaire';

/**
 * Running tallies that let a survey be scored without touching its answers:
 * - `answer_counts`: answers per (survey, slice, item, level), for the whole
 *   survey (slice '' = '') and per respondent attribute (product type, region…);
 *   level '' = not applicable (real level keys are never empty).
 * - `score_pairs`: respondents per (survey, dimension, dimension index, overall
 *   points), the pairs the key-driver correlations are taken over. A
 *   respondent's dimension index is the mean item ratio 0..100, rounded to 9
 *   decimals so equal values always share a row; scales are discrete, so a
 *   survey has a few hundred pairs per dimension however many respondents.
 * Both are written in the transaction that stores a response, and can be
 * rebuilt from the answers at any time (`recountSurvey`), which gives exactly
 * the same rows: figures stay recomputable from the raw answers.
 * Plain SQL over a `query` function, so a migration can run it too.
 */
export interface SqlRunner {
  query(sql: string, params?: unknown[]): Promise<any>;
}

export type TallyDialect = 'mysql' | 'sqlite';

/** Respondent attributes a survey is sliced by: API name → recipients column (domain.md section 4, "Slices"). */
export const SLICE_COLUMNS = { productType: 'product_type', region: 'region', customerType: 'customer_type', site: 'site' } as const;

/** Marks "not applicable" and "whole survey" in key columns, which cannot hold NULL. */
export const NONE = '';

/** What the tallies need from a questionnaire: each dimension item's dimension and maximum points, and the overall item. */
export interface TallyLayout {
  items: { key: string; dimension: string; max: number }[];
  overallKey: string | null;
}

export function tallyLayout(q: ResolvedQuestionnaire): TallyLayout {
  return {
    items: q.dimensions.flatMap((d) => d.items.map((item) => ({ key: item.key, dimension: d.key, max: item.scale.max }))),
    overallKey: q.overall?.key ?? null,
  };
}

/** Adds stored responses' answers to the tallies (call in the transaction that inserted them). */
export async function tallyResponses(db: SqlRunner, dialect: TallyDialect, layout: TallyLayout, responseIds: string[]): Promise<void> {
  if (!responseIds.length) return;
  await addCounts(db, dialect, responseIds);
  await addScorePairs(db, dialect, layout, responseIds);
}

/**
 * Rebuilds a survey's tallies from its answers (backfill, bulk loads, and the
 * check that they match), a page of responses at a time through the same
 * path as each write, so no statement groups a million answers at once.
 */
export async function recountSurvey(db: SqlRunner, dialect: TallyDialect, layout: TallyLayout, surveyId: string): Promise<void> {
  await db.query('DELETE FROM answer_counts WHERE survey_id = ?', [surveyId]);
  await db.query('DELETE FROM score_pairs WHERE survey_id = ?', [surveyId]);
  for (let after = ''; ; ) {
    const page: { id: string }[] = await db.query('SELECT id FROM responses WHERE survey_id = ? AND id > ? ORDER BY id LIMIT ?', [surveyId, after, RECOUNT_PAGE]);
    if (!page.length) return;
    await tallyResponses(db, dialect, layout, page.map((r) => r.id));
    after = page[page.length - 1].id;
  }
}

const SLICES = Object.values(SLICE_COLUMNS);
const UPSERT_ROWS = 500; // 6 parameters a row stays far below SQLite's 32,766 bound variables
const RECOUNT_PAGE = 2000; // responses per step: a response id is one bound variable
const inList = (ids: string[]) => `(${ids.map(() => '?').join(', ')})`;

async function addCounts(db: SqlRunner, dialect: TallyDialect, responseIds: string[]): Promise<void> {
  // The finest grouping comes from the database (a few rows per item and level), the roll-up per slice here.
  const rows: Record<string, unknown>[] = await db.query(
    `SELECT a.survey_id, a.item_key, a.level_key, ${SLICES.map((c) => `r.${c}`).join(', ')}, COUNT(*) AS n
       FROM answers a JOIN responses s ON s.id = a.response_id JOIN recipients r ON r.id = s.recipient_id
      WHERE a.response_id IN ${inList(responseIds)}
      GROUP BY a.survey_id, a.item_key, a.level_key, ${SLICES.map((c) => `r.${c}`).join(', ')}`,
    responseIds,
  );
  const counts = new Map<string, [string, string, string, string, string, number]>();
  const add = (survey: string, slice: string, value: string, item: string, level: string, n: number) => {
    const key = JSON.stringify([survey, slice, value, item, level]);
    const row = counts.get(key);
    if (row) row[5] += n;
    else counts.set(key, [survey, slice, value, item, level, n]);
  };
  for (const r of rows) {
    const [survey, item, level, n] = [String(r.survey_id), String(r.item_key), r.level_key === null ? NONE : String(r.level_key), Number(r.n)];
    add(survey, NONE, NONE, item, level, n);
    for (const c of SLICES) if (r[c] !== null) add(survey, c, String(r[c]), item, level, n);
  }
  // Sorted by key, so concurrent writers lock shared rows in one order (no deadlock between two respondents).
  const sorted = [...counts.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, row]) => row);
  const onConflict =
    dialect === 'mysql'
      ? 'ON DUPLICATE KEY UPDATE n = n + VALUES(n)'
      : 'ON CONFLICT (survey_id, slice_key, slice_value, item_key, level_key) DO UPDATE SET n = n + excluded.n';
  for (let i = 0; i < sorted.length; i += UPSERT_ROWS) {
    const chunk = sorted.slice(i, i + UPSERT_ROWS);
    await db.query(
      `INSERT INTO answer_counts (survey_id, slice_key, slice_value, item_key, level_key, n) VALUES ${chunk.map(() => '(?, ?, ?, ?, ?, ?)').join(', ')} ${onConflict}`,
      chunk.flat(),
    );
  }
}

async function addScorePairs(db: SqlRunner, dialect: TallyDialect, layout: TallyLayout, responseIds: string[]): Promise<void> {
  // key drivers correlate dimensions with the overall item; without one there is nothing to pair
  if (!layout.items.length || !layout.overallKey) return;
  const when = (value: (item: TallyLayout['items'][number]) => unknown) => ({
    sql: `CASE a.item_key ${layout.items.map(() => 'WHEN ? THEN ?').join(' ')} END`,
    params: layout.items.flatMap((item) => [item.key, value(item)]),
  });
  const dimension = when((item) => item.dimension);
  const max = when((item) => item.max);
  const onConflict =
    dialect === 'mysql' ? 'ON DUPLICATE KEY UPDATE n = n + VALUES(n)' : 'ON CONFLICT (survey_id, dimension_key, idx, overall) DO UPDATE SET n = n + excluded.n';
  await db.query(
    `INSERT INTO score_pairs (survey_id, dimension_key, idx, overall, n)
     SELECT survey_id, dim, idx, overall, COUNT(*) FROM (
       SELECT a.survey_id, ${dimension.sql} AS dim, ROUND(AVG(a.points * 100.0 / ${max.sql}), 9) AS idx,
              (SELECT o.points FROM answers o WHERE o.response_id = a.response_id AND o.item_key = ?) AS overall
         FROM answers a
        WHERE a.response_id IN ${inList(responseIds)} AND a.points IS NOT NULL AND a.item_key IN ${inList(layout.items.map((i) => i.key))}
        GROUP BY a.survey_id, dim, a.response_id) respondent
      WHERE overall IS NOT NULL
      GROUP BY survey_id, dim, idx, overall
     ${onConflict}`,
    [...dimension.params, ...max.params, layout.overallKey, ...responseIds, ...layout.items.map((item) => item.key)],
  );
}

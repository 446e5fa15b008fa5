import type { DataSource } from 'typeorm';

const ITEMS_PER_DIMENSION = 4;
const DIMENSIONS = 5;
export const ITEMS = ITEMS_PER_DIMENSION * DIMENSIONS;

export const BENCH_QUESTIONNAIRE = {
  scale: 'ten-point',
  dimensions: Array.from({ length: DIMENSIONS }, (_, d) => ({
    key: `d${d}`,
    title: { zh: `维度${d}`, en: `Dimension ${d}` },
    items: Array.from({ length: ITEMS_PER_DIMENSION }, (_, i) => ({ key: `d${d}i${i}`, title: { zh: `小项${i}`, en: `Item ${i}` } })),
  })),
  overallItem: { key: 'overall', title: { zh: '总体满意度', en: 'Overall' } },
};

/**
 * Ascending ids in UUID shape: bulk rows then append to the primary-key trees
 * instead of landing on random pages, so loading a million answers takes
 * seconds. The application's own random ids are unaffected.
 */
const seqId = (kind: number, n: number) => `${String(kind).padStart(8, '0')}-0000-4000-8000-${String(n).padStart(12, '0')}`;

const PRODUCTS = ['pump', 'valve', 'motor', 'controller'];
const REGIONS = ['east', 'south', 'north', 'west'];

/** Respondents whose answers make `answers` answers (each answers every item and the overall item). */
export const respondentsFor = (answers: number) => Math.ceil(answers / (ITEMS + 1));

/**
 * Writes the answers of respondents `from`…`to`−1 (plus their recipients and
 * responses) for one survey in multi-row inserts, around the application: the
 * caller rebuilds the survey's tallies afterwards, as after any bulk load.
 */
export async function fillAnswers(ds: DataSource, surveyId: string, from: number, to: number): Promise<void> {
  const now = new Date().toISOString().slice(0, 23).replace('T', ' ');
  const batch = 250; // keeps a multi-row insert under SQLite's 32,766 bound variables
  for (let start = from; start < to; start += batch) {
    const count = Math.min(batch, to - start);
    const recipients: unknown[] = [];
    const responses: unknown[] = [];
    const answerRows: unknown[] = [];
    for (let r = 0; r < count; r++) {
      const n = start + r;
      const rid = seqId(1, n);
      const sid = seqId(2, n);
      recipients.push(rid, surveyId, `Customer ${n}`, PRODUCTS[n % 4], REGIONS[(n >> 2) % 4], 'phone', `${surveyId}:${n}`, 'answered', now);
      responses.push(sid, surveyId, rid, 'phone', now);
      const base = 5 + (n % 5);
      for (let d = 0; d < DIMENSIONS; d++) {
        for (let i = 0; i < ITEMS_PER_DIMENSION; i++) {
          const level = Math.min(10, Math.max(1, base + ((n + d * 3 + i) % 4) - 1));
          answerRows.push(sid, surveyId, `d${d}i${i}`, String(level), level);
        }
      }
      const overall = Math.min(10, base + 1);
      answerRows.push(sid, surveyId, 'overall', String(overall), overall);
    }
    const values = (cols: number, rows: number) => Array.from({ length: rows }, () => `(${Array(cols).fill('?').join(',')})`).join(',');
    await ds.transaction(async (m) => {
      await m.query(
        `INSERT INTO recipients (id, survey_id, name, product_type, region, channel, token_hash, status, created_at) VALUES ${values(9, count)}`,
        recipients,
      );
      await m.query(`INSERT INTO responses (id, survey_id, recipient_id, channel, created_at) VALUES ${values(5, count)}`, responses);
      await m.query(`INSERT INTO answers (response_id, survey_id, item_key, level_key, points) VALUES ${values(5, count * (ITEMS + 1))}`, answerRows);
    });
  }
}

import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { ResponsesService } from '@satisflow/surveys';
import { startTestApp, TestApp } from '../support/test-app';
import { api } from '../support/api';
import { VALID_PLAN } from '../support/fixtures';

const QUESTIONNAIRE = {
  scale: 'ten-point',
  dimensions: [
    { key: 'quality', title: { zh: '质量', en: 'Quality' }, items: [{ key: 'function', title: { zh: '功能', en: 'Function' } }, { key: 'looks', title: { zh: '外观', en: 'Looks' } }] },
    { key: 'service', title: { zh: '服务', en: 'Service' }, items: [{ key: 'response', title: { zh: '响应', en: 'Response' } }] },
  ],
  overallItem: { key: 'overall', title: { zh: '总体', en: 'Overall' } },
};
const RESPONDENTS = 24;

describe('answer tallies under concurrent answers', () => {
  let t: TestApp;
  let a: ReturnType<typeof api>;
  beforeAll(async () => {
    t = await startTestApp();
    a = api(t);
  });
  afterAll(() => t.close());

  it('answers typed in at the same time all land in the tallies, which equal a recount', async () => {
    const plan = await a.start('survey_manager', 'annual-satisfaction-survey', 'tallies');
    const survey = (await t.http.post('/api/v1/surveys').set(await a.auth('survey_manager')).send({ instanceId: plan.id, title: 'tallies', ...QUESTIONNAIRE }).expect(201)).body;
    const coordinator = await a.auth('coordinator');
    const recipients = Array.from({ length: RESPONDENTS }, (_, i) => ({ name: `C${i}`, channel: 'phone', productType: ['pump', 'valve', 'motor'][i % 3], region: i % 2 ? 'east' : 'west' }));
    const added = (await t.http.post(`/api/v1/surveys/${survey.id}/recipients`).set(coordinator).send({ recipients }).expect(201)).body as { id: string }[];
    await a.act('survey_manager', plan.id, { type: 'SUBMIT', data: VALID_PLAN });
    await a.act('approver', plan.id, { type: 'APPROVE', signature: a.sign('批准 / approved') });
    await t.http.post(`/api/v1/surveys/${survey.id}/dispatch`).set(coordinator).expect(200);

    const statuses = await Promise.all(
      added.map((r, i) =>
        t.http
          .post(`/api/v1/surveys/${survey.id}/responses`)
          .set(coordinator)
          .send({ recipientId: r.id, channel: 'phone', answers: { function: 5 + (i % 6), looks: i % 4 ? 8 : null, response: 6 + (i % 3), overall: 6 + (i % 5) } })
          .then((res) => res.status),
      ),
    );
    expect(statuses).toEqual(Array(RESPONDENTS).fill(201));

    const ds = t.app.get<DataSource>(getDataSourceToken());
    const tallies = async () => ({
      counts: (await ds.query('SELECT slice_key, slice_value, item_key, level_key, n FROM answer_counts WHERE survey_id = ?', [survey.id]))
        .map((r: Record<string, unknown>) => ({ ...r, n: Number(r.n) }))
        .sort((x: object, y: object) => JSON.stringify(x).localeCompare(JSON.stringify(y))),
      pairs: (await ds.query('SELECT dimension_key, idx, overall, n FROM score_pairs WHERE survey_id = ?', [survey.id]))
        .map((r: Record<string, unknown>) => ({ ...r, n: Number(r.n) }))
        .sort((x: object, y: object) => JSON.stringify(x).localeCompare(JSON.stringify(y))),
    });
    const incremental = await tallies();
    const functionAnswers = incremental.counts.filter((c: { slice_key: string; item_key: string }) => c.slice_key === '' && c.item_key === 'function');
    expect(functionAnswers.reduce((s: number, c: { n: number }) => s + c.n, 0)).toBe(RESPONDENTS);
    await t.app.get(ResponsesService).recount(survey.id);
    expect(await tallies()).toEqual(incremental);

    const results = (await t.http.get(`/api/v1/surveys/${survey.id}/results`).set(coordinator).expect(200)).body;
    expect(results.returned).toBe(RESPONDENTS);
    expect(results.slices.productType.map((s: { slice: string; respondents: number }) => [s.slice, s.respondents])).toEqual([
      ['motor', 8],
      ['pump', 8],
      ['valve', 8],
    ]);
  });
});

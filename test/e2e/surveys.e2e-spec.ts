import ExcelJS from 'exceljs';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { AnswerTallies1764000000500 } from '../../libs/persistence/src/migrations/1764000000500-answer-tallies';
import { reportHash } from '@satisflow/reports';
import { keyDrivers } from '@satisflow/scoring';
import { ResponsesService } from '@satisflow/surveys';
import { startTestApp, TestApp } from '../support/test-app';
import { api, DAY } from '../support/api';
import { VALID_PLAN } from '../support/fixtures';
import { startSmtpSink, SmtpSink } from '../support/smtp-sink';

const SURVEY = 'annual-satisfaction-survey';

/** Ten-point questionnaire: two dimensions, three items and an overall item (domain.md section 4). */
const QUESTIONNAIRE = {
  scale: 'ten-point',
  dimensions: [
    {
      key: 'quality',
      title: { zh: '产品质量', en: 'Product quality' },
      items: [
        { key: 'function', title: { zh: '功能', en: 'Function' } },
        { key: 'appearance', title: { zh: '外观', en: 'Appearance' } },
      ],
    },
    { key: 'service', title: { zh: '服务', en: 'Service' }, items: [{ key: 'response', title: { zh: '响应速度', en: 'Responsiveness' } }] },
  ],
  overallItem: { key: 'overallSatisfaction', title: { zh: '总体满意度', en: 'Overall satisfaction' } },
  targetReturnRate: 80,
};

/**
 * The main survey's 34 returns (of 40 sent → 85.0 %). `function` carries the
 * worked example of domain.md: 25 answers 6×2, 7×5, 8×15, 9×3 (index 77.6),
 * the other 9 respondents answer "not applicable".
 */
const FUNCTION_ANSWERS: (number | null)[] = [6, 6, ...Array(5).fill(7), ...Array(15).fill(8), 9, 9, 9, ...Array(9).fill(null)];
function answersOf(i: number): Record<string, number | null> {
  return { function: FUNCTION_ANSWERS[i], appearance: 8, response: i % 2 ? 9 : 7, overallSatisfaction: i % 3 ? 8 : 9 };
}

function customerCsv(rows: string[]): Buffer {
  return Buffer.from(`\uFEFFcode,name,email,phone,product_type,region\n${rows.join('\n')}\n`, 'utf8');
}

async function customerXlsx(rows: (string | null)[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet('客户');
  sheet.addRow(['客户编号', '客户名称', '邮箱', '电话', '产品类型', '区域']);
  for (const row of rows) sheet.addRow(row);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe('surveys over HTTP: customers, questionnaire, dispatch by e-mail, answers, results', () => {
  let t: TestApp;
  let a: ReturnType<typeof api>;
  let smtp: SmtpSink;
  beforeAll(async () => {
    smtp = await startSmtpSink();
    t = await startTestApp({ SMTP_URL: smtp.url });
    a = api(t);
  });
  afterAll(async () => {
    await t.close();
    await smtp.close();
  });

  const customerCount = async () => (await t.http.get('/api/v1/customers').set(await a.auth('coordinator')).expect(200)).body.length as number;
  const upload = async (user: string, path: string, file: Buffer, name: string) =>
    t.http.post(`/api/v1${path}`).set(await a.auth(user)).attach('file', file, name);

  describe('customer import', () => {
    it('imports a CSV and an XLSX file of customer service files', async () => {
      const csv = customerCsv(
        Array.from({ length: 30 }, (_, i) => {
          const n = String(i + 1).padStart(3, '0');
          return `C${n},客户${n},c${n}@example.com,0571-8800${n},${i % 2 ? '泵' : '阀门'},${i % 3 ? '华东' : '华南'}`;
        }),
      );
      const res = await upload('coordinator', '/customers/import', csv, 'customers.csv');
      expect(res.status).toBe(201);
      expect(res.body).toEqual({ imported: 30, created: 30, updated: 0 });

      const xlsx = await customerXlsx(
        Array.from({ length: 10 }, (_, i) => {
          const n = String(i + 31).padStart(3, '0');
          return [`C${n}`, `客户${n}`, i < 5 ? `c${n}@example.com` : null, `0571-8800${n}`, '阀门', '华北'];
        }),
      );
      const res2 = await upload('coordinator', '/customers/import', xlsx, 'customers.xlsx');
      expect(res2.status).toBe(201);
      expect(res2.body).toEqual({ imported: 10, created: 10, updated: 0 });
      expect(await customerCount()).toBe(40);
      // % and _ are what the user typed, not wildcards
      expect((await t.http.get('/api/v1/customers?search=%25').set(await a.auth('coordinator')).expect(200)).body).toEqual([]);
      expect((await t.http.get('/api/v1/customers?search=C_31').set(await a.auth('coordinator')).expect(200)).body).toEqual([]);
      const c31 = (await t.http.get('/api/v1/customers?search=C031').set(await a.auth('coordinator')).expect(200)).body;
      expect(c31).toEqual([expect.objectContaining({ code: 'C031', name: '客户031', email: 'c031@example.com', productType: '阀门', region: '华北' })]);
    });

    it('rejects a CSV with one bad row whole, naming the line, and changes nothing', async () => {
      const csv = customerCsv(['C001,改名的客户,c001@example.com,1,泵,华东', 'C101,新客户,new@example.com,2,泵,华东', 'C102,坏邮箱,not-an-email,3,泵,华东']);
      const res = await upload('coordinator', '/customers/import', csv, 'customers.csv');
      expect(res.status).toBe(400);
      expect(res.body.details).toEqual([expect.objectContaining({ line: 4, field: 'email', rule: 'isEmail' })]);
      expect(res.body.message).toContain('line 4');
      expect(await customerCount()).toBe(40);
      const c001 = (await t.http.get('/api/v1/customers?search=C001').set(await a.auth('coordinator'))).body;
      expect(c001[0].name).toBe('客户001');
    });

    it('rejects an XLSX with a row missing its name, naming the row', async () => {
      const res = await upload('coordinator', '/customers/import', await customerXlsx([['C201', '好客户', null, null, '泵', '华东'], ['C202', null, null, null, '泵', '华东']]), 'bad.xlsx');
      expect(res.status).toBe(400);
      expect(res.body.details).toEqual([expect.objectContaining({ line: 3, field: 'name', rule: 'required' })]);
      expect(await customerCount()).toBe(40);
    });

    it('updates existing customers in the columns the file has, keeping the others', async () => {
      const res = await upload('coordinator', '/customers/import', Buffer.from('code,name,fax\nC003,客户003,\n'), 'names.csv');
      expect(res.body).toEqual({ imported: 1, created: 0, updated: 1 });
      const c003 = (await t.http.get('/api/v1/customers?search=C003').set(await a.auth('coordinator')).expect(200)).body;
      expect(c003).toEqual([expect.objectContaining({ name: '客户003', email: 'c003@example.com', phone: '0571-8800003', productType: '阀门', region: '华东', fax: null })]);
    });

    it('reads a CSV that Excel or WPS saved in GBK (Chinese Windows), and refuses one in no encoding it knows', async () => {
      // 客户编号,客户名称,邮箱,电话,产品类型,区域 / C002,客户002,c002@example.com,0571-8800002转8,泵,华东 in GBK, no BOM
      const gbk = Buffer.from(
        'bfcdbba7b1e0bac52cbfcdbba7c3fbb3c62cd3cacfe42cb5e7bbb02cb2fac6b7c0e0d0cd2cc7f8d3f20d0a' +
          '433030322cbfcdbba73030322c63303032406578616d706c652e636f6d2c303537312d38383030303032d7aa382cb1c32cbbaab6ab0d0a',
        'hex',
      );
      const res = await upload('coordinator', '/customers/import', gbk, 'customers.csv');
      expect(res.status).toBe(201);
      expect(res.body).toEqual({ imported: 1, created: 0, updated: 1 });
      const c002 = (await t.http.get('/api/v1/customers?search=C002').set(await a.auth('coordinator')).expect(200)).body;
      expect(c002).toEqual([expect.objectContaining({ code: 'C002', name: '客户002', phone: '0571-8800002转8', productType: '泵', region: '华东' })]);

      const neither = await upload('coordinator', '/customers/import', Buffer.from('code,name\r\nC003,\xff\xfe\xff\r\n', 'latin1'), 'customers.csv');
      expect(neither.status).toBe(400);
      expect(neither.body.details).toEqual([expect.objectContaining({ field: 'file', rule: 'readable', message: expect.stringContaining('GBK') })]);
      expect(await customerCount()).toBe(40);
    });
  });

  /** The main survey (2026), the previous one for the 2027 survey's changes. */
  let planId: string;
  let surveyId: string;

  describe('one annual survey from plan to closed collection', () => {
    const tokenByEmail = new Map<string, string>();

    it('attaches a survey to the plan while planning and freezes it with the signed approval', async () => {
      const plan = await a.start('survey_manager', SURVEY, '2026 年度客户满意度调查');
      planId = plan.id;
      const created = await t.http
        .post('/api/v1/surveys')
        .set(await a.auth('survey_manager'))
        .send({ instanceId: planId, title: '2026 年度客户满意度调查', period: '2026', ...QUESTIONNAIRE });
      expect(created.status).toBe(201);
      expect(created.body).toMatchObject({ status: 'draft', targetReturnRate: 80, questionnaireHash: expect.stringMatching(/^[0-9a-f]{64}$/) });
      surveyId = created.body.id;

      const badScale = await t.http.post('/api/v1/surveys').set(await a.auth('survey_manager')).send({ instanceId: planId, title: 'x', ...QUESTIONNAIRE, scale: 'eleven-point' });
      expect(badScale.status).toBe(400);
      expect(badScale.body.details[0]).toMatchObject({ field: 'scale' });
      const weightless = QUESTIONNAIRE.dimensions.map((d) => ({ ...d, weight: 0 }));
      const zero = await t.http.post('/api/v1/surveys').set(await a.auth('survey_manager')).send({ instanceId: planId, title: 'x', ...QUESTIONNAIRE, dimensions: weightless });
      expect(zero.status).toBe(400);
      expect(zero.body.details).toEqual([expect.objectContaining({ field: 'dimensions', rule: 'weights' })]);
      const second = await t.http.post('/api/v1/surveys').set(await a.auth('coordinator')).send({ instanceId: planId, title: '第二份', ...QUESTIONNAIRE });
      expect(second.status).toBe(409);
      expect(second.body.message).toContain(surveyId);

      const sampled = await t.http.post(`/api/v1/surveys/${surveyId}/recipients/sample`).set(await a.auth('coordinator')).send({});
      expect(sampled.status).toBe(201);
      expect(sampled.body).toHaveLength(40);
      expect(sampled.body.filter((r: { channel: string }) => r.channel === 'email')).toHaveLength(35);
      expect(sampled.body[0].token).toMatch(/^[A-Za-z0-9_-]{32}$/);

      // each customer counts once in the return rate; a hand-entered recipient needs what its channel needs
      const coordinator = await a.auth('coordinator');
      const [c001] = (await t.http.get('/api/v1/customers?search=C001').set(coordinator)).body;
      const again = await t.http.post(`/api/v1/surveys/${surveyId}/recipients`).set(coordinator).send([{ customerId: c001.id, name: c001.name, channel: 'phone' }]);
      expect(again.status).toBe(409);
      expect(again.body.message).toContain('recipients.0.customerId');
      const unknown = await t.http.post(`/api/v1/surveys/${surveyId}/recipients`).set(coordinator).send([{ customerId: '00000000-0000-4000-8000-000000000000', name: 'x', channel: 'phone' }]);
      expect(unknown.status).toBe(404);
      const noAddress = await t.http.post(`/api/v1/surveys/${surveyId}/recipients`).set(coordinator).send([{ name: '无邮箱客户', channel: 'email' }]);
      expect(noAddress.status).toBe(400);
      expect(noAddress.body.details).toEqual([expect.objectContaining({ field: 'recipients.0.email', rule: 'requiredForChannel' })]);

      const early = await t.http.post(`/api/v1/surveys/${surveyId}/dispatch`).set(await a.auth('coordinator'));
      expect(early.status).toBe(422);

      await a.act('survey_manager', planId, { type: 'SUBMIT', data: VALID_PLAN });
      const approved = await a.act('approver', planId, { type: 'APPROVE', signature: a.sign('批准 / approved') });
      expect(approved.state).toBe('dispatching');
      const survey = (await t.http.get(`/api/v1/surveys/${surveyId}`).set(await a.auth('coordinator')).expect(200)).body;
      expect(survey).toMatchObject({ status: 'frozen', frozenAt: expect.any(String), questionnaireHash: created.body.questionnaireHash });
      // the signed approval records the questionnaire it approved, in the hash chain
      const trail = (await t.http.get(`/api/v1/instances/${planId}/history`).set(await a.auth('auditor'))).body;
      expect(trail.at(-1)).toMatchObject({ event: 'APPROVE', signatureMeaning: expect.any(String), data: { facts: { questionnaire: { surveyId, hash: created.body.questionnaireHash } } } });

      const late = await t.http.post('/api/v1/surveys').set(await a.auth('survey_manager')).send({ instanceId: planId, title: 'late', ...QUESTIONNAIRE });
      expect(late.status).toBe(422);
    });

    it('dispatches as coordinator: invitation e-mails with personal links reach the SMTP server, the plan collects', async () => {
      const asManager = await t.http.post(`/api/v1/surveys/${surveyId}/dispatch`).set(await a.auth('survey_manager'));
      expect(asManager.status).toBe(403);
      const res = await t.http.post(`/api/v1/surveys/${surveyId}/dispatch`).set(await a.auth('coordinator'));
      expect(res.status).toBe(200);
      expect(res.body).toEqual({ invited: 40, emails: 35, manual: 5 });
      expect((await a.get('coordinator', planId)).state).toBe('collecting');

      await a.runWorker();
      expect(smtp.mails).toHaveLength(35);
      for (const mail of smtp.mails) {
        const link = mail.text.match(/https?:\/\/[^\s/]+\/r\/([A-Za-z0-9_-]{16,64})/);
        expect(link).not.toBeNull();
        tokenByEmail.set(mail.to[0], link![1]);
      }
      expect(tokenByEmail.size).toBe(35);
      expect(smtp.mails[0].text).toContain('2026 年度客户满意度调查');
      expect(smtp.mails[0].headers['message-id']).toMatch(/@satisflow\.local>$/);
      const recipients = (await t.http.get(`/api/v1/surveys/${surveyId}/recipients`).set(await a.auth('coordinator')).expect(200)).body;
      expect(recipients.every((r: { status: string; followUpDueAt: string | null }) => r.status === 'invited' && r.followUpDueAt)).toBe(true);
    });

    it('serves the public form by personal link, accepts one answer per link', async () => {
      const token = tokenByEmail.get('c001@example.com')!;
      const zh = await t.http.get(`/r/${token}`).expect(200);
      expect(zh.headers['content-type']).toContain('text/html');
      expect(zh.text).toContain('lang="zh-CN"');
      expect(zh.text).toContain('提交问卷');
      expect(zh.text).toContain('功能');
      const en = await t.http.get(`/r/${token}?lang=en`).expect(200);
      expect(en.text).toContain('Submit');
      expect(en.text).toContain('Responsiveness');

      const wrongLevel = await t.http.post(`/api/v1/responses/${token}`).send({ answers: { function: 11 } });
      expect(wrongLevel.status).toBe(400);
      expect(wrongLevel.body.details[0]).toMatchObject({ field: 'answers.function', rule: 'level' });

      const first = await t.http.post(`/api/v1/responses/${token}`).send({ answers: answersOf(0), comment: '交货及时' });
      expect(first.status).toBe(201);
      const second = await t.http.post(`/api/v1/responses/${token}`).send({ answers: answersOf(0) });
      expect(second.status).toBe(409);
      const after = await t.http.get(`/r/${token}`).expect(200);
      expect(after.text).toContain('此问卷已提交');
      expect((await t.http.get(`/r/${token}?lang=en`)).text).toContain('already been answered');

      const unknown = await t.http.get('/r/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA');
      expect(unknown.status).toBe(404);
      expect(unknown.text).toContain('链接无效');
      expect((await t.http.post('/api/v1/responses/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA').send({ answers: answersOf(1) })).status).toBe(404);

      for (const i of [1, 2]) {
        const email = `c${String(i + 1).padStart(3, '0')}@example.com`;
        await t.http.post(`/api/v1/responses/${tokenByEmail.get(email)}`).send({ answers: answersOf(i) }).expect(201);
      }
    });

    it('takes a phone interview typed in by the coordinator, and refuses closing below the target return rate', async () => {
      const recipients = (await t.http.get(`/api/v1/surveys/${surveyId}/recipients`).set(await a.auth('coordinator'))).body;
      const phone = recipients.find((r: { channel: string }) => r.channel === 'phone');
      const entered = await t.http
        .post(`/api/v1/surveys/${surveyId}/responses`)
        .set(await a.auth('coordinator'))
        .send({ recipientId: phone.id, channel: 'phone', answers: answersOf(3), comment: '电话回访' });
      expect(entered.status).toBe(201);
      const again = await t.http.post(`/api/v1/surveys/${surveyId}/responses`).set(await a.auth('coordinator')).send({ recipientId: phone.id, channel: 'phone', answers: answersOf(3) });
      expect(again.status).toBe(409);

      const close = await a.send('coordinator', planId, { type: 'CLOSE_COLLECTION' });
      expect(close.status).toBe(422);
      expect(close.body.message).toContain('return rate');
    });

    it('reminds by e-mail with a fresh link that replaces the old one, and lists who to phone after 3 days', async () => {
      const auth = await a.auth('coordinator');
      const before = smtp.mails.length;
      const oldToken = tokenByEmail.get('c010@example.com')!;
      const res = await t.http.post(`/api/v1/surveys/${surveyId}/remind`).set(auth).expect(200);
      expect(res.body).toEqual({ reminded: 32 }); // 35 e-mail recipients, 3 answered
      await a.runWorker();
      const reminders = smtp.mails.slice(before);
      expect(reminders).toHaveLength(32);
      expect(reminders.every((m) => /\/r\/[A-Za-z0-9_-]{16,64}/.test(m.text))).toBe(true);
      const fresh = reminders.find((m) => m.to[0] === 'c010@example.com')!.text.match(/\/r\/([A-Za-z0-9_-]{16,64})/)![1];
      expect(fresh).not.toBe(oldToken);
      expect((await t.http.get(`/r/${oldToken}`)).status).toBe(404);
      expect((await t.http.get(`/r/${fresh}`)).status).toBe(200);

      expect((await t.http.get(`/api/v1/surveys/${surveyId}/follow-ups`).set(auth).expect(200)).body).toEqual([]);
      await a.advanceClock(3 * DAY);
      const due = (await t.http.get(`/api/v1/surveys/${surveyId}/follow-ups`).set(auth).expect(200)).body as { id: string; status: string }[];
      expect(due).toHaveLength(36); // 40 recipients, 4 answered
      const called = await t.http.post(`/api/v1/surveys/${surveyId}/recipients/${due[0].id}/follow-up`).set(auth).send({ note: '已电话联系，客户答应本周填写' }).expect(200);
      expect(called.body.status).toBe('followed_up');
      expect((await t.http.get(`/api/v1/surveys/${surveyId}/follow-ups`).set(auth)).body).toHaveLength(35);
    });

    it('imports an answer file all-or-nothing, then closes collection at the target without a waiver', async () => {
      const auth = await a.auth('coordinator');
      const recipients = (await t.http.get(`/api/v1/surveys/${surveyId}/recipients`).set(auth)).body as { id: string; status: string }[];
      const open = recipients.filter((r) => r.status !== 'answered').slice(0, 30);
      const rows = open.map((r, j) => {
        const x = answersOf(j + 4);
        // an empty channel cell takes the default (paper)
        return [r.id, `客户${j}`, j === 2 ? '' : 'paper', x.function ?? '', x.appearance, x.response, x.overallSatisfaction, j === 0 ? '"价格偏高, 希望优惠"' : ''].join(',');
      });
      // item keys are matched whatever the header's case; `name` is for the reader only
      const header = 'Recipient ID,name,channel,function,appearance,response,OverallSatisfaction,comment';
      const bad = [...rows];
      bad[1] = bad[1].replace(',paper,', ',pigeon,');
      const rejected = await upload('coordinator', `/surveys/${surveyId}/responses/import`, Buffer.from([header, ...bad].join('\r\n')), 'answers.csv');
      expect(rejected.status).toBe(400);
      expect(rejected.body.details).toEqual([expect.objectContaining({ line: 3, field: 'channel' })]);
      const stillFour = (await t.http.get(`/api/v1/surveys/${surveyId}/results`).set(auth).expect(200)).body;
      expect(stillFour.returned).toBe(4);

      const imported = await upload('coordinator', `/surveys/${surveyId}/responses/import`, Buffer.from([header, ...rows].join('\r\n')), 'answers.csv');
      expect(imported.status).toBe(201);
      expect(imported.body).toEqual({ imported: 30 });

      const closed = await a.act('coordinator', planId, { type: 'CLOSE_COLLECTION' });
      expect(closed.state).toBe('reportDrafting');
      // after dispatch nobody joins: a late recipient would never be invited, yet sit on the survey
      for (const path of ['recipients', 'recipients/sample']) {
        const late = await t.http.post(`/api/v1/surveys/${surveyId}/${path}`).set(await a.auth('coordinator')).send(path === 'recipients' ? [{ name: '迟到客户', channel: 'phone' }] : {});
        expect(late.status).toBe(422);
      }
      expect(closed.data.collection).toMatchObject({ returnRate: 85, targetReturnRate: 80, waived: false });
      // the figures the gate decided on are in the hashed audit record, not only in the instance's mutable data
      const trail = (await t.http.get(`/api/v1/instances/${planId}/history`).set(await a.auth('auditor'))).body;
      expect(trail.at(-1)).toMatchObject({ event: 'CLOSE_COLLECTION', data: { facts: { surveyId, sent: 40, returned: 34, returnRate: 85, targetReturnRate: 80 } } });
    });

    it('reproduces the worked figures: return rate 85.0, item index 77.6, 6 respondents to move', async () => {
      const auth = await a.auth('coordinator');
      const results = (await t.http.get(`/api/v1/surveys/${surveyId}/results`).set(auth).expect(200)).body;
      expect(results).toMatchObject({ sent: 40, returned: 34, returnRate: 85 });
      const quality = results.dimensions.find((d: { key: string }) => d.key === 'quality');
      const fn = quality.items.find((i: { key: string }) => i.key === 'function');
      expect(fn).toMatchObject({ index: 77.6, n: 25, distribution: { counts: { 6: 2, 7: 5, 8: 15, 9: 3 }, notApplicable: 9 } });
      expect(results.overall.index).toEqual(expect.any(Number));
      expect(results.satisfactionRate).toMatchObject({ rate: 100 });
      expect(results.lowest[0].key).toBe('function');
      expect(results.slices.productType.map((s: { slice: string }) => s.slice).sort()).toEqual(['泵', '阀门']);
      expect(results.drivers).toHaveLength(2);

      const gap = (await t.http.get(`/api/v1/surveys/${surveyId}/gap?item=function&target=80`).set(auth).expect(200)).body;
      expect(gap).toEqual({ item: 'function', index: 77.6, target: 80, respondentsToMove: 6 });
      expect((await t.http.get(`/api/v1/surveys/${surveyId}/gap?item=nope&target=80`).set(auth)).status).toBe(404);
      expect((await t.http.get(`/api/v1/surveys/${surveyId}/gap?item=function&target=120`).set(auth)).status).toBe(400);
    });

    it('keeps the answer tallies equal to a recount and to the migration backfill; drivers equal scoring every respondent', async () => {
      const ds = t.app.get<DataSource>(getDataSourceToken());
      const tallies = async () => ({
        counts: (await ds.query('SELECT slice_key, slice_value, item_key, level_key, n FROM answer_counts WHERE survey_id = ?', [surveyId]))
          .map((r: Record<string, unknown>) => ({ ...r, n: Number(r.n) }))
          .sort((x: object, y: object) => JSON.stringify(x).localeCompare(JSON.stringify(y))),
        pairs: (await ds.query('SELECT dimension_key, idx, overall, n FROM score_pairs WHERE survey_id = ?', [surveyId]))
          .map((r: Record<string, unknown>) => ({ ...r, n: Number(r.n) }))
          .sort((x: object, y: object) => JSON.stringify(x).localeCompare(JSON.stringify(y))),
      });
      const incremental = await tallies();
      // every one of the 34 respondents pairs an overall answer with each dimension
      for (const d of ['quality', 'service']) {
        expect(incremental.pairs.filter((p: { dimension_key: string }) => p.dimension_key === d).reduce((s: number, p: { n: number }) => s + p.n, 0)).toBe(34);
      }
      // whole-survey counts agree with counting the answers themselves
      const raw: { item_key: string; level_key: string | null; n: unknown }[] = await ds.query(
        'SELECT item_key, level_key, COUNT(*) AS n FROM answers WHERE survey_id = ? GROUP BY item_key, level_key',
        [surveyId],
      );
      const whole = incremental.counts.filter((c: { slice_key: string }) => c.slice_key === '');
      expect(whole).toHaveLength(raw.length);
      for (const r of raw) expect(whole).toContainEqual({ slice_key: '', slice_value: '', item_key: r.item_key, level_key: r.level_key ?? '', n: Number(r.n) });

      await t.app.get(ResponsesService).recount(surveyId);
      expect(await tallies()).toEqual(incremental);

      const runner = ds.createQueryRunner();
      try {
        await runner.query('DROP TABLE answer_counts');
        await runner.query('DROP TABLE score_pairs');
        await new AnswerTallies1764000000500().up(runner);
      } finally {
        await runner.release();
      }
      expect(await tallies()).toEqual(incremental);

      // key drivers from the database's moments = the pure function over every respondent's raw answers
      const results = (await t.http.get(`/api/v1/surveys/${surveyId}/results`).set(await a.auth('coordinator')).expect(200)).body;
      const answers: { response_id: string; item_key: string; points: number | null }[] = await ds.query('SELECT response_id, item_key, points FROM answers WHERE survey_id = ?', [surveyId]);
      const dimensionOf: Record<string, string> = { function: 'quality', appearance: 'quality', response: 'service' };
      const byResponse = new Map<string, { overall: number | null; ratios: Record<string, number[]> }>();
      for (const x of answers) {
        const entry = byResponse.get(x.response_id) ?? { overall: null, ratios: {} };
        if (x.points !== null && x.item_key === 'overallSatisfaction') entry.overall = Number(x.points);
        else if (x.points !== null) (entry.ratios[dimensionOf[x.item_key]] ??= []).push((Number(x.points) * 100) / 10);
        byResponse.set(x.response_id, entry);
      }
      const respondents = [...byResponse.values()].map((e) => ({
        overall: e.overall,
        dimensions: Object.fromEntries(Object.entries(e.ratios).map(([d, v]) => [d, v.reduce((s, n) => s + n, 0) / v.length])),
      }));
      const index = Object.fromEntries(results.dimensions.map((d: { key: string; index: number }) => [d.key, d.index]));
      expect(results.drivers).toEqual(keyDrivers(['quality', 'service'], respondents, index));
      expect(results.drivers.every((d: { correlation: number | null }) => d.correlation !== null)).toBe(true);
    });

    it('combines weighted sources 60/20/20 with complaint and incident deductions', async () => {
      const auth = await a.auth('survey_manager');
      const overall = (await t.http.get(`/api/v1/surveys/${surveyId}/results`).set(auth)).body.overall.index as number;
      const linked = await t.http
        .post('/api/v1/composites')
        .set(auth)
        .send({
          title: '2026 综合满意度',
          period: '2026',
          sources: [
            { key: 'questionnaire', weight: 60, surveyId },
            { key: 'visits', weight: 20, score: 90 },
            { key: 'keyAccount', weight: 20, score: 80 },
          ],
          generalComplaints: 25,
        });
      expect(linked.status).toBe(201);
      expect(linked.body.sources[0]).toMatchObject({ key: 'questionnaire', score: overall, share: 0.6 });
      expect(linked.body.deductions).toEqual({ generalComplaints: 25, majorIncidents: 0, points: 0.4 });
      expect(linked.body.final).toBeCloseTo(0.6 * overall + 34 - 0.4, 1);

      const plain = await t.http
        .post('/api/v1/composites')
        .set(auth)
        .send({ title: '事故年', sources: [{ key: 'q', weight: 60, score: 80 }, { key: 'v', weight: 20, score: 90 }, { key: 'k', weight: 20, score: 70 }], generalComplaints: 10, majorIncidents: 1 });
      expect(plain.body).toMatchObject({ weightedScore: 80, deductions: { points: 50.2 }, final: 29.8, grade: { key: expect.any(String) } });
      const fetched = (await t.http.get(`/api/v1/composites/${plain.body.id}`).set(auth).expect(200)).body;
      expect(fetched).toEqual(plain.body);
    });
    // the counts taken from the complaint procedure: test/e2e/composite-complaints.e2e-spec.ts
  });

  describe('a survey closed below target on a waiver, and its analysis report', () => {
    let plan2: string;
    let survey2: string;

    it('refuses closing, takes a waiver request with a reason, the approver signs, then closes', async () => {
      // a draft whose plan is never approved must not become the "previous survey" of the next one
      const abandoned = await a.start('survey_manager', SURVEY, '未批准的计划');
      await t.http.post('/api/v1/surveys').set(await a.auth('survey_manager')).send({ instanceId: abandoned.id, title: '未批准', ...QUESTIONNAIRE }).expect(201);
      plan2 = (await a.start('survey_manager', SURVEY, '2027 年度客户满意度调查')).id;
      survey2 = (
        await t.http.post('/api/v1/surveys').set(await a.auth('survey_manager')).send({ instanceId: plan2, title: '2027 年度客户满意度调查', period: '2027年度', ...QUESTIONNAIRE }).expect(201)
      ).body.id;
      // the bare array of api.md (the console sends { recipients: [...] }, which the other suites use)
      const added = await t.http
        .post(`/api/v1/surveys/${survey2}/recipients`)
        .set(await a.auth('coordinator'))
        .send(['甲', '乙', '丙', '丁'].map((name, i) => ({ name: `${name}公司`, phone: `1380000000${i}`, productType: i % 2 ? '泵' : '阀门', channel: 'phone' })));
      expect(added.status).toBe(201);
      const bad = await t.http.post(`/api/v1/surveys/${survey2}/recipients`).set(await a.auth('coordinator')).send([{ name: '戊公司', channel: 'pigeon' }]);
      expect(bad.status).toBe(400);
      expect(bad.body.details).toEqual([expect.objectContaining({ field: 'recipients.0.channel', rule: 'isIn' })]);
      // the plan signs a 60 % target where the questionnaire said 80: the signed one holds from the approval on
      await a.act('survey_manager', plan2, { type: 'SUBMIT', data: { plan: { ...VALID_PLAN.plan, targetReturnRate: 60 } } });
      await a.act('approver', plan2, { type: 'APPROVE', signature: a.sign('批准 / approved') });
      expect((await t.http.get(`/api/v1/surveys/${survey2}`).set(await a.auth('coordinator')).expect(200)).body).toMatchObject({ status: 'frozen', targetReturnRate: 60 });
      const sent = await t.http.post(`/api/v1/surveys/${survey2}/dispatch`).set(await a.auth('coordinator')).expect(200);
      expect(sent.body).toEqual({ invited: 4, emails: 0, manual: 4 });
      for (const [i, r] of added.body.slice(0, 2).entries()) {
        await t.http
          .post(`/api/v1/surveys/${survey2}/responses`)
          .set(await a.auth('coordinator'))
          .send({ recipientId: r.id, channel: 'phone', answers: answersOf(10 + i), ...(i ? { comment: '=包装破损 / damaged packaging' } : {}) })
          .expect(201);
      }
      expect((await a.send('coordinator', plan2, { type: 'CLOSE_COLLECTION' })).status).toBe(422);
      expect((await a.send('coordinator', plan2, { type: 'REQUEST_WAIVER' })).status).toBe(422);
      const asked = await a.act('coordinator', plan2, { type: 'REQUEST_WAIVER', comment: '两家客户停产，无法联系 / two customers closed down' });
      expect(asked.state).toBe('waiverApproval');
      expect((await a.send('approver', plan2, { type: 'APPROVE' })).status).toBe(422);
      const granted = await a.act('approver', plan2, { type: 'APPROVE', signature: a.sign('批准豁免 / waiver approved') });
      expect(granted.state).toBe('collecting');
      const closed = await a.act('coordinator', plan2, { type: 'CLOSE_COLLECTION' });
      expect(closed.state).toBe('reportDrafting');
      expect(closed.data.collection).toMatchObject({ returnRate: 50, targetReturnRate: 60, waived: true });
      // a customer who had not answered finds the survey closed, in words meant for a customer
      const token = added.body[3].token;
      const page = await t.http.get(`/r/${token}`).expect(200);
      expect(page.text).toContain('此问卷目前不接受答卷');
      expect(page.text).not.toContain('<form');
      const refused = await t.http.post(`/api/v1/responses/${token}`).send({ answers: answersOf(0) });
      expect(refused.status).toBe(422);
      expect(refused.body.message).toBe('this survey is not taking answers now / 此问卷目前不接受答卷');
    });

    it('builds the analysis report live while drafting: results, special figures against 2026, comments', async () => {
      const report = (await t.http.get(`/api/v1/surveys/${survey2}/report`).set(await a.auth('coordinator')).expect(200)).body;
      expect(report.frozen).toBeNull();
      expect(report.figures).toMatchObject({ sent: 4, returned: 2, returnRate: 50, waived: true });
      expect(report.results.rows).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ level: 'dimension', key: 'quality', title: { zh: '产品质量', en: 'Product quality' } }),
          expect.objectContaining({ level: 'item', dimension: 'quality', key: 'function', n: 2 }),
        ]),
      );
      expect(report.results.productTypes.map((p: { slice: string }) => p.slice).sort()).toEqual(['泵', '阀门']);
      expect(report.special.previous).toEqual({ surveyId, title: '2026 年度客户满意度调查' });
      // domain.md §2 step 7 (b), §4: each dimension's, sub-item's and product's change, with the 95 % margin where both samples have one
      const { changes } = report.special;
      const row = (key: string, current: number, previous: number, delta: number, marginOfError: number | null, significant: boolean | null) =>
        ({ key, current, previous, delta, marginOfError, significant });
      expect(changes.dimensions.changes).toEqual([row('quality', 80, 78.8, 1.2, 1.5, false), row('service', 80, 80, 0, 19.9, false)]);
      expect(changes.items.changes.map((c: { key: string }) => c.key)).toEqual(['function', 'appearance', 'response', 'overallSatisfaction']);
      expect(changes.items.largestFall).toEqual(row('overallSatisfaction', 80, 83.5, -3.5, 1.6, true));
      // one respondent per product this time: a change, but no margin to test it against
      expect(changes.products.changes).toEqual([row('泵', 85, 75.3, 9.7, null, null), row('阀门', 75, 82.7, -7.7, null, null)]);
      expect([changes.dimensions.largestRise.key, changes.dimensions.smallestRise.key, changes.dimensions.largestFall]).toEqual(['quality', 'quality', null]);
      expect([changes.products.smallestRise.key, changes.products.smallestFall.key]).toEqual(['泵', '阀门']);
      // the results carry the same comparison, for every slice kind
      const results = (await t.http.get(`/api/v1/surveys/${survey2}/results`).set(await a.auth('coordinator')).expect(200)).body;
      expect(results.changes.dimensions.changes).toEqual(changes.dimensions.changes);
      expect(results.changes.slices.productType.changes.map((c: { key: string }) => c.key).sort()).toEqual(['泵', '阀门']);
      expect(report.special.lowestItems[0].level).toBe('item');
      expect(report.focus.comments).toEqual([expect.objectContaining({ customer: '乙公司', channel: 'phone', productType: '泵', comment: '=包装破损 / damaged packaging' })]);
      expect(report.conclusions).toEqual({ conclusions: [], proposals: [] });
    });

    it('freezes the report with a content hash when it goes to review, and a redraft freezes a new revision', async () => {
      const draft = {
        conclusions: ['总体满意度稳定，功能项低于目标 / overall stable, function below target'],
        proposals: ['改进包装 / improve packaging'],
        findings: [{ title: '包装破损 / damaged packaging', detail: '乙公司两批次', productQuality: true, important: false }],
      };
      await a.act('coordinator', plan2, { type: 'SUBMIT', data: draft });
      const auth = await a.auth('survey_manager');
      const frozen = (await t.http.get(`/api/v1/surveys/${survey2}/report`).set(auth).expect(200)).body;
      expect(frozen.frozen).toMatchObject({ revision: 1, hash: expect.stringMatching(/^[0-9a-f]{64}$/) });
      const { frozen: stamp, ...content } = frozen;
      expect(reportHash(content)).toBe(stamp.hash);
      expect(frozen.conclusions).toEqual({ conclusions: draft.conclusions, proposals: draft.proposals });
      expect(frozen.focus.findings).toEqual(draft.findings);
      expect((await t.http.get(`/api/v1/surveys/${survey2}/report`).set(auth)).body.frozen).toEqual(stamp);

      await a.act('survey_manager', plan2, { type: 'REJECT', comment: '补充产品分析 / add the product analysis' });
      expect((await t.http.get(`/api/v1/surveys/${survey2}/report`).set(auth)).body.frozen).toBeNull();
      await a.act('coordinator', plan2, { type: 'SUBMIT', data: { ...draft, proposals: [...draft.proposals, '泵类回访 / call back pump customers'] } });
      const second = (await t.http.get(`/api/v1/surveys/${survey2}/report`).set(auth)).body;
      expect(second.frozen).toMatchObject({ revision: 2 });
      expect(second.frozen.hash).not.toBe(stamp.hash);
    });

    it('renders the frozen report as PDF with an embedded Chinese font, as XLSX and as CSV with a BOM', async () => {
      // the reviewer signs revision 2: the documents say who signed it
      await a.act('survey_manager', plan2, { type: 'APPROVE', signature: a.sign('审核通过 / reviewed') });
      const auth = await a.auth('approver');
      const json = (await t.http.get(`/api/v1/surveys/${survey2}/report`).set(auth).expect(200)).body;
      expect(json.frozen).toMatchObject({ revision: 2, signatures: [{ meaning: '审核通过 / reviewed', by: 'survey_manager', role: 'survey_manager', at: expect.any(String) }] });
      const binary = (res: import('superagent').Response, cb: (err: Error | null, body: Buffer) => void) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => cb(null, Buffer.concat(chunks)));
      };
      const pdf = await t.http.get(`/api/v1/surveys/${survey2}/report?format=pdf`).set(auth).buffer(true).parse(binary).expect(200);
      expect(pdf.headers['content-type']).toBe('application/pdf');
      // the period is Chinese: the name travels as RFC 8187 UTF-8, with an ASCII stand-in for old clients
      expect(pdf.headers['content-disposition']).toBe(
        `attachment; filename="survey-report-2027__-r2.pdf"; filename*=UTF-8''${encodeURIComponent('survey-report-2027年度-r2.pdf')}`,
      );
      const pdfText = (pdf.body as Buffer).toString('latin1');
      expect(pdfText.startsWith('%PDF-')).toBe(true);
      expect(pdfText).toContain('/FontFile2');
      expect(pdfText).toMatch(/\/BaseFont \/[A-Z]{6}\+NotoSansSC/);

      const xlsx = await t.http.get(`/api/v1/surveys/${survey2}/report?format=xlsx`).set(auth).buffer(true).parse(binary).expect(200);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(xlsx.body);
      const results = wb.getWorksheet('结果')!;
      expect(results.getRow(1).getCell(3).text).toBe('代码');
      const keys: string[] = [];
      results.eachRow((row, n) => n > 1 && keys.push(row.getCell(3).text));
      expect(keys).toEqual(['quality', 'function', 'appearance', 'service', 'response']);
      const index = results.getRow(2).getCell(5);
      expect(typeof index.value).toBe('number');
      expect(index.numFmt).toBe('0.0');
      expect(wb.getWorksheet('顾客意见')!.getRow(2).getCell(5).text).toBe('=包装破损 / damaged packaging');

      const csv = await t.http.get(`/api/v1/surveys/${survey2}/report?format=csv&lang=en`).set(auth).buffer(true).parse(binary).expect(200);
      expect(csv.headers['content-type']).toContain('text/csv');
      const text = (csv.body as Buffer).toString('utf8');
      expect(text.charCodeAt(0)).toBe(0xfeff);
      const lines = text.slice(1).split('\r\n');
      expect(lines[0]).toBe('2027 年度客户满意度调查 — Customer satisfaction survey analysis report');
      expect(lines).toContain('Level,Item,Key,Name,Index,Valid answers,Not applicable');
      // indices and percentages with one decimal, as domain.md prints them
      expect(lines).toContain('Return rate %,50.0');
      expect(lines.find((l) => l.startsWith('Signed,'))).toMatch(/^Signed,审核通过 \/ reviewed — survey_manager \d{4}-\d\d-\d\d \d\d:\d\d UTC$/);
      expect(lines.find((l) => l.startsWith('Sub-item,quality,function,Function,'))).toBeDefined();
      expect(lines).toContain("乙公司,Phone interview,泵,,'=包装破损 / damaged packaging");
      // the comparison: a table per level, then what rose or fell most and least, named by title as the other tables do
      expect(lines).toEqual(expect.arrayContaining(['Item changes', 'quality,Product quality,80.0,78.8,1.2,1.5,no', 'Sub-item changes', 'Product changes']));
      expect(lines).toEqual(
        expect.arrayContaining([
          'Rose or fell most and least',
          'Level,Movement,Key,Name,Current,Previous,Change,Margin ±,Significant',
          'Item,Rose most,quality,Product quality,80.0,78.8,1.2,1.5,no',
          'Sub-item,Rose least,function,Function,80.0,77.6,2.4,3.1,no',
          'Sub-item,Fell most,overallSatisfaction,overallSatisfaction,80.0,83.5,-3.5,1.6,yes',
          'Product type,Fell least,阀门,阀门,75.0,82.7,-7.7,,',
        ]),
      );
      expect(wb.getWorksheet('项目变化')!.getRow(2).getCell(2).text).toBe('产品质量');
      expect(wb.getWorksheet('升降最多与最少')!.getRow(2).values).toEqual([undefined, '项目', '上升最多', 'quality', '产品质量', 80, 78.8, 1.2, 1.5, '否']);
    });

    it('refuses to show a frozen report whose content was changed in the database after freezing', async () => {
      const auth = await a.auth('auditor');
      const ds = t.app.get<DataSource>(getDataSourceToken());
      // straight SQL, as someone with database access would: the return rate 50 % made to read 90 %
      await ds.query(`UPDATE survey_reports SET content = REPLACE(content, '"returnRate":50', '"returnRate":90') WHERE survey_id = ?`, [survey2]);
      for (const format of ['json', 'pdf']) {
        const res = await t.http.get(`/api/v1/surveys/${survey2}/report?format=${format}`).set(auth);
        expect(res.status).toBe(409);
        expect(res.body.message).toContain('no longer matches its SHA-256 stamp');
      }
      // content and stamp rewritten together: the reviewer's signed record still holds the hash signed
      const [row] = await ds.query('SELECT content FROM survey_reports WHERE survey_id = ? AND revision = 2', [survey2]);
      const forged = JSON.parse(row.content);
      await ds.query('UPDATE survey_reports SET content = ?, content_hash = ? WHERE survey_id = ? AND revision = 2', [JSON.stringify(forged), reportHash(forged), survey2]);
      const res = await t.http.get(`/api/v1/surveys/${survey2}/report`).set(auth);
      expect(res.status).toBe(409);
      expect(res.body.message).toContain('is not the one survey_manager signed');
      const history = (await t.http.get(`/api/v1/instances/${plan2}/history`).set(auth)).body;
      expect(history.at(-1)).toMatchObject({ event: 'APPROVE', data: { facts: { report: { revision: 2, hash: expect.stringMatching(/^[0-9a-f]{64}$/) } } } });
    });
  });
});

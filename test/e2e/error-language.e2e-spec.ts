import { startTestApp, TestApp } from '../support/test-app';
import { api } from '../support/api';
import { QUESTIONNAIRE, VALID_PLAN } from '../support/fixtures';

const ZH = { 'Accept-Language': 'zh-CN' };
const UNKNOWN = '00000000-0000-4000-8000-000000000000';

/**
 * The survey module's refusals in the caller's language: Chinese when Accept-Language
 * asks for it, English otherwise, for the message and for each entry of `details`.
 */
describe('survey errors in the language the caller asks for', () => {
  let t: TestApp;
  let a: ReturnType<typeof api>;
  let planId: string;
  let surveyId: string;
  beforeAll(async () => {
    t = await startTestApp();
    a = api(t);
    planId = (await a.start('survey_manager', 'annual-satisfaction-survey', '2026 年度客户满意度调查')).id;
    surveyId = (await a.attachSurvey(planId)).id;
  });
  afterAll(async () => {
    await t.close();
  });

  const upload = async (path: string, file: string, headers: Record<string, string> = {}) =>
    t.http.post(`/api/v1${path}`).set({ ...(await a.auth('coordinator')), ...headers }).attach('file', Buffer.from(file, 'utf8'), 'file.csv');

  it('a 404 for an unknown survey, and a 400 for a malformed id', async () => {
    const auth = await a.auth('coordinator');
    expect((await t.http.get(`/api/v1/surveys/${UNKNOWN}`).set(auth).expect(404)).body.message).toBe(`survey ${UNKNOWN} not found`);
    expect((await t.http.get(`/api/v1/surveys/${UNKNOWN}`).set({ ...auth, ...ZH }).expect(404)).body.message).toBe(`调查 ${UNKNOWN} 不存在`);
    const badId = await t.http.get('/api/v1/surveys/not-a-uuid').set({ ...auth, ...ZH }).expect(400);
    expect(badId.body).toMatchObject({ message: '校验未通过：id（isUuid）', details: [{ field: 'id', rule: 'isUuid', message: 'id 须为 UUID' }] });
  });

  it('a 409 and a 422 from the survey service', async () => {
    const second = (headers: Record<string, string>) => t.http.post('/api/v1/surveys').set(headers).send({ instanceId: planId, title: '第二份', ...QUESTIONNAIRE });
    const manager = await a.auth('survey_manager');
    expect((await second(manager).expect(409)).body.message).toBe(`the plan already has survey ${surveyId}: a plan has one questionnaire`);
    expect((await second({ ...manager, ...ZH }).expect(409)).body.message).toBe(`该调查计划已关联调查 ${surveyId}：每个计划只有一份问卷`);

    const coordinator = await a.auth('coordinator');
    const early = (headers: Record<string, string>) => t.http.post(`/api/v1/surveys/${surveyId}/dispatch`).set(headers).expect(422);
    expect((await early(coordinator)).body.message).toBe("questionnaires are sent in 'Send the questionnaires' (dispatching); the plan is in 'Compile the survey plan' (planning)");
    expect((await early({ ...coordinator, ...ZH })).body.message).toBe('只能在「发送调查表」步骤发放问卷；调查计划当前处于「编制调查计划」步骤');
  });

  it('names the plan\'s steps by their titles when a survey is attached too late', async () => {
    const plan = (await a.start('survey_manager', 'annual-satisfaction-survey', '2027 年度客户满意度调查')).id;
    await a.attachSurvey(plan);
    await a.act('survey_manager', plan, { type: 'SUBMIT', data: VALID_PLAN });
    const other = (await a.start('survey_manager', 'annual-satisfaction-survey', '2028 年度客户满意度调查')).id;
    await a.act('survey_manager', other, { type: 'SUBMIT', data: VALID_PLAN });
    const attach = (headers: Record<string, string>) =>
      t.http.post('/api/v1/surveys').set(headers).send({ instanceId: other, title: '迟到的问卷', ...QUESTIONNAIRE }).expect(422);
    const manager = await a.auth('survey_manager');
    expect((await attach({ ...manager, ...ZH })).body.message).toBe('只能在「编制调查计划」步骤关联调查；调查计划当前处于「批准调查计划」步骤');
    expect((await attach(manager)).body.message).toBe("a survey is attached in 'Compile the survey plan' (planning); the plan is in 'Approve the survey plan' (planApproval)");
  });

  it('a malformed JSON body in the caller\'s language, message and details alike', async () => {
    const bad = (headers: Record<string, string>) =>
      t.http.post('/api/v1/auth/login').set({ 'Content-Type': 'application/json', ...headers }).send('{"username":').expect(400);
    expect((await bad(ZH)).body).toMatchObject({
      message: '请求体不是有效的 JSON',
      details: [{ field: 'body', rule: 'json', message: '请求体无法解析为 JSON（须为对象或数组）' }],
    });
    expect((await bad({})).body).toMatchObject({ message: 'the request body is not valid JSON', details: [{ field: 'body', rule: 'json', message: 'the body could not be parsed as JSON (an object or an array)' }] });
    const xml = await t.http.post('/api/v1/auth/login').set({ 'Content-Type': 'application/xml', ...ZH }).send('<login/>').expect(415);
    expect(xml.body.message).toBe('请求体须为以下格式之一：application/json, application/x-www-form-urlencoded, text/csv, text/plain, multipart/form-data；收到的是 application/xml');
  });

  it('row-level problems of a customer file and of an answer file, message and details alike', async () => {
    const customers = 'code,name,email\nC1,甲公司,not-an-email\n';
    const en = await upload('/customers/import', customers);
    expect(en.status).toBe(400);
    expect(en.body.message).toBe('customer file rejected, nothing imported: 1 problem(s), first on line 2 (email: not-an-email is not an e-mail address)');
    const zh = await upload('/customers/import', customers, ZH);
    expect(zh.body).toMatchObject({
      message: '客户文件未通过检查，未导入任何数据：共 1 处问题，第一处在第 2 行（email：not-an-email 不是有效的电子邮件地址）',
      details: [{ line: 2, field: 'email', rule: 'isEmail', message: 'not-an-email 不是有效的电子邮件地址' }],
    });

    // answers are imported while collecting: approve the plan and dispatch to one customer on the phone list
    await a.act('survey_manager', planId, { type: 'SUBMIT', data: VALID_PLAN });
    await a.act('approver', planId, { type: 'APPROVE', signature: a.sign('批准 / approved') });
    const [recipient] = (await t.http.post(`/api/v1/surveys/${surveyId}/recipients`).set(await a.auth('coordinator')).send([{ name: '乙公司', channel: 'phone' }]).expect(201)).body;
    await t.http.post(`/api/v1/surveys/${surveyId}/dispatch`).set(await a.auth('coordinator')).expect(200);
    const answers = `recipient_id,channel,reliability,appearance\n${recipient.id},pigeon,6,4\n${UNKNOWN},paper,5,5\n`;
    const enAnswers = (await upload(`/surveys/${surveyId}/responses/import`, answers)).body;
    expect(enAnswers.details).toEqual([
      { line: 2, field: 'channel', rule: 'isIn', message: 'pigeon is not a channel' },
      { line: 2, field: 'answers.reliability', rule: 'level', message: '6 is not a level of reliability (levels: 1, 2, 3, 4, 5)' },
      { line: 3, field: 'recipient_id', rule: 'recipient', message: 'no recipient of this survey matches this row' },
    ]);
    const zhAnswers = (await upload(`/surveys/${surveyId}/responses/import`, answers, ZH)).body;
    expect(zhAnswers.message).toBe('答卷文件未通过检查，未导入任何数据：共 3 处问题，第一处在第 2 行（channel：pigeon 不是有效的回收渠道）');
    expect(zhAnswers.details.map((d: { message: string }) => d.message)).toEqual([
      'pigeon 不是有效的回收渠道',
      '6 不是 reliability 的等级（可选等级：1, 2, 3, 4, 5）',
      '本次调查中没有与此行对应的调查对象',
    ]);
  });
});

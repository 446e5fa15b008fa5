/**
 * Shared steps for the procedure walks in this folder: each helper is one
 * step of a procedure as a person does it over HTTP, with the demo user of
 * the role that acts (username = role key, password 'demo').
 */
import { startTestApp, type TestApp } from '../../support/test-app';
import { api, DAY, HOUR, type EventBody } from '../../support/api';
import { VALID_PLAN } from '../../support/fixtures';

export interface Task {
  id: string;
  instanceId: string;
  procedure: string;
  state: string;
  role: string;
  assignee?: string;
  dueAt?: string;
  opensAt?: string;
  overdue: boolean;
  outcomes: string[];
}

export interface Instance {
  id: string;
  procedure: string;
  title: string;
  state: string;
  status: 'active' | 'completed' | 'cancelled';
  revision: number;
  data: Record<string, any>;
  createdAt: string;
  parentId?: string;
  children: string[];
  availableEvents: string[];
  canCancel: boolean;
  openTasks: Task[];
  updatedAt: string;
}

export interface HistoryRecord {
  seq: number;
  instanceId: string;
  revision: number;
  at: string;
  actor: { id: string | null; username: string; role: string | null };
  event: string;
  fromState: string | null;
  toState: string;
  comment?: string;
  data?: Record<string, any>;
  signatureMeaning?: string;
}

export interface Notice {
  id: string;
  instanceId: string;
  role: string;
  message: { zh: string; en: string };
}

export interface Recipient {
  id: string;
  name: string;
  channel: string;
  status: string;
}


export interface Finding {
  title: string;
  detail?: string;
  productQuality: boolean;
  important: boolean;
}

/** The analysis report's findings: two product-quality findings, one of them important, and one about service. */
export const FINDINGS: Finding[] = [
  { title: '液压缸密封可靠性得分最低 / hydraulic seal reliability scored lowest', detail: 'reliability 2.6 / 5', productQuality: true, important: true },
  { title: '售后响应偏慢 / slow after-sales response', productQuality: false, important: false },
  { title: '外观划伤 / scratched paint on delivery', productQuality: true, important: false },
];

export function report(findings: Finding[] = FINDINGS) {
  return {
    conclusions: '总体满意，产品可靠性需改进 / satisfied overall; reliability must improve',
    proposals: ['更换密封供应商 / change seal supplier', '增加发货前检验 / inspect before shipping'],
    findings,
  };
}

export const MINUTE = 60_000;
export { HOUR, DAY } from '../../support/api';

/** The company's calendar date (China, UTC+8: the default calendar) `days` after an ISO time. */
export function localDateAfter(iso: string, days: number): string {
  return new Date(Date.parse(iso) + days * DAY + 8 * HOUR).toISOString().slice(0, 10);
}

export const COMPLAINT = 'customer-complaint';
/** The quality department's classification at CONCLUDE: no quality accident (no 50-point deduction). */
export const NOT_AN_ACCIDENT = { qualityAccident: false, legalLiability: false, mediaExposure: false };
export const CORRECTIVE_ACTION = 'corrective-action';
export const MANAGEMENT_REVIEW = 'management-review';
export const SURVEY = 'annual-satisfaction-survey';

/** One server per test file, with the HTTP helpers of test/support/api.ts and the procedure steps below. */
export async function startProcedures() {
  const t = await startTestApp();
  return { t, s: steps(t) };
}

export type Steps = ReturnType<typeof steps>;

export function steps(t: TestApp) {
  const a = api(t);
  const getJson = async <T>(user: string, path: string): Promise<T> => {
    const res = await t.http.get(`/api/v1${path}`).set(await a.auth(user));
    if (res.status !== 200) throw new Error(`GET ${path} as ${user}: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body as T;
  };
  const postJson = async <T>(user: string, path: string, body: unknown, status: number): Promise<T> => {
    const res = await t.http.post(`/api/v1${path}`).set(await a.auth(user)).send(body as object);
    if (res.status !== status) throw new Error(`POST ${path} as ${user}: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body as T;
  };
  const act = (user: string, id: string, event: EventBody): Promise<Instance> => a.act(user, id, event);

  const describeProblem = (id: string) => act('quality', id, { type: 'SUBMIT', data: { description: '批次 B-17 漏油 / batch B-17 leaks' } });
  const analyseCause = (id: string) => act('complaint_handler', id, { type: 'SUBMIT', data: { cause: '密封圈供应商换料 / seal supplier changed material' } });
  /** The plan, owned by complaint_handler and due 90 days after the instance last changed, unless `plan` says otherwise. */
  const planActions = async (id: string, plan: Record<string, unknown> = {}) => {
    const { updatedAt } = await a.get('complaint_handler', id);
    const data = { actions: ['恢复原材料 / revert material', '进货检验加严 / tighten incoming inspection'], owner: 'complaint_handler', dueDate: localDateAfter(updatedAt, 90), ...plan };
    return act('complaint_handler', id, { type: 'SUBMIT', data });
  };
  const approveActionPlan = (id: string) => act('quality', id, { type: 'APPROVE', signature: a.sign('批准 / approved') });

  const submitPlan = (id: string, surveyId: string) =>
    act('survey_manager', id, { type: 'SUBMIT', data: { plan: { ...VALID_PLAN.plan, survey: surveyId } } });
  const approvePlan = (id: string) => act('approver', id, { type: 'APPROVE', signature: a.sign('批准 / approved') });

  return {
    ...a,
    act,
    getJson,
    postJson,
    start: (user: string, procedure: string, title: string, data?: Record<string, unknown>): Promise<Instance> => a.start(user, procedure, title, data),
    get: (user: string, id: string): Promise<Instance> => a.get(user, id),
    /** The instance's audit records, oldest first, as the auditor reads them. */
    history: (id: string) => getJson<HistoryRecord[]>('auditor', `/instances/${id}/history`),
    /** The trail through GET /audit, as an auditor filters it by instance. */
    audit: async (id: string) => (await getJson<{ items: HistoryRecord[] }>('auditor', `/audit?instanceId=${id}&pageSize=200`)).items,
    /** Notices this user's roles received about one instance. */
    notices: async (user: string, instanceId: string) =>
      (await getJson<Notice[]>(user, '/notifications')).filter((n) => n.instanceId === instanceId),
    /** This user's inbox, for one instance. */
    inbox: async (user: string, instanceId: string) =>
      (await getJson<Task[]>(user, '/tasks?mine=true&status=open')).filter((task) => task.instanceId === instanceId),
    children: async (user: string, id: string): Promise<Instance[]> =>
      Promise.all((await a.get(user, id)).children.map((c: string) => a.get(user, c) as Promise<Instance>)),

    // ---- customer-complaint (procedures.md, domain section 3) ----

    openComplaint: (title: string, intake: Record<string, unknown> = {}): Promise<Instance> =>
      a.start('complaint_desk', COMPLAINT, title, { customer: '华东机械厂', channel: 'phone', description: title, ...intake }),
    dispatchComplaint: (id: string, data: Record<string, unknown> = {}) =>
      act('complaint_desk', id, { type: 'DISPATCH', data: { handler: 'complaint_handler', ...data } }),
    resolveComplaint: (id: string, resolution = '更换密封圈 / seal replaced') =>
      act('complaint_handler', id, { type: 'RESOLVE', data: { resolution } }),
    callbackSatisfied: (id: string) => act('complaint_desk', id, { type: 'CALLBACK_SATISFIED', data: { score: 5 } }),
    /** Dispatch, resolve, satisfied callback: a case from `received` (or `handling`) to `closed`. */
    async closeComplaint(id: string): Promise<Instance> {
      if ((await a.get('complaint_desk', id)).state === 'received') await act('complaint_desk', id, { type: 'DISPATCH', data: { handler: 'complaint_handler' } });
      await act('complaint_handler', id, { type: 'RESOLVE', data: { resolution: '已处理 / handled' } });
      return act('complaint_desk', id, { type: 'CALLBACK_SATISFIED', data: { score: 5 } });
    },

    // ---- corrective-action (domain section 5) ----

    openCorrectiveAction: (title: string, owner = 'complaint_handler'): Promise<Instance> =>
      a.start('quality', CORRECTIVE_ACTION, title, { owner }),
    describeProblem,
    analyseCause,
    planActions,
    approveActionPlan,
    implementActions: (id: string) => act('complaint_handler', id, { type: 'SUBMIT', data: { result: '已换回原材料 / material reverted' } }),
    /** problem → causeAnalysis → actionPlan (with `plan`'s changes) → planApproval → implementation. */
    async toImplementation(id: string, plan: Record<string, unknown> = {}): Promise<Instance> {
      await describeProblem(id);
      await analyseCause(id);
      await planActions(id, plan);
      return approveActionPlan(id);
    },
    /** The signed effectiveness check, on the next period's score unless other evidence is given. */
    closeEffective: (id: string, evidence: { data?: Record<string, unknown>; comment?: string } = { data: { score: 88.5 } }) =>
      act('quality', id, { type: 'EFFECTIVE', ...evidence, signature: a.sign('验证有效 / verified effective') }),

    // ---- annual-satisfaction-survey (domain section 2) ----

    submitPlan,
    approvePlan,
    /** planning → (survey attached) → planApproval → signed approval → dispatching. */
    async approvedPlan(title: string): Promise<{ instance: Instance; surveyId: string }> {
      const started: Instance = await a.start('survey_manager', SURVEY, title);
      const survey = await a.attachSurvey(started.id, title);
      await submitPlan(started.id, survey.id);
      return { instance: await approvePlan(started.id), surveyId: survey.id };
    },
    /** The coordinator lists `count` recipients to phone and sends the survey (the module sends DISPATCHED). */
    async dispatchSurvey(surveyId: string, count: number): Promise<Recipient[]> {
      const recipients = Array.from({ length: count }, (_, n) => ({
        name: `客户 ${n + 1} / customer ${n + 1}`,
        phone: `021-5555-01${String(n).padStart(2, '0')}`,
        productType: n % 2 ? 'pump' : 'valve',
        region: 'east',
        channel: 'phone',
      }));
      const created = await postJson<Recipient[]>('coordinator', `/surveys/${surveyId}/recipients`, { recipients }, 201);
      await postJson('coordinator', `/surveys/${surveyId}/dispatch`, {}, 200);
      return created;
    },
    /** The coordinator types in phone answers for these recipients. */
    async enterAnswers(surveyId: string, recipients: Recipient[], answers = { reliability: 3, appearance: 4, response: '4' }): Promise<void> {
      for (const r of recipients) await postJson('coordinator', `/surveys/${surveyId}/responses`, { recipientId: r.id, channel: 'phone', answers }, 201);
    },
    submitReport: (id: string, findings: Finding[] = FINDINGS) => act('coordinator', id, { type: 'SUBMIT', data: report(findings) }),
  };
}

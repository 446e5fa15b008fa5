import { randomUUID } from 'node:crypto';
import { QUESTIONNAIRE, VALID_PLAN } from '../../support/fixtures';

/** A transition the server acknowledged with a 2xx: it must be in the history, exactly once. */
export interface Ack {
  instanceId: string;
  revision: number;
  event: string;
}

export interface LoadFigures {
  /** HTTP requests sent, retries included. */
  sent: number;
  /** Requests answered 2xx (each one an acknowledged transition). */
  acked: number;
  /** Requests without an answer (connection refused/reset, timeout). */
  unanswered: number;
  /** Answers by status code (non-2xx only). */
  statuses: Record<number, number>;
  /** Retries that the server answered from the Idempotency-Key store. */
  retried: number;
}

export interface Reply {
  status: number;
  body: Record<string, unknown>;
  headers: Headers;
}

const PROCEDURE = 'annual-satisfaction-survey';
/** One planning round trip per instance: submit, reject with a comment, submit again, approve with a signature. */
const STEPS = [
  { user: 'survey_manager', event: { type: 'SUBMIT', data: VALID_PLAN } },
  { user: 'approver', event: { type: 'REJECT', comment: 'sample too small / 样本量不足' } },
  { user: 'survey_manager', event: { type: 'SUBMIT', data: VALID_PLAN } },
  { user: 'approver', event: { type: 'APPROVE', signature: { password: 'demo', meaning: 'approved' } } },
];

/**
 * Clients that walk survey plans through approval over real HTTP against servers
 * that may die at any moment. Every 2xx is recorded as an Ack. An event whose
 * answer was lost is retried with the same Idempotency-Key until the server
 * answers, so an acknowledged transition is never sent twice by the client;
 * a creation whose answer was lost is abandoned (the instance may exist unacknowledged).
 */
export class PlanApprovalLoad {
  readonly acks: Ack[] = [];
  readonly figures: LoadFigures = { sent: 0, acked: 0, unanswered: 0, statuses: {}, retried: 0 };
  /** Non-2xx answers that no fault explains (e.g. 409/422 on a client's own instance). */
  readonly unexpected: string[] = [];
  private stopped = false;
  private tokens = new Map<string, string>();
  private next = 0;

  /** `urls()` gives the API processes to spread requests over (round robin). */
  constructor(private readonly urls: () => string[], private readonly options: { timeoutMs?: number; okStatuses?: number[] } = {}) {}

  /** Logs users in once (username → password); tokens survive restarts (the signing secret is in the database). */
  async login(users: Record<string, string> = { survey_manager: 'demo', approver: 'demo' }): Promise<void> {
    for (const [username, password] of Object.entries(users)) {
      const res = await this.request('POST', '/auth/login', undefined, { username, password });
      if (res?.status !== 200) throw new Error(`login ${username}: ${res?.status}`);
      this.tokens.set(username, String(res.body.accessToken));
    }
  }

  /** Runs `clients` loops until stop(); resolves when all have finished their current request. */
  run(clients: number): Promise<void> {
    return Promise.all(Array.from({ length: clients }, (_, i) => this.client(i))).then(() => undefined);
  }

  /**
   * Resolves once `count` more transitions were acknowledged (fails after `timeoutMs`):
   * faults are injected after real progress, not after a fixed time, on a machine of any speed.
   */
  async progress(count: number, timeoutMs = 120_000): Promise<void> {
    const target = this.figures.acked + count;
    const deadline = Date.now() + timeoutMs;
    while (this.figures.acked < target) {
      if (Date.now() > deadline) throw new Error(`the load acknowledged ${this.figures.acked}, not ${target}, within ${timeoutMs} ms`);
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  stop(): void {
    this.stopped = true;
  }

  /** One request; undefined when no answer came (the server is down or died mid-request). */
  async request(method: string, path: string, user?: string, body?: unknown, headers: Record<string, string> = {}): Promise<Reply | undefined> {
    const all = this.urls();
    const url = all[this.next++ % all.length];
    this.figures.sent++;
    try {
      const res = await fetch(`${url}/api/v1${path}`, {
        method,
        headers: {
          'content-type': 'application/json',
          ...(user ? { authorization: `Bearer ${this.tokens.get(user)}` } : {}),
          ...headers,
        },
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(this.options.timeoutMs ?? 15_000),
      });
      const text = await res.text();
      if (res.status >= 300) this.figures.statuses[res.status] = (this.figures.statuses[res.status] ?? 0) + 1;
      return { status: res.status, body: text ? JSON.parse(text) : {}, headers: res.headers };
    } catch {
      this.figures.unanswered++;
      return undefined;
    }
  }

  /** Leaves `count` instances waiting in plan approval, each with a deadline timer (fodder for the worker). */
  async waitingForApproval(count: number): Promise<void> {
    for (let i = 0; i < count; i++) await this.walk(`waiting ${i}`, STEPS.slice(0, 1));
  }

  private async client(n: number): Promise<void> {
    while (!this.stopped) await this.walk(`load ${n}`, STEPS);
  }

  /** Creates an instance and sends it `steps`, recording every acknowledgement. */
  private async walk(title: string, steps: typeof STEPS): Promise<void> {
    const created = await this.request('POST', '/instances', 'survey_manager', { procedure: PROCEDURE, title });
    if (!created || created.status !== 201) {
      this.judge(created, 'create');
      await pause();
      return;
    }
    const id = String(created.body.id);
    let revision = Number(created.body.revision);
    this.ack(id, revision, 'START');
    // a plan is approved with its survey attached (the approver signs its questionnaire)
    if (steps.some((s) => s.event.type === 'APPROVE') && !(await this.attachSurvey(id, title))) return;
    for (const step of steps) {
      const answer = await this.sendUntilAnswered(id, step.user, { ...step.event, expectedRevision: revision });
      if (!answer) return; // stopped while the server was away
      if (answer.status !== 200) {
        this.unexpected.push(`${step.event.type} on ${id}: ${answer.status} ${JSON.stringify(answer.body)}`);
        return;
      }
      revision = Number(answer.body.revision);
      this.ack(id, revision, step.event.type);
    }
  }

  /** Attaches a survey to the plan; false (the walk is abandoned) when no 201 came. */
  async attachSurvey(instanceId: string, title: string): Promise<boolean> {
    const survey = await this.request('POST', '/surveys', 'survey_manager', { instanceId, title, ...QUESTIONNAIRE });
    if (survey?.status === 201) return true;
    this.judge(survey, 'attach survey');
    return false;
  }

  /** Sends one event, retrying with the same Idempotency-Key while there is no usable answer. */
  private async sendUntilAnswered(id: string, user: string, event: Record<string, unknown>): Promise<Reply | undefined> {
    const key = randomUUID();
    for (let attempt = 0; !this.stopped; attempt++) {
      if (attempt > 0) this.figures.retried++;
      const res = await this.request('POST', `/instances/${id}/events`, user, event, { 'idempotency-key': key });
      if (res && !this.retryable(res.status)) return res;
      await pause();
    }
    return undefined;
  }

  /** 5xx listed in okStatuses (e.g. 503 during an outage) and missing answers are retried; anything else is final. */
  private retryable(status: number): boolean {
    return (this.options.okStatuses ?? []).includes(status);
  }

  private judge(res: Reply | undefined, what: string): void {
    if (res && !this.retryable(res.status)) this.unexpected.push(`${what}: ${res.status} ${JSON.stringify(res.body)}`);
  }

  private ack(instanceId: string, revision: number, event: string): void {
    this.figures.acked++;
    this.acks.push({ instanceId, revision, event });
  }
}

function pause(): Promise<void> {
  return new Promise((r) => setTimeout(r, 50 + Math.random() * 100));
}

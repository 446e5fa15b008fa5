import { BadRequestException, ConflictException, Injectable } from '@nestjs/common';
import { EntityManager, In } from 'typeorm';
import { AuditRecordEntity } from '@satisflow/audit';
import { Clock } from '@satisflow/config';
import { CalendarService, companyDate, InstanceEntity } from '@satisflow/engine';
import { says } from '@satisflow/http';
import { dbTime, selectRowSets, toDate, TransactionRunner } from '@satisflow/persistence';
import { reportHash, SurveyReportEntity } from '@satisflow/reports';
import { annualSatisfactionSurvey, correctiveAction, customerComplaint } from '@satisflow/workflows';
import { actionFigures, type ActionCase } from './action-figures';
import { complaintFigures, COMPLAINT_EVENTS, type CaseEvent, type ComplaintCase } from './complaint-figures';
import { type CompiledPack, type CompositeFigure, packHash, type ReviewPack } from './pack';
import { labelNamesPeriod, parsePeriod, readPeriod, type ReviewPeriod } from './review-period';
import { approvedRevisions, reportFigure, type ReportDecision, type ReportFigure, surveySection } from './survey-figures';

/** Ids per IN (…) list: far below SQLite's bound parameters limit. */
const CHUNK = 500;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const textOr = (value: unknown) => (typeof value === 'string' && value.trim() !== '' ? value.trim() : null);

/**
 * Compiles the management-review pack for a period from the system's own records:
 * the approved (frozen, hashed) report revisions, the complaint and corrective-action
 * instances with their audit trails, and the recorded composites. Every read goes
 * through the given EntityManager, so the engine can compile inside a transition.
 */
@Injectable()
export class PackCompiler {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly clock: Clock,
    private readonly calendar: CalendarService,
  ) {}

  /** The period a request names, in the company's time zone; 400 when it names none. */
  async period(label: string): Promise<ReviewPeriod> {
    const read = readPeriod(label, (await this.calendar.get()).utcOffsetMinutes);
    if (read && !('reversed' in read)) return read;
    const { message } = read
      ? says(
          `period "${label}" ends (${read.reversed.to}) before it starts (${read.reversed.from}): give the earlier date first`,
          `期间“${label}”的结束日期（${read.reversed.to}）早于开始日期（${read.reversed.from}）：请先写较早的日期`,
        )
      : says(
          `period "${label}" is neither a year (2026) nor a date range (2026-01-01/2026-06-30)`,
          `期间“${label}”既不是年度（如 2026），也不是日期范围（如 2026-01-01/2026-06-30）`,
        );
    throw new BadRequestException({ message, details: [{ field: 'period', rule: 'invalid', message }] });
  }

  /**
   * The pack for a period. The section reads go as one batch (one round trip on MariaDB)
   * and as plain SQL: a SUBMIT compiles inside its transition, where TypeORM's finds cost
   * ~1.2 ms of CPU per compilation on an empty database (measured), more than the rest of the step.
   */
  async compile(period: ReviewPeriod, m?: EntityManager): Promise<CompiledPack> {
    if (!m) return this.tx.read((read) => this.compile(period, read));
    const now = this.clock.now();
    const [decisions, complaints, actions, composites] = await selectRowSets(m, [
      {
        sql: `SELECT r.instance_id, r.event, r.at, r.actor_username, r.data FROM instances i JOIN audit_records r ON r.instance_id = i.id
              WHERE i.procedure_key = ? AND ((r.event = 'APPROVE' AND r.from_state = 'reportApproval') OR (r.event = 'REJECT' AND r.from_state = 'gmApproval')) AND r.at < ?
              ORDER BY r.seq`,
        params: [annualSatisfactionSurvey.key, dbTime(m, new Date(period.end))],
      },
      {
        sql: 'SELECT id, title, status, state, created_at, snapshot FROM instances WHERE procedure_key = ? AND created_at >= ? AND created_at < ? ORDER BY created_at, id',
        params: [customerComplaint.key, dbTime(m, new Date(period.start)), dbTime(m, new Date(period.end))],
      },
      {
        // opened before the period's end and not closed before its start (a finished instance changes no more, so its last update is when it finished)
        sql: "SELECT id, title, status, state, created_at, snapshot FROM instances WHERE procedure_key = ? AND created_at < ? AND (status = 'active' OR updated_at >= ?) ORDER BY created_at, id",
        params: [correctiveAction.key, dbTime(m, new Date(period.end)), dbTime(m, new Date(period.start))],
      },
      { sql: 'SELECT id, title, period, result, created_at FROM composites ORDER BY created_at, id', params: [] },
    ]);
    const complaintRows = (complaints as InstanceRow[]).map(instanceRow);
    const actionRows = (actions as InstanceRow[]).map(instanceRow);
    const pack: ReviewPack = {
      period,
      surveys: surveySection(await this.approvedReports(m, decisions as DecisionRow[], period), period),
      complaints: complaintFigures(await this.complaintCases(m, complaintRows), now),
      correctiveActions: actionFigures(await this.actionCases(m, actionRows), companyDate(now, period)),
      composite: { figures: compositeFigures(composites as CompositeRow[], period) },
    };
    return { ...pack, hash: packHash(pack), compiledAt: now.toISOString() };
  }

  /**
   * The engine's `pack` fact. At SUBMIT: the server's compilation for the submitted
   * period and the hash of the sections submitted, which the machine requires to be
   * equal. At the general manager's APPROVE: the revision and the hash of the frozen
   * pack being signed, so the signature's audit record names what was signed.
   */
  async fact(m: EntityManager, instance: InstanceEntity, event: string, data: Record<string, unknown> | undefined): Promise<Record<string, unknown>> {
    const context = instance.snapshot.context;
    if (event === 'APPROVE' && instance.state === 'review' && isRecord(context.pack)) {
      return { pack: { revision: context.packRevision, hash: packHash(context.pack) } };
    }
    if (event !== 'SUBMIT' || instance.state !== 'compiling' || !isRecord(data?.pack) || !isRecord(data.pack.period)) return {};
    const label = textOr(data.pack.period.label);
    const period = label && parsePeriod(label, (await this.calendar.get()).utcOffsetMinutes);
    if (!period) return {};
    return { pack: { period: period.label, hash: (await this.compile(period, m)).hash, submittedHash: packHash(data.pack) } };
  }

  /** Reports approved up to the period's end (the earlier ones make the trend), each checked against the hash its approver signed. */
  private async approvedReports(m: EntityManager, rows: DecisionRow[], p: ReviewPeriod): Promise<ReportFigure[]> {
    const decisions: ReportDecision[] = rows.map((r) => ({
      instanceId: r.instance_id,
      event: r.event as ReportDecision['event'],
      at: toDate(r.at),
      by: r.actor_username,
      report: signedReport(r.data),
    }));
    const approved = approvedRevisions(decisions);
    if (approved.length === 0) return [];
    const frozen = await m.find(SurveyReportEntity, { where: approved.map((d) => ({ instanceId: d.instanceId, revision: d.report.revision })) });
    return approved.flatMap((d) => {
      const row = frozen.find((f) => f.instanceId === d.instanceId && f.revision === d.report.revision);
      // a plan surveyed outside the system froze no figures
      if (!row) return [];
      if (row.contentHash !== d.report.hash || reportHash(row.content) !== row.contentHash) {
        throw new ConflictException(
          says(
            `the approved report ${row.id} (revision ${row.revision}) no longer hashes as its approver signed it: the pack is not compiled from altered figures`,
            `已批准的分析报告 ${row.id}（第 ${row.revision} 版）的哈希值与批准人签署时不一致：不能用被改动的数据汇编评审输入`,
          ),
        );
      }
      return [reportFigure(row.id, d, row.content)];
    });
  }

  /** Cases received in the period, each with the transitions the SLA figures read. */
  private async complaintCases(m: EntityManager, rows: PackInstance[]): Promise<ComplaintCase[]> {
    const events = await this.eventsOf(m, rows, [...COMPLAINT_EVENTS]);
    return rows.map((i) => {
      const intake = isRecord(i.context.intake) ? i.context.intake : {};
      return {
        instanceId: i.id,
        title: i.title,
        status: i.status,
        receivedAt: i.createdAt,
        channel: textOr(intake.channel),
        type: textOr(intake.type),
        events: events.get(i.id) ?? [],
      };
    });
  }

  /** Actions opened before the period's end and not closed before its start: the ones the period saw. */
  private async actionCases(m: EntityManager, rows: PackInstance[]): Promise<ActionCase[]> {
    const events = await this.eventsOf(m, rows, ['EFFECTIVE', 'INEFFECTIVE']);
    return rows.map((i) => {
      const c = i.context;
      const plan = isRecord(c.plan) ? c.plan : {};
      const escalations = Array.isArray(c.escalations) ? c.escalations : [];
      return {
        instanceId: i.id,
        title: i.title,
        status: i.status,
        state: i.state,
        owner: textOr(c.owner),
        dueDate: textOr(plan.dueDate),
        stepOverdue: escalations.some((e) => isRecord(e) && e.state === i.state),
        checks: (events.get(i.id) ?? []).map((e) => ({ effective: e.event === 'EFFECTIVE', at: e.at })),
      };
    });
  }

  /** The named events of these instances, oldest first, by instance. */
  private async eventsOf(m: EntityManager, instances: PackInstance[], events: string[]): Promise<Map<string, CaseEvent[]>> {
    if (instances.length === 0) return new Map();
    const records = await inChunks(instances.map((i) => i.id), (ids) =>
      m.find(AuditRecordEntity, { where: { instanceId: In(ids), event: In(events) }, select: { instanceId: true, event: true, at: true, revision: true }, order: { revision: 'ASC' } }),
    );
    const byInstance = new Map<string, CaseEvent[]>();
    for (const r of records) byInstance.set(r.instanceId, [...(byInstance.get(r.instanceId) ?? []), { event: r.event, at: r.at }]);
    return byInstance;
  }
}

interface DecisionRow {
  instance_id: string;
  event: string;
  at: unknown;
  actor_username: string;
  data: string | null;
}

interface InstanceRow {
  id: string;
  title: string;
  status: InstanceEntity['status'];
  state: string;
  created_at: unknown;
  snapshot: string;
}

interface CompositeRow {
  id: string;
  title: string;
  period: string | null;
  result: string;
  created_at: unknown;
}

/** An instance as the pack reads it: its row and its context. */
interface PackInstance {
  id: string;
  title: string;
  status: InstanceEntity['status'];
  state: string;
  createdAt: Date;
  context: Record<string, unknown>;
}

function instanceRow(r: InstanceRow): PackInstance {
  const snapshot = JSON.parse(r.snapshot) as { context?: Record<string, unknown> };
  return { id: r.id, title: r.title, status: r.status, state: r.state, createdAt: toDate(r.created_at), context: snapshot.context ?? {} };
}

function compositeFigures(rows: CompositeRow[], p: ReviewPeriod): CompositeFigure[] {
  return rows
    .filter((c) => labelNamesPeriod(c.period, p))
    .map((c) => {
      const r = JSON.parse(c.result) as Pick<CompositeFigure, 'weightedScore' | 'final' | 'grade'>;
      return { compositeId: c.id, title: c.title, period: c.period, weightedScore: r.weightedScore, final: r.final, grade: r.grade, createdAt: toDate(c.created_at).toISOString() };
    });
}

/** The revision and hash a signed approval of the report names (the reports module's fact, in the hashed record). */
function signedReport(data: string | null): { revision: number; hash: string } | null {
  const report = (data ? (JSON.parse(data) as { facts?: { report?: unknown } }) : {}).facts?.report;
  return isRecord(report) && typeof report.revision === 'number' && typeof report.hash === 'string' ? { revision: report.revision, hash: report.hash } : null;
}

async function inChunks<T>(ids: string[], query: (ids: string[]) => Promise<T[]>): Promise<T[]> {
  const out: T[] = [];
  for (let i = 0; i < ids.length; i += CHUNK) out.push(...(await query(ids.slice(i, i + CHUNK))));
  return out;
}

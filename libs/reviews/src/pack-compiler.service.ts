import { BadRequestException, ConflictException, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In, LessThan, MoreThanOrEqual } from 'typeorm';
import { AuditRecordEntity } from '@satisflow/audit';
import { Clock } from '@satisflow/config';
import { CalendarService, companyDate, InstanceEntity } from '@satisflow/engine';
import { says } from '@satisflow/http';
import { reportHash, SurveyReportEntity } from '@satisflow/reports';
import { CompositeEntity } from '@satisflow/surveys';
import { annualSatisfactionSurvey, correctiveAction, customerComplaint } from '@satisflow/workflows';
import { actionFigures, type ActionCase } from './action-figures';
import { complaintFigures, COMPLAINT_EVENTS, type CaseEvent, type ComplaintCase } from './complaint-figures';
import { type CompiledPack, type CompositeFigure, packHash, type ReviewPack } from './pack';
import { inPeriod, labelNamesPeriod, parsePeriod, readPeriod, type ReviewPeriod } from './review-period';
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
    @InjectDataSource() private readonly ds: DataSource,
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

  async compile(period: ReviewPeriod, m: EntityManager = this.ds.manager): Promise<CompiledPack> {
    const now = this.clock.now();
    const pack: ReviewPack = {
      period,
      surveys: surveySection(await this.approvedReports(m, period), period),
      complaints: complaintFigures(await this.complaintCases(m, period), now),
      correctiveActions: actionFigures(await this.actionCases(m, period), companyDate(now, period)),
      composite: { figures: await this.composites(m, period) },
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
  private async approvedReports(m: EntityManager, p: ReviewPeriod): Promise<ReportFigure[]> {
    const plans = await m.find(InstanceEntity, { where: { procedureKey: annualSatisfactionSurvey.key }, select: { id: true } });
    const records = await inChunks(plans.map((i) => i.id), (ids) =>
      m.find(AuditRecordEntity, { where: { instanceId: In(ids), event: In(['APPROVE', 'REJECT']) }, order: { seq: 'ASC' } }),
    );
    const decisions: ReportDecision[] = records
      .filter((r) => r.at < new Date(p.end) && ((r.event === 'APPROVE' && r.fromState === 'reportApproval') || (r.event === 'REJECT' && r.fromState === 'gmApproval')))
      .map((r) => ({ instanceId: r.instanceId, event: r.event, at: r.at, by: r.actorUsername, report: signedReport(r.data) }));
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
  private async complaintCases(m: EntityManager, p: ReviewPeriod): Promise<ComplaintCase[]> {
    const rows = (await m.find(InstanceEntity, { where: { procedureKey: customerComplaint.key, createdAt: MoreThanOrEqual(new Date(p.start)) }, order: { createdAt: 'ASC', id: 'ASC' } })).filter((i) =>
      inPeriod(i.createdAt, p),
    );
    const events = await this.eventsOf(m, rows, [...COMPLAINT_EVENTS]);
    return rows.map((i) => {
      const intake = isRecord(i.snapshot.context.intake) ? i.snapshot.context.intake : {};
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
  private async actionCases(m: EntityManager, p: ReviewPeriod): Promise<ActionCase[]> {
    const before = { procedureKey: correctiveAction.key, createdAt: LessThan(new Date(p.end)) };
    // a finished instance changes no more, so its last update is when it finished
    const rows = await m.find(InstanceEntity, { where: [{ ...before, status: 'active' }, { ...before, updatedAt: MoreThanOrEqual(new Date(p.start)) }], order: { createdAt: 'ASC', id: 'ASC' } });
    const events = await this.eventsOf(m, rows, ['EFFECTIVE', 'INEFFECTIVE']);
    return rows.map((i) => {
      const c = i.snapshot.context;
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

  private async composites(m: EntityManager, p: ReviewPeriod): Promise<CompositeFigure[]> {
    const rows = await m.find(CompositeEntity, { order: { createdAt: 'ASC', id: 'ASC' } });
    return rows
      .filter((c) => labelNamesPeriod(c.period, p))
      .map((c) => {
        const r = c.result as Pick<CompositeFigure, 'weightedScore' | 'final' | 'grade'>;
        return { compositeId: c.id, title: c.title, period: c.period, weightedScore: r.weightedScore, final: r.final, grade: r.grade, createdAt: c.createdAt.toISOString() };
      });
  }

  /** The named events of these instances, oldest first, by instance. */
  private async eventsOf(m: EntityManager, instances: InstanceEntity[], events: string[]): Promise<Map<string, CaseEvent[]>> {
    const records = await inChunks(instances.map((i) => i.id), (ids) =>
      m.find(AuditRecordEntity, { where: { instanceId: In(ids), event: In(events) }, select: { instanceId: true, event: true, at: true, revision: true }, order: { revision: 'ASC' } }),
    );
    const byInstance = new Map<string, CaseEvent[]>();
    for (const r of records) byInstance.set(r.instanceId, [...(byInstance.get(r.instanceId) ?? []), { event: r.event, at: r.at }]);
    return byInstance;
  }
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

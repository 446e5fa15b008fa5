import { ConflictException, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createHash, randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { AuditQuery, canonicalJson } from '@satisflow/audit';
import { Clock } from '@satisflow/config';
import { InstanceEntity } from '@satisflow/engine';
import { says } from '@satisflow/http';
import { ResponsesService, ResultsService, SurveyEntity, SurveysService } from '@satisflow/surveys';
import { AnalysisReport, buildAnalysisReport, DraftText, ReportFinding } from './analysis-report';
import { frozenContent } from './frozen-content';
import { SurveyReportEntity } from './survey-report.entity';

/** A signature given on the frozen revision (review, approval, the general manager's), from the audit trail. */
export interface ReportSignature {
  meaning: string;
  by: string;
  role: string | null;
  at: string;
}

export interface FrozenRevision {
  revision: number;
  hash: string;
  frozenAt: string;
  signatures: ReportSignature[];
}

/** The steps whose signed APPROVE signs the frozen report. */
const SIGNING_STEPS = ['reportReview', 'reportApproval', 'gmApproval'];

export type ReportView = AnalysisReport & { frozen: FrozenRevision | null };

/** SHA-256 of the report's canonical JSON: equal content, equal hash, whatever the key order. */
export function reportHash(content: AnalysisReport): string {
  return createHash('sha256').update(canonicalJson(content)).digest('hex');
}

/**
 * Builds the analysis report from the survey's figures and the plan's draft,
 * and freezes it when it goes to review: from then on reviewers, approvers and
 * every download see the frozen revision, not figures that might still move.
 */
@Injectable()
export class ReportsService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly surveys: SurveysService,
    private readonly results: ResultsService,
    private readonly responses: ResponsesService,
    private readonly audit: AuditQuery,
    private readonly clock: Clock,
  ) {}

  async report(surveyId: string): Promise<ReportView> {
    const survey = await this.surveys.get(surveyId);
    const instance = await this.ds.getRepository(InstanceEntity).findOne({ where: { id: survey.instanceId } });
    const context = instance?.snapshot.context ?? {};
    const draft = draftOf(context);
    // Back in drafting after an NG, the next revision is being written: show it live.
    if (draft && instance?.state !== 'reportDrafting') {
      const frozen = await this.ds.getRepository(SurveyReportEntity).findOne({ where: { surveyId, revision: draft.revision } });
      if (frozen) {
        // what reviewers signed must still be what is shown: re-derive the stamp on every read
        if (reportHash(frozen.content) !== frozen.contentHash) {
          throw new ConflictException(
            says(
              `the frozen report (revision ${frozen.revision}) no longer matches its SHA-256 stamp: it was changed after it was frozen, so it is not shown as the signed revision`,
              `已冻结的分析报告（第 ${frozen.revision} 版）与其 SHA-256 校验值不符：冻结后曾被改动，因此不作为已签署的版本显示`,
            ),
          );
        }
        const signed = (await this.audit.history(frozen.instanceId)).filter(
          (r) => r.signatureMeaning && r.event === 'APPROVE' && SIGNING_STEPS.includes(r.fromState ?? '') && new Date(r.at) >= frozen.frozenAt,
        );
        // content and stamp rewritten together still differ from the hash each signer signed, kept in the hash chain
        const contradicted = signed.find((r) => {
          const report = (r.data as { facts?: { report?: { revision: number; hash: string } } } | undefined)?.facts?.report;
          return report && report.revision === frozen.revision && report.hash !== frozen.contentHash;
        });
        if (contradicted) {
          throw new ConflictException(
            says(
              `the frozen report (revision ${frozen.revision}) is not the one ${contradicted.actor.username} signed (${contradicted.signatureMeaning}): its hash differs from the one in the audit trail`,
              `已冻结的分析报告（第 ${frozen.revision} 版）不是 ${contradicted.actor.username} 签署（${contradicted.signatureMeaning}）的版本：其哈希值与审计追踪中的记录不一致`,
            ),
          );
        }
        const signatures = signed.map((r) => ({ meaning: r.signatureMeaning!, by: r.actor.username, role: r.actor.role, at: r.at }));
        return { ...frozenContent(frozen.content), frozen: { revision: frozen.revision, hash: frozen.contentHash, frozenAt: frozen.frozenAt.toISOString(), signatures } };
      }
    }
    return { ...(await this.build(survey, context)), frozen: null };
  }

  /** For a signed APPROVE of the report: the frozen revision and hash it signs (recorded in the audit trail as a fact). */
  async signedRevision(m: EntityManager, instance: InstanceEntity, event: string): Promise<Record<string, unknown>> {
    if (event !== 'APPROVE' || !SIGNING_STEPS.includes(instance.state)) return {};
    const draft = draftOf(instance.snapshot.context);
    if (!draft) return {};
    const frozen = await m.findOne(SurveyReportEntity, { where: { instanceId: instance.id, revision: draft.revision }, select: { revision: true, contentHash: true } });
    return frozen ? { report: { revision: frozen.revision, hash: frozen.contentHash } } : {};
  }

  /** Runs in the transaction that moves the plan to review, so the frozen revision and the transition commit together. */
  async freeze(m: EntityManager, instance: InstanceEntity): Promise<void> {
    const survey = await m.findOne(SurveyEntity, { where: { instanceId: instance.id }, order: { createdAt: 'DESC' } });
    const draft = draftOf(instance.snapshot.context);
    // a plan surveyed outside the system (no survey record) has no figures to freeze
    if (!survey || !draft) return;
    const content = await this.build(survey, instance.snapshot.context);
    await m.insert(SurveyReportEntity, {
      id: randomUUID(),
      surveyId: survey.id,
      instanceId: instance.id,
      revision: draft.revision,
      contentHash: reportHash(content),
      content,
      frozenAt: this.clock.now(),
    });
  }

  private async build(survey: SurveyEntity, context: Record<string, unknown>): Promise<AnalysisReport> {
    const [results, comments] = await Promise.all([this.results.results(survey.id), this.responses.comments(survey.id)]);
    const collection = context.collection as { waived?: unknown } | null | undefined;
    return buildAnalysisReport({ results, draft: draftOf(context), waived: collection?.waived === true, comments });
  }
}

/** The draft the coordinator submitted at reportDrafting (the plan's `report`), normalised to lists. */
function draftOf(context: Record<string, unknown>): (DraftText & { revision: number }) | null {
  const report = context.report as { conclusions?: unknown; proposals?: unknown; findings?: unknown; revision?: unknown } | null | undefined;
  if (!report || typeof report.revision !== 'number') return null;
  return {
    revision: report.revision,
    conclusions: textList(report.conclusions),
    proposals: textList(report.proposals),
    findings: Array.isArray(report.findings) ? (report.findings as ReportFinding[]) : [],
  };
}

function textList(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  return Array.isArray(value) ? value.map(String) : [];
}

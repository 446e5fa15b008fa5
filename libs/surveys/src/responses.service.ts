import { BadRequestException, ConflictException, ForbiddenException, Injectable, NotFoundException, UnprocessableEntityException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { Clock } from '@satisflow/config';
import { says } from '@satisflow/http';
import { hasRole, type Actor } from '@satisflow/identity';
import { isUniqueViolation, TransactionRunner } from '@satisflow/persistence';
import { fieldProblem } from '@satisflow/validation';
import { recountSurvey, tallyLayout, tallyResponses } from './answer-tallies';
import type { EnterResponseDto } from './dto/survey.dto';
import { RecipientEntity, type Channel } from './entities/recipient.entity';
import { AnswerEntity, ResponseEntity } from './entities/response.entity';
import { SurveyEntity } from './entities/survey.entity';
import { FollowUpTasks } from './follow-up-tasks';
import { normaliseHeader } from './import/tabular-file';
import { planState } from './plan-state';
import { readRowsOrReject, rejectFile, RowProblem } from './import/row-errors';
import { checkAnswers, QuestionnaireProblem, resolveQuestionnaire, ResolvedQuestionnaire } from './questionnaire';
import { ALREADY_ANSWERED, ANSWER_FILE, INVALID_LINK, notInStep, onlyCoordinator, surveyNotFound } from './survey-messages';
import { hashToken } from './tokens';

/** A respondent's free-text comment: the customer suggestions the analysis report looks at. */
export interface RespondentComment {
  customer: string;
  channel: Channel;
  productType: string | null;
  region: string | null;
  comment: string;
}

/** States of the plan in which answers are accepted. */
const COLLECTING = ['collecting', 'waiverApproval'];
/** One string in both languages whatever Accept-Language says: a respondent picks the form's language on the page, and the form's request does not carry it. */
const CLOSED_TO_RESPONDENTS = 'this survey is not taking answers now / 此问卷目前不接受答卷';

/** Returned questionnaires, from the web form, typed in by a coordinator, or imported from a file. */
@Injectable()
export class ResponsesService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly tx: TransactionRunner,
    private readonly clock: Clock,
    private readonly followUpTasks: FollowUpTasks,
  ) {}

  /** What the public form needs to show, found by the personal token; reveals nothing of other respondents. */
  async formFor(token: string): Promise<{ survey: SurveyEntity; recipient: RecipientEntity; resolved: ResolvedQuestionnaire; open: boolean }> {
    const recipient = await this.ds.getRepository(RecipientEntity).findOne({ where: { tokenHash: hashToken(token) } });
    if (!recipient) throw new NotFoundException(INVALID_LINK);
    const survey = await this.ds.getRepository(SurveyEntity).findOneOrFail({ where: { id: recipient.surveyId } });
    return { survey, recipient, resolved: this.resolve(survey), open: COLLECTING.includes((await planState(this.ds.manager, survey.instanceId)) ?? '') };
  }

  async submitPublic(token: string, answers: Record<string, unknown>, comment?: string): Promise<{ ok: true }> {
    return this.tx.run(async (m) => {
      const recipient = await m.findOne(RecipientEntity, { where: { tokenHash: hashToken(token) } });
      if (!recipient) throw new NotFoundException(INVALID_LINK);
      await this.store(m, recipient, recipient.channel === 'email' ? 'web' : recipient.channel, answers, comment, null);
      return { ok: true as const };
    });
  }

  async enter(surveyId: string, dto: EnterResponseDto, actor: Actor): Promise<{ id: string }> {
    if (!hasRole(actor, 'coordinator')) throw new ForbiddenException(onlyCoordinator('enters answers', '录入答卷'));
    return this.tx.run(async (m) => {
      const recipient = await m.findOne(RecipientEntity, { where: { id: dto.recipientId, surveyId } });
      if (!recipient) throw new NotFoundException(says(`recipient ${dto.recipientId} is not in survey ${surveyId}`, `调查对象 ${dto.recipientId} 不在调查 ${surveyId} 中`));
      return { id: await this.store(m, recipient, dto.channel, dto.answers, dto.comment, actor.id) };
    });
  }

  /**
   * One row per respondent: `recipient_id` (or `email`), `channel`, optional
   * `comment` and `name` (for the reader, ignored), and one column per item key.
   * Any bad row rejects the whole file with its line number; nothing is half-imported.
   */
  async import(surveyId: string, file: Buffer, actor: Actor): Promise<{ imported: number }> {
    if (!hasRole(actor, 'coordinator')) throw new ForbiddenException(onlyCoordinator('imports answers', '导入答卷'));
    const rows = await readRowsOrReject(file, ANSWER_FILE);
    return this.tx.run(async (m) => {
      const survey = await this.openSurvey(m, surveyId);
      const resolved = this.resolve(survey);
      const recipients = await m.find(RecipientEntity, { where: { surveyId } });
      const byId = new Map(recipients.map((r) => [r.id, r]));
      const byEmail = new Map(recipients.filter((r) => r.email).map((r) => [r.email!.toLowerCase(), r]));
      // Headers arrive normalised (lower case, "_" for spaces and dashes), so item keys are matched the same way.
      const itemByHeader = new Map([...resolved.items.keys()].map((key) => [normaliseHeader(key), key]));
      const problems: RowProblem[] = [];
      const seen = new Map<string, number>();
      const accepted: { recipient: RecipientEntity; channel: Channel; answers: Record<string, unknown>; comment?: string }[] = [];
      if (!rows.length) problems.push({ line: 1, ...fieldProblem('file', 'notEmpty', 'the file has no answer rows', '文件中没有答卷数据') });
      for (const { line, values } of rows) {
        const { recipient_id: rid, email, channel: channelCell, comment, name: _name, ...rest } = values;
        // an empty cell means the default, as a missing column does
        const channel = channelCell || 'paper';
        const recipient = rid ? byId.get(rid) : email ? byEmail.get(email.toLowerCase()) : undefined;
        if (!recipient) {
          problems.push({ line, ...fieldProblem(rid ? 'recipient_id' : 'email', 'recipient', 'no recipient of this survey matches this row', '本次调查中没有与此行对应的调查对象') });
          continue;
        }
        if (recipient.status === 'answered') problems.push({ line, ...fieldProblem('recipient_id', 'once', `${recipient.name} has already answered`, `${recipient.name} 已作答`) });
        const other = seen.get(recipient.id);
        if (other) problems.push({ line, ...fieldProblem('recipient_id', 'unique', `${recipient.name} is also on line ${other}`, `${recipient.name} 与第 ${other} 行重复`) });
        seen.set(recipient.id, line);
        if (!['email', 'fax', 'phone', 'visit', 'paper', 'web'].includes(channel)) {
          problems.push({ line, ...fieldProblem('channel', 'isIn', `${channel} is not a channel`, `${channel} 不是有效的回收渠道`) });
        }
        const answers = Object.fromEntries(Object.entries(rest).map(([header, v]) => [itemByHeader.get(header) ?? header, v === '' ? null : v]));
        const checked = checkAnswers(resolved, answers);
        problems.push(...checked.problems.map((p) => ({ line, ...p })));
        accepted.push({ recipient, channel: channel as Channel, answers, ...(comment ? { comment } : {}) });
      }
      if (problems.length) rejectFile(problems, ANSWER_FILE);
      for (const a of accepted) await this.store(m, a.recipient, a.channel, a.answers, a.comment, actor.id, survey, resolved);
      return { imported: accepted.length };
    });
  }

  async comments(surveyId: string): Promise<RespondentComment[]> {
    const rows: { customer: string; channel: Channel; product_type: string | null; region: string | null; comment: string }[] = await this.ds.query(
      `SELECT r.name AS customer, s.channel, r.product_type, r.region, s.comment
         FROM responses s JOIN recipients r ON r.id = s.recipient_id
        WHERE s.survey_id = ? AND s.comment IS NOT NULL
        ORDER BY s.created_at, s.id`,
      [surveyId],
    );
    return rows.map((r) => ({ customer: r.customer, channel: r.channel, productType: r.product_type, region: r.region, comment: r.comment }));
  }

  /**
   * Rebuilds a survey's tallies from its stored answers, in one transaction. For
   * answers written around the normal path (bulk loads) and to check the tallies.
   */
  async recount(surveyId: string): Promise<void> {
    await this.tx.run(async (m) => {
      const survey = await m.findOne(SurveyEntity, { where: { id: surveyId } });
      if (!survey) throw new NotFoundException(surveyNotFound(surveyId));
      await recountSurvey(m, this.tx.dialect, tallyLayout(this.resolve(survey)), surveyId);
    });
  }

  private resolve(survey: SurveyEntity): ResolvedQuestionnaire {
    const { resolved } = resolveQuestionnaire(survey.questionnaire);
    if (!resolved) throw new Error(`survey ${survey.id} has an invalid stored questionnaire`);
    return resolved;
  }

  /** The survey, if it takes answers now. A respondent (a customer) is told so in both languages, without the plan's inner state. */
  private async openSurvey(m: EntityManager, surveyId: string, respondent = false): Promise<SurveyEntity> {
    const survey = await m.findOne(SurveyEntity, { where: { id: surveyId } });
    if (!survey) throw new NotFoundException(surveyNotFound(surveyId));
    const state = await planState(m, survey.instanceId);
    if (!COLLECTING.includes(state ?? '')) {
      throw new UnprocessableEntityException(
        respondent
          ? CLOSED_TO_RESPONDENTS
          : notInStep({ en: 'answers are accepted', zh: '录入答卷' }, 'collecting', state),
      );
    }
    return survey;
  }

  private async store(
    m: EntityManager,
    recipient: RecipientEntity,
    channel: Channel,
    answers: Record<string, unknown>,
    comment: string | undefined,
    enteredBy: string | null,
    survey?: SurveyEntity,
    resolved?: ResolvedQuestionnaire,
  ): Promise<string> {
    survey ??= await this.openSurvey(m, recipient.surveyId, enteredBy === null);
    if (recipient.status === 'answered') throw new ConflictException(ALREADY_ANSWERED);
    resolved ??= this.resolve(survey);
    const checked = checkAnswers(resolved, answers);
    if (checked.problems.length) throw invalidAnswers(checked.problems);
    const id = randomUUID();
    const now = this.clock.now();
    try {
      await m.insert(ResponseEntity, { id, surveyId: survey.id, recipientId: recipient.id, channel, comment: comment ?? null, enteredBy, createdAt: now });
    } catch (error) {
      if (isUniqueViolation(error)) throw new ConflictException(ALREADY_ANSWERED);
      throw error;
    }
    if (checked.rows.length) {
      await m.insert(AnswerEntity, checked.rows.map((r) => ({ responseId: id, surveyId: survey!.id, ...r })));
      await tallyResponses(m, this.tx.dialect, tallyLayout(resolved), [id]);
    }
    await m.update(RecipientEntity, { id: recipient.id }, { status: 'answered', answeredAt: now });
    await this.followUpTasks.closeFor(m, survey.instanceId, recipient.id, 'system', `the customer answered (${channel})`);
    return id;
  }
}

function invalidAnswers(problems: QuestionnaireProblem[]): BadRequestException {
  return new BadRequestException({
    ...says(`answers invalid: ${problems.map((p) => p.message.en).join('; ')}`, `答卷内容有误：${problems.map((p) => p.message.zh).join('；')}`),
    details: problems,
  });
}

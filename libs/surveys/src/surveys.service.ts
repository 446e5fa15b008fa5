import { BadRequestException, ConflictException, ForbiddenException, Injectable, NotFoundException, UnprocessableEntityException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager, In } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { Clock } from '@satisflow/config';
import { addDuration, Dispatcher, InstanceEntity, OutboxEntity, TrailNotes } from '@satisflow/engine';
import { says } from '@satisflow/http';
import { hasRole, ROLES, type Actor } from '@satisflow/identity';
import { TransactionRunner } from '@satisflow/persistence';
import { returnRate } from '@satisflow/scoring';
import { fieldProblem, validationFailed } from '@satisflow/validation';
import type { AddRecipientsDto, CreateSurveyDto, RecipientDto, SampleRecipientsDto } from './dto/survey.dto';
import { CustomerEntity } from './entities/customer.entity';
import { FOLLOW_UP_AFTER, FollowUpTasks } from './follow-up-tasks';
import { RecipientEntity } from './entities/recipient.entity';
import { SurveyEntity } from './entities/survey.entity';
import { invitationKey } from './mail/invitation-keys';
import { Questionnaire, questionnaireHash, resolveQuestionnaire } from './questionnaire';
import { planState } from './plan-state';
import { notInStep, onlyCoordinator, planIsIn, surveyNotFound } from './survey-messages';
import { newToken } from './tokens';

export const SURVEY_PROCEDURE = 'annual-satisfaction-survey';
/** Days after the invitation before the coordinator phones a customer who has not answered (procedure A step 4). */

export interface RecipientView {
  id: string;
  name: string;
  channel: string;
  status: string;
  email?: string | null;
  phone?: string | null;
  productType?: string | null;
  region?: string | null;
  customerType?: string | null;
  invitedAt?: string | null;
  followUpDueAt?: string | null;
  followUpOverdue: boolean;
  answeredAt?: string | null;
  bouncedAt?: string | null;
  /** The mail server's reply when it refused the invitation (status `bounced`). */
  bounceReason?: string | null;
  /** Only in the answer to the request that created the recipient: the personal link's secret. */
  token?: string;
}

@Injectable()
export class SurveysService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly tx: TransactionRunner,
    private readonly clock: Clock,
    private readonly dispatcher: Dispatcher,
    private readonly followUpTasks: FollowUpTasks,
    private readonly notes: TrailNotes,
  ) {}

  async create(dto: CreateSurveyDto, actor: Actor): Promise<SurveyEntity> {
    if (!['survey_manager', 'coordinator'].some((r) => hasRole(actor, r as 'coordinator'))) {
      throw new ForbiddenException(
        says('only the survey manager or a coordinator may create a survey', `只有${ROLES.survey_manager.zh}或${ROLES.coordinator.zh}可以创建调查`),
      );
    }
    const instance = await this.ds.getRepository(InstanceEntity).findOne({ where: { id: dto.instanceId } });
    if (!instance || instance.procedureKey !== SURVEY_PROCEDURE) throw new NotFoundException(says(`no survey plan instance ${dto.instanceId}`, `调查计划实例 ${dto.instanceId} 不存在`));
    if (instance.state !== 'planning') {
      throw new UnprocessableEntityException(notInStep({ en: 'a survey is attached', zh: '关联调查' }, 'planning', instance.state));
    }
    const questionnaire: Questionnaire = {
      scale: dto.scale as Questionnaire['scale'],
      dimensions: dto.dimensions as Questionnaire['dimensions'],
      ...(dto.overallItem ? { overallItem: dto.overallItem as Questionnaire['overallItem'] } : {}),
      ...(dto.satisfiedThreshold !== undefined ? { satisfiedThreshold: dto.satisfiedThreshold } : {}),
      ...(dto.bands ? { bands: dto.bands as Questionnaire['bands'] } : {}),
      ...(dto.indexMethod ? { indexMethod: dto.indexMethod } : {}),
    };
    const { problems } = resolveQuestionnaire(questionnaire);
    if (problems.length) {
      throw new BadRequestException({
        ...says(
          `questionnaire invalid: ${problems.map((p) => `${p.field} (${p.message.en})`).join('; ')}`,
          `问卷设置有误：${problems.map((p) => `${p.field}（${p.message.zh}）`).join('；')}`,
        ),
        details: problems,
      });
    }
    // one questionnaire per plan: the approval freezes it, and the gate, results and report read it
    const attached = await this.ds.getRepository(SurveyEntity).findOne({ where: { instanceId: dto.instanceId }, select: { id: true } });
    if (attached) {
      throw new ConflictException(says(`the plan already has survey ${attached.id}: a plan has one questionnaire`, `该调查计划已关联调查 ${attached.id}：每个计划只有一份问卷`));
    }
    const survey = this.ds.getRepository(SurveyEntity).create({
      id: randomUUID(),
      instanceId: dto.instanceId,
      title: dto.title,
      series: dto.series ?? SURVEY_PROCEDURE,
      period: dto.period ?? null,
      questionnaire,
      questionnaireHash: questionnaireHash(questionnaire),
      targetReturnRate: dto.targetReturnRate ?? 80,
      status: 'draft',
      frozenAt: null,
      createdBy: actor.id,
      createdAt: this.clock.now(),
    });
    await this.ds.getRepository(SurveyEntity).insert(survey as QueryDeepPartialEntity<SurveyEntity>);
    return survey;
  }

  async get(id: string, m: EntityManager = this.ds.manager): Promise<SurveyEntity> {
    const survey = await m.findOne(SurveyEntity, { where: { id } });
    if (!survey) throw new NotFoundException(surveyNotFound(id));
    return survey;
  }

  list(instanceId?: string): Promise<SurveyEntity[]> {
    return this.ds.getRepository(SurveyEntity).find({ where: instanceId ? { instanceId } : {}, order: { createdAt: 'DESC' } });
  }

  /**
   * Freezes the survey of a plan when the approver signs it: from now on every figure is
   * computed from this version, against the return-rate target the approver signed.
   */
  async freezeForInstance(m: EntityManager, instance: InstanceEntity): Promise<void> {
    const target = (instance.snapshot.context as { plan?: { targetReturnRate?: unknown } }).plan?.targetReturnRate;
    await m.update(
      SurveyEntity,
      { instanceId: instance.id, status: 'draft' },
      { status: 'frozen', frozenAt: this.clock.now(), ...(Number.isInteger(target) ? { targetReturnRate: target as number } : {}) },
    );
  }

  /**
   * Recipients entered by hand. Each counts once in the return rate's denominator, so a
   * customer already on the survey is a 409, an unknown customer a 404, and the e-mail
   * channel needs an address; a customer's product type, region and the like come from
   * the customer service file where the entry leaves them out, so the slices see them.
   */
  async addRecipients(surveyId: string, dto: AddRecipientsDto): Promise<RecipientView[]> {
    return this.tx.run(async (m) => {
      await this.beforeDispatch(m, await this.get(surveyId, m));
      const list = dto.recipients;
      const problems = list.flatMap((r, i) =>
        r.channel === 'email' && !r.email ? [fieldProblem(`recipients.${i}.email`, 'requiredForChannel', 'the e-mail channel needs an e-mail address', '电子邮件渠道须填写电子邮件地址')] : [],
      );
      if (problems.length) throw validationFailed(problems);
      const ids = list.map((r) => r.customerId).filter((id): id is string => !!id);
      const customers = new Map((ids.length ? await m.find(CustomerEntity, { where: { id: In(ids) } }) : []).map((c) => [c.id, c]));
      const taken = new Set(ids.length ? (await m.find(RecipientEntity, { where: { surveyId, customerId: In(ids) }, select: { customerId: true } })).map((r) => r.customerId) : []);
      const filled = list.map((r, i) => {
        if (!r.customerId) return r;
        const c = customers.get(r.customerId);
        if (!c) throw new NotFoundException(says(`recipients.${i}.customerId: no customer ${r.customerId}`, `recipients.${i}.customerId：客户 ${r.customerId} 不存在`));
        if (taken.has(c.id)) {
          throw new ConflictException(
            says(`recipients.${i}.customerId: ${c.code} ${c.name} is already a recipient of this survey`, `recipients.${i}.customerId：${c.code} ${c.name} 已是本次调查的调查对象`),
          );
        }
        taken.add(c.id);
        return withCustomerFile(r, c);
      });
      return this.insertRecipients(m, surveyId, filled);
    });
  }

  /** Recipients join a survey until it is dispatched: one added later would never be invited, yet sit on the survey. */
  private async beforeDispatch(m: EntityManager, survey: SurveyEntity): Promise<void> {
    const state = await planState(m, survey.instanceId);
    if (state && !['planning', 'planApproval', 'dispatching'].includes(state)) {
      throw new UnprocessableEntityException(
        says(`recipients are added until the survey is dispatched; ${planIsIn(state).en}`, `问卷发放后不能再添加调查对象；${planIsIn(state).zh}`),
      );
    }
  }

  /** Samples recipients from the customer service files (all matching, or a random sample of `size`). */
  async sample(surveyId: string, dto: SampleRecipientsDto): Promise<RecipientView[]> {
    return this.tx.run(async (m) => {
      await this.beforeDispatch(m, await this.get(surveyId, m));
      const already = new Set((await m.find(RecipientEntity, { where: { surveyId }, select: { customerId: true } })).map((r) => r.customerId));
      let customers = (
        await m.find(CustomerEntity, {
          where: {
            ...(dto.productType ? { productType: dto.productType } : {}),
            ...(dto.region ? { region: dto.region } : {}),
            ...(dto.customerType ? { customerType: dto.customerType } : {}),
          },
          order: { code: 'ASC' },
        })
      ).filter((c) => !already.has(c.id));
      if (dto.size && dto.size < customers.length) customers = shuffle(customers).slice(0, dto.size);
      return this.insertRecipients(
        m,
        surveyId,
        customers.map((c) => {
          const channel = dto.channel ?? 'email';
          // e-mail (asked for, or the default) without an address: the phone follow-up list instead of an invitation nobody gets
          return withCustomerFile({ customerId: c.id, name: c.name, channel: channel === 'email' && !c.email ? 'phone' : channel }, c);
        }),
      );
    });
  }

  async recipients(surveyId: string): Promise<RecipientView[]> {
    await this.get(surveyId);
    const rows = await this.ds.getRepository(RecipientEntity).find({ where: { surveyId }, order: { createdAt: 'ASC', name: 'ASC' } });
    return rows.map((r) => this.view(r));
  }

  /**
   * Sends what can be sent (e-mail invitations through the outbox), records the
   * manual channels as invited, starts the 3-day follow-up clocks, and moves the
   * plan to collection with DISPATCHED, all in one transaction.
   */
  async dispatch(surveyId: string, actor: Actor, publicBaseUrl: string): Promise<{ invited: number; emails: number; manual: number }> {
    if (!hasRole(actor, 'coordinator')) throw new ForbiddenException(onlyCoordinator('dispatches questionnaires', '发放问卷'));
    return this.tx.run(async (m) => {
      const survey = await this.get(surveyId, m);
      const instance = await m.findOne(InstanceEntity, { where: { id: survey.instanceId } });
      if (!instance || instance.state !== 'dispatching') {
        throw new UnprocessableEntityException(notInStep({ en: 'questionnaires are sent', zh: '发放问卷' }, 'dispatching', instance?.state));
      }
      const pending = await m.find(RecipientEntity, { where: { surveyId, status: 'pending' } });
      if (!pending.length && !(await m.count(RecipientEntity, { where: { surveyId } }))) {
        throw new UnprocessableEntityException(says('the survey has no recipients: add or sample them first', '本次调查还没有调查对象：请先添加或抽样'));
      }
      const now = this.clock.now();
      let emails = 0;
      for (const r of pending) {
        if (r.channel === 'email' && r.email) {
          await this.queueInvitation(m, instance, survey, r, publicBaseUrl, invitationKey(r.id), false);
          emails++;
        }
      }
      await m.update(RecipientEntity, { surveyId, status: 'pending' }, { status: 'invited', invitedAt: now });
      await this.followUpTasks.openFor(m, instance, pending, now);
      await this.dispatcher.sendSystem(m, instance.id, { type: 'DISPATCHED', data: { surveyId, invited: pending.length, emails } });
      return { invited: pending.length, emails, manual: pending.length - emails };
    });
  }

  /**
   * E-mails a reminder to every e-mail recipient who has not answered yet. The
   * reminder carries a fresh link (only token hashes are stored, so the old
   * secret cannot be re-sent); the earlier link stops working.
   */
  async remind(surveyId: string, actor: Actor, publicBaseUrl: string): Promise<{ reminded: number }> {
    if (!hasRole(actor, 'coordinator')) throw new ForbiddenException(onlyCoordinator('sends reminders', '发送提醒'));
    return this.tx.run(async (m) => {
      const survey = await this.get(surveyId, m);
      const instance = await m.findOne(InstanceEntity, { where: { id: survey.instanceId } });
      if (!instance || instance.state !== 'collecting') {
        throw new UnprocessableEntityException(notInStep({ en: 'reminders are sent', zh: '发送提醒' }, 'collecting', instance?.state));
      }
      const open = await m.find(RecipientEntity, { where: { surveyId, channel: 'email', status: In(['invited', 'reminded', 'followed_up']) } });
      const now = this.clock.now();
      const targets = open.filter((r) => r.email);
      for (const r of targets) {
        await this.queueInvitation(m, instance, survey, r, publicBaseUrl, invitationKey(r.id, now), true);
        await m.update(RecipientEntity, { id: r.id }, { status: 'reminded', remindedAt: now });
      }
      return { reminded: targets.length };
    });
  }

  /** Issues a fresh personal link and queues the e-mail carrying it in the caller's transaction. */
  private async queueInvitation(
    m: EntityManager,
    instance: InstanceEntity,
    survey: SurveyEntity,
    r: RecipientEntity,
    publicBaseUrl: string,
    effectKey: string,
    reminder: boolean,
  ): Promise<void> {
    // The e-mail is the only place the secret is written down.
    const { token, hash } = newToken();
    await m.update(RecipientEntity, { id: r.id }, { tokenHash: hash });
    const now = this.clock.now();
    await m.insert(OutboxEntity, {
      id: randomUUID(),
      instanceId: instance.id,
      revision: instance.revision,
      kind: 'email',
      effectKey,
      payload: {
        type: 'effect.email',
        to: r.email!,
        subject: `${reminder ? '提醒 / Reminder: ' : ''}${survey.title} — 客户满意度调查 / Customer satisfaction survey`,
        text: invitationText(r.name, survey.title, `${publicBaseUrl}/r/${token}`),
      } as QueryDeepPartialEntity<OutboxEntity['payload']>,
      status: 'pending',
      attempts: 0,
      nextAttemptAt: now,
      lastError: null,
      createdAt: now,
      doneAt: null,
    });
  }

  /** Recipients the coordinator must phone: invited 3 days ago or more and not answered. */
  async followUps(surveyId: string): Promise<RecipientView[]> {
    return (await this.recipients(surveyId)).filter((r) => r.followUpOverdue);
  }

  async recordFollowUp(surveyId: string, recipientId: string, note: string, actor: Actor): Promise<RecipientView> {
    return this.tx.run(async (m) => {
      const recipient = await m.findOne(RecipientEntity, { where: { id: recipientId, surveyId }, select: { id: true, name: true } });
      if (!recipient) {
        throw new NotFoundException(says(`recipient ${recipientId} not found in survey ${surveyId}`, `调查 ${surveyId} 中没有调查对象 ${recipientId}`));
      }
      const view = await this.recordFollowUpIn(m, recipientId, note, actor.username);
      // from the inbox, the completed task's record says the same (SideTasks.complete)
      const survey = await this.get(surveyId, m);
      await this.notes.append(m, survey.instanceId, {
        event: 'FOLLOW_UP_RECORDED',
        actor,
        role: 'coordinator',
        comment: note,
        data: { survey: surveyId, recipient: { id: recipientId, name: recipient.name } },
      });
      return view;
    });
  }

  /** Records the call on the recipient and closes their follow-up task, in the caller's transaction. */
  async recordFollowUpIn(m: EntityManager, recipientId: string, note: string, by: string): Promise<RecipientView> {
    const r = await m.findOne(RecipientEntity, { where: { id: recipientId } });
    if (!r) throw new NotFoundException(says(`recipient ${recipientId} not found`, `调查对象 ${recipientId} 不存在`));
    if (r.status === 'answered') throw new UnprocessableEntityException(says('this recipient has already answered', '该调查对象已作答'));
    const now = this.clock.now();
    await m.update(RecipientEntity, { id: r.id }, { status: 'followed_up', followedUpAt: now, followUpNote: note });
    const survey = await this.get(r.surveyId, m);
    await this.followUpTasks.closeFor(m, survey.instanceId, r.id, by, note);
    return this.view({ ...r, status: 'followed_up', followedUpAt: now, followUpNote: note });
  }

  /** Sent and returned for the return-rate gate: recipients invited, and of those, answered. */
  async returnFigures(m: EntityManager, surveyId: string): Promise<{ sent: number; returned: number; returnRate: number }> {
    const sent = await m.count(RecipientEntity, { where: { surveyId, status: In(['invited', 'reminded', 'followed_up', 'answered', 'bounced']) } });
    const returned = await m.count(RecipientEntity, { where: { surveyId, status: 'answered' } });
    return { sent, returned, returnRate: returnRate(sent, returned) };
  }

  /** The facts the survey procedure's guards read (return-rate gate). */
  async factsForInstance(m: EntityManager, instanceId: string): Promise<Record<string, unknown>> {
    const survey = await m.findOne(SurveyEntity, { where: { instanceId }, order: { createdAt: 'DESC' } });
    if (!survey) return {};
    const figures = await this.returnFigures(m, survey.id);
    return { surveyId: survey.id, ...figures, targetReturnRate: survey.targetReturnRate };
  }

  /** The questionnaire a plan approval signs: the plan's survey and its content hash. */
  async questionnaireFact(m: EntityManager, instanceId: string): Promise<Record<string, unknown>> {
    const survey = await m.findOne(SurveyEntity, { where: { instanceId }, select: { id: true, questionnaireHash: true } });
    return survey ? { questionnaire: { surveyId: survey.id, hash: survey.questionnaireHash } } : {};
  }

  private async insertRecipients(m: EntityManager, surveyId: string, list: RecipientDto[]): Promise<RecipientView[]> {
    const now = this.clock.now();
    const created: RecipientView[] = [];
    for (const r of list) {
      const { token, hash } = newToken();
      const row: RecipientEntity = {
        id: randomUUID(),
        surveyId,
        customerId: r.customerId ?? null,
        name: r.name,
        email: r.email ?? null,
        phone: r.phone ?? null,
        fax: r.fax ?? null,
        productType: r.productType ?? null,
        region: r.region ?? null,
        customerType: r.customerType ?? null,
        site: r.site ?? null,
        channel: r.channel,
        tokenHash: hash,
        status: 'pending',
        invitedAt: null,
        remindedAt: null,
        followedUpAt: null,
        answeredAt: null,
        bouncedAt: null,
        bounceReason: null,
        followUpNote: null,
        createdAt: now,
      };
      await m.insert(RecipientEntity, row);
      created.push({ ...this.view(row), token });
    }
    return created;
  }

  view(r: RecipientEntity): RecipientView {
    const due = r.invitedAt ? addDuration(r.invitedAt, FOLLOW_UP_AFTER) : null;
    return {
      id: r.id,
      name: r.name,
      channel: r.channel,
      status: r.status,
      email: r.email,
      phone: r.phone,
      productType: r.productType,
      region: r.region,
      customerType: r.customerType,
      invitedAt: r.invitedAt?.toISOString() ?? null,
      followUpDueAt: due?.toISOString() ?? null,
      followUpOverdue: !!due && (r.status === 'invited' || r.status === 'reminded') && due.getTime() <= this.clock.now().getTime(),
      answeredAt: r.answeredAt?.toISOString() ?? null,
      bouncedAt: r.bouncedAt?.toISOString() ?? null,
      bounceReason: r.bounceReason,
    };
  }
}

function shuffle<T>(items: T[]): T[] {
  const a = [...items];
  for (let i = a.length - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1));
    [a[i], a[j]] = [a[j], a[i]];
  }
  return a;
}

function invitationText(name: string, title: string, link: string): string {
  return [
    `${name}，您好：`,
    `感谢您一直以来的支持。为持续改进产品和服务，请您花几分钟填写《${title}》：`,
    link,
    '',
    `Dear ${name},`,
    `Thank you for your business. Please take a few minutes to answer "${title}":`,
    link,
  ].join('\n');
}

/** What a recipient takes from the customer service file where it does not say: how to reach them, and the slices they count in. */
const FROM_CUSTOMER_FILE = ['email', 'phone', 'fax', 'productType', 'region', 'customerType', 'site'] as const;

function withCustomerFile(r: RecipientDto, c: CustomerEntity): RecipientDto {
  const filled = { ...r };
  for (const key of FROM_CUSTOMER_FILE) filled[key] ??= c[key] ?? undefined;
  return filled;
}

import {
  ConflictException,
  ForbiddenException,
  HttpException,
  Injectable,
  NotFoundException,
  UnprocessableEntityException,
} from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { initialTransition } from 'xstate';
import { AuditWriter } from '@satisflow/audit';
import { Clock } from '@satisflow/config';
import { says } from '@satisflow/http';
import {
  activeActorQuery,
  actorFromRows,
  hasRole,
  ROLES,
  isActor,
  mayChangeData,
  SignatureVerifier,
  UsersService,
  type Actor,
  type RoleKey,
  type SignatureDto,
  type TokenUser,
} from '@satisflow/identity';
import { executeAll, isUniqueViolation, selectRows, Statement, TransactionRunner } from '@satisflow/persistence';
import type { ProcedureDefinition, ProcedureEffect, ProcedureEvent, StepMeta } from '../definitions/procedure-definition';
import { IdempotencyKeyEntity, InstanceEntity, TaskEntity } from '../entities';
import { instanceNotFound, reloadAndRetry } from '../engine-messages';
import { ProcedureRegistry } from '../procedure-registry';
import { companyDate, type CalendarConfig } from '../time/business-calendar';
import { CalendarService } from '../time/calendar.service';
import { deadlineDue } from './deadline-due';
import { FactProviders } from './fact-providers';
import { TransitionHooks } from './transition-hooks';
import { buildInstanceView, InstanceView } from './instance-view';
import { guardRefusal } from './refused-fields';
import { handledEvents, stateId, stepMeta } from './step-meta';
import { eventZh, stepName } from './step-names';
import { transitionStored } from './pure-transition';
import {
  countChild,
  deleteTasks,
  deleteTimers,
  earliestTimerDue,
  insertInstance,
  insertTask,
  insertTimer,
  InstanceChange,
  loadInstance,
  loadInstanceWith,
  openTaskTimes,
  replaceTask,
  insertOutboxRow,
  updateInstance,
} from './instance-rows';
import { OutboxBell } from '../worker/outbox-bell';
import { checkStep, Refusal, scopeOf } from './step-policy';
import { CANCEL, CANCELLED_STATE, cancellerRole, cancelRefusal } from './cancellation';
import { closeOpenSideTasks } from '../tasks/side-tasks';
import { startersOf } from '../definitions/starters';

export interface EventInput {
  type: string;
  expectedRevision?: number;
  comment?: string;
  data?: Record<string, unknown>;
  signature?: SignatureDto;
}

export interface StartInput {
  procedure: string;
  title: string;
  data?: Record<string, unknown>;
}

/** A child started by another instance's effect. */
export interface ParentLink {
  parentId: string;
  parentKey: string;
}

export interface StartOptions {
  parent?: ParentLink;
  /** Receives the open task the new instance starts with. */
  openTasks?: TaskEntity[];
  /** The caller's unit of work ends with this start's writes (see `transit`). */
  endsTransaction?: boolean;
}

const SYSTEM = { id: null, username: 'system', role: 'system' };

function refuse(r: Refusal): never {
  const body = { message: r.message, ...(r.details ? { details: r.details } : {}) };
  throw r.status === 403 ? new ForbiddenException(body) : new UnprocessableEntityException(body);
}

function emittedEffects(actions: readonly { type: string; params?: unknown }[]): ProcedureEffect[] {
  return actions
    .filter((a) => a.type === 'xstate.emit')
    .map((a) => (a.params as { event: ProcedureEffect }).event)
    .filter((e) => typeof e?.type === 'string' && e.type.startsWith('effect.'));
}

/**
 * One path for every event, from people, timers and the system: in one
 * transaction load the instance, check role, separation of duties, comment and
 * signature, compute the next snapshot with XState's pure `transition`, write
 * it with a revision check, append the audit record, replace open tasks and
 * timers, and write the requested side effects to the outbox.
 */
@Injectable()
export class Dispatcher {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly registry: ProcedureRegistry,
    private readonly audit: AuditWriter,
    private readonly clock: Clock,
    private readonly calendar: CalendarService,
    private readonly facts: FactProviders,
    private readonly hooks: TransitionHooks,
    private readonly signatures: SignatureVerifier,
    private readonly outboxBell: OutboxBell,
    private readonly users: UsersService,
  ) {}

  /** Starts an instance by hand. */
  async start(input: StartInput, actor: Actor): Promise<InstanceView> {
    const def = this.registry.latest(input.procedure);
    const calendar = await this.calendar.get();
    return this.tx.run(async (m) => {
      const openTasks: TaskEntity[] = [];
      const instance = await this.startIn(m, def, input, actor, calendar, { openTasks, endsTransaction: true });
      // a new instance has no children yet, and its task was just written
      return buildInstanceView(def, instance, actor, this.clock.now(), { tasks: openTasks, children: [] });
    });
  }

  /**
   * Starts an instance inside the caller's transaction (children from the outbox).
   * Returns the existing child when this parent already started one for the key.
   */
  async startIn(
    m: EntityManager,
    def: ProcedureDefinition,
    input: StartInput,
    actor: Actor | undefined,
    calendar: CalendarConfig,
    { parent, openTasks = [], endsTransaction = false }: StartOptions = {},
  ): Promise<InstanceEntity> {
    if (parent) {
      const existing = await m.findOne(InstanceEntity, { where: { parentId: parent.parentId, parentKey: parent.parentKey } });
      if (existing) return existing;
    }
    const now = this.clock.now();
    const id = randomUUID();
    const [snapshot, actions] = initialTransition(def.machine, {
      title: input.title,
      data: input.data ?? {},
      createdBy: actor?.username ?? 'system',
      parentId: parent?.parentId,
      at: now.toISOString(),
    });
    const state = stateId(snapshot.value);
    // checked against the scope the instance will have, so a scoped starter cannot open one for another unit
    const starterRole = actor ? this.starterRole(def, state, actor, scopeOf(snapshot.context)) : undefined;
    const instance = m.create(InstanceEntity, {
      id,
      procedureKey: def.key,
      procedureVersion: def.version,
      title: input.title,
      state,
      status: snapshot.status === 'done' ? 'completed' : 'active',
      revision: 1,
      snapshot: { value: snapshot.value, context: snapshot.context as Record<string, unknown> },
      stepActors: {},
      parentId: parent?.parentId ?? null,
      parentKey: parent?.parentKey ?? null,
      childCount: 0,
      auditHead: '',
      createdBy: actor?.id ?? null,
      createdAt: now,
      updatedAt: now,
    });
    const record = this.audit.seal(null, {
      instanceId: id,
      revision: 1,
      at: now,
      actor: actor ? { id: actor.id, username: actor.username, role: starterRole ?? null } : SYSTEM,
      event: 'START',
      fromState: null,
      toState: state,
      data: { title: input.title, ...(input.data ? { data: input.data } : {}), ...(parent ? { parentId: parent.parentId, parentKey: parent.parentKey } : {}) },
      procedureKey: def.key,
      procedureVersion: def.version,
    });
    instance.auditHead = record.hash;
    const effects = emittedEffects(actions);
    // one round trip on MySQL: the row, its first audit record, its task and deadline, its effects, and the parent's count of children
    await executeAll(
      m,
      [
        insertInstance(m, instance),
        this.audit.insertStatement(m, record),
        ...(await this.enterState(m, def, instance, null, undefined, now, calendar, openTasks)),
        ...this.effectRows(m, instance, effects, now),
        ...(parent ? [countChild(parent.parentId)] : []),
      ],
      { endsTransaction },
    );
    return instance;
  }

  /** The role in which this person starts an instance of `scope`; 403 when none of theirs may. */
  private starterRole(def: ProcedureDefinition, initialState: string, actor: Actor, scope: string | undefined): RoleKey {
    const starters = startersOf(def, initialState);
    const role = starters.find((r) => hasRole(actor, r, scope));
    if (role) return role;
    const inScope = scope ? { en: ` in scope ${scope}`, zh: `（范围 ${scope}）` } : { en: '', zh: '' };
    throw new ForbiddenException(
      says(`only role ${starters.join(' or ')}${inScope.en} may start ${def.key}`, `只有${starters.map((r) => ROLES[r].zh).join('或')}${inScope.zh}可以发起「${def.title.zh}」`),
    );
  }

  /**
   * An event from a person over HTTP. `caller` is the resolved Actor, or only a verified
   * token's subject (an @AccountInUnit route): then the account is read with the instance,
   * in the transaction's first round trip, and checked as the AuthGuard would (mayChangeData).
   */
  async send(instanceId: string, input: EventInput, caller: Actor | TokenUser, idempotencyKey?: string): Promise<InstanceView> {
    const keyId = idempotencyKey ? `${caller.id}:${idempotencyKey}`.slice(0, 200) : undefined;
    // a replayed answer and a signature need the account before the transaction: read it now
    const known = isActor(caller) ? caller : keyId || input.signature ? mayChangeData(await this.users.activeActor(caller.id)) : undefined;
    if (keyId) {
      const replay = await this.replay(keyId, instanceId);
      if (replay) return replay;
    }
    // Signatures are checked before the transaction: bcrypt is slow and must not hold the writer.
    // Unsigned events skip this read; the transaction checks the state again either way.
    let signatureMeaning: string | undefined;
    if (input.signature) {
      const peek = (await this.tx.read((m) => loadInstance(m, instanceId)))?.instance;
      if (!peek) throw new NotFoundException(instanceNotFound(instanceId));
      const peekMeta = stepMeta(this.registry.get(peek.procedureKey, peek.procedureVersion).machine, peek.state);
      // `known`: every signed event's account was read above
      if (input.type === CANCEL || peekMeta?.signed?.[input.type]) signatureMeaning = await this.signatures.verify(known!, input.signature, instanceId);
    }
    const calendar = await this.calendar.get();
    // the outbox rows of children this event starts: performed before answering, so the answer lists them
    const childStarts: string[] = [];
    try {
      const view = await this.tx.run(async (m) => {
        const { loaded, alongside } = await loadInstanceWith(m, instanceId, known ? [] : [activeActorQuery(caller.id)], { forUpdate: true });
        const actor = known ?? mayChangeData(actorFromRows(alongside[0]));
        if (!loaded) throw new NotFoundException(instanceNotFound(instanceId));
        const def = this.registry.get(loaded.instance.procedureKey, loaded.instance.procedureVersion);
        const openTasks: TaskEntity[] = [];
        // with an idempotency key the answer is stored after the transition; without one its writes end the unit
        const next = await this.transit(m, def, loaded.instance, input, actor, signatureMeaning, calendar, openTasks, !keyId, childStarts);
        // children are created by the outbox in their own transactions, so the load already saw them all
        const view = buildInstanceView(def, next, actor, this.clock.now(), { tasks: openTasks, children: loaded.children });
        if (keyId) {
          await m.insert(IdempotencyKeyEntity, { id: keyId, instanceId, statusCode: 200, response: view, createdAt: this.clock.now() });
        }
        return view;
      });
      return childStarts.length ? await this.withChildrenStarted(view, childStarts, keyId) : view;
    } catch (error) {
      // the same key raced us and won: answer what the winner answered
      if (keyId && isUniqueViolation(error)) {
        const replay = await this.replay(keyId, instanceId);
        if (replay) return replay;
      }
      throw error;
    }
  }

  /** An event from the system (another module), inside that module's transaction. */
  async sendSystem(m: EntityManager, instanceId: string, input: EventInput): Promise<InstanceEntity> {
    const loaded = await loadInstance(m, instanceId, { forUpdate: true });
    if (!loaded) throw new NotFoundException(instanceNotFound(instanceId));
    const def = this.registry.get(loaded.instance.procedureKey, loaded.instance.procedureVersion);
    return this.apply(m, def, loaded.instance, input, undefined, undefined, await this.calendar.get());
  }

  /**
   * Applies one event inside the caller's transaction and returns the updated row.
   * `actor` undefined = the system (timers, the survey module, the outbox).
   */
  async apply(
    m: EntityManager,
    def: ProcedureDefinition,
    instance: InstanceEntity,
    input: EventInput & { state?: string; level?: number },
    actor: Actor | undefined,
    signatureMeaning: string | undefined,
    calendar: CalendarConfig,
  ): Promise<InstanceEntity> {
    return this.transit(m, def, instance, input, actor, signatureMeaning, calendar, [], false);
  }

  /**
   * `apply`, also handing back the open task it leaves (so the caller's view needs no re-read).
   * `endsTransaction`: the caller writes nothing after this transition, so when no effect
   * and no hook follows the batch, COMMIT travels with it (one round trip fewer on MySQL).
   */
  private async transit(
    m: EntityManager,
    def: ProcedureDefinition,
    instance: InstanceEntity,
    input: EventInput & { state?: string; level?: number },
    actor: Actor | undefined,
    signatureMeaning: string | undefined,
    calendar: CalendarConfig,
    openTasks: TaskEntity[],
    endsTransaction: boolean,
    childStarts: string[] = [],
  ): Promise<InstanceEntity> {
    if (input.expectedRevision !== undefined && input.expectedRevision !== instance.revision) {
      throw new ConflictException(
        says(
          `instance is at revision ${instance.revision}, not ${input.expectedRevision}: reload and try again`,
          `实例当前为版本 ${instance.revision}，不是 ${input.expectedRevision}：请刷新后重试`,
        ),
      );
    }
    if (instance.status !== 'active') {
      throw new UnprocessableEntityException(says(`instance is ${instance.status}; it takes no more events`, `实例已${instance.status === 'completed' ? '完成' : '取消'}，不再接受任何操作`));
    }
    if (input.type === CANCEL) return this.cancel(m, def, instance, input, actor, signatureMeaning, endsTransaction);
    const meta = stepMeta(def.machine, instance.state);
    const refusal = checkStep({
      state: instance.state,
      meta,
      event: input.type,
      actor,
      stepActors: instance.stepActors,
      comment: input.comment,
      signed: signatureMeaning !== undefined,
      scope: scopeOf(instance.snapshot.context),
      metaOf: (state) => stepMeta(def.machine, state),
    });
    if (refusal) {
      // the state moved on between the signature check and now
      if (refusal.details?.[0]?.field === 'signature' && input.signature) throw new ConflictException(says('the instance changed while signing: reload and try again', '签名期间实例已发生变化：请刷新后重试'));
      refuse(refusal);
    }
    const now = this.clock.now();
    const facts = await this.facts.collect(m, instance, input.type, input.data);
    const event: ProcedureEvent = {
      type: input.type,
      at: now.toISOString(),
      today: companyDate(now, calendar),
      utcOffsetMinutes: calendar.utcOffsetMinutes,
      ...(actor ? { actor: { id: actor.id, username: actor.username, roles: actor.roles.map((g) => g.role) } } : {}),
      ...(input.comment !== undefined ? { comment: input.comment } : {}),
      ...(input.data !== undefined ? { data: input.data } : {}),
      ...(input.state !== undefined ? { state: input.state, level: input.level } : {}),
      facts,
    };
    const { current, next, actions } = transitionStored(def.machine, instance.snapshot, event);
    if (next === current) this.notAccepted(def, instance.state, event, current.context, meta);

    const fromState = instance.state;
    const toState = stateId(next.value);
    const revision = instance.revision + 1;
    const effects = emittedEffects(actions);
    const updated: InstanceChange = {
      state: toState,
      status: next.status === 'done' ? 'completed' : 'active',
      revision,
      snapshot: { value: next.value, context: next.context as Record<string, unknown> },
      stepActors: actor ? { ...instance.stepActors, [fromState]: actor.id } : instance.stepActors,
      updatedAt: now,
      auditHead: '',
    };
    const record = this.audit.seal(instance.auditHead, {
      instanceId: instance.id,
      revision,
      at: now,
      actor: actor ? { id: actor.id, username: actor.username, role: meta?.role ?? null } : SYSTEM,
      event: input.type,
      fromState,
      toState,
      comment: input.comment ?? null,
      data: {
        ...(input.data ? { submitted: input.data } : {}),
        ...(input.level !== undefined ? { escalationLevel: input.level } : {}),
        // what the guards saw (a return rate and its target, the report revision a signature signs): part of the hashed record
        ...(Object.keys(facts).length ? { facts } : {}),
        // a notice names the role told, so an escalation's record says who was told (domain.md §7)
        ...(effects.length ? { effects: effects.map((e) => (e.type === 'effect.notify' ? { type: e.type, key: e.key, role: e.role } : { type: e.type, key: 'key' in e ? e.key : undefined })) } : {}),
      },
      signatureMeaning: signatureMeaning ?? null,
      procedureKey: def.key,
      procedureVersion: def.version,
    });
    updated.auditHead = record.hash;
    const fromRevision = instance.revision;
    const saved = Object.assign(instance, updated);
    const transition = { instance: saved, event: input.type, fromState, toState };
    const hooks = this.hooks.applicable(transition);
    // one batch (one round trip on MySQL): the revision-checked update first, then the trail, timers and task
    const writes = [
      updateInstance(m, saved.id, fromRevision, updated, 'active'), // only an active instance takes events (checked above)
      this.audit.insertStatement(m, record),
      ...(await this.enterState(m, def, saved, fromState, input, now, calendar, openTasks)),
      ...this.effectRows(m, saved, effects, now, childStarts),
    ];
    await this.writeBatch(m, writes, fromRevision, endsTransaction && hooks.length === 0);
    for (const hook of hooks) await hook(m, transition);
    return saved;
  }

  /**
   * CANCEL (cancellation.ts): the engine's own terminal step. The snapshot stays where
   * the procedure stopped; the open task, deadlines and side tasks end with it, and the
   * signed reason is in the hashed trail. No machine, hook or effect takes part.
   */
  private async cancel(
    m: EntityManager,
    def: ProcedureDefinition,
    instance: InstanceEntity,
    input: EventInput,
    actor: Actor | undefined,
    signatureMeaning: string | undefined,
    endsTransaction: boolean,
  ): Promise<InstanceEntity> {
    const scope = scopeOf(instance.snapshot.context);
    const cancellers = def.cancellers ?? [];
    const refusal = cancelRefusal({ actor, cancellers, scope, comment: input.comment, signed: signatureMeaning !== undefined });
    if (refusal) refuse(refusal);
    const now = this.clock.now();
    const fromState = instance.state;
    const fromRevision = instance.revision;
    const updated: InstanceChange = {
      state: CANCELLED_STATE,
      status: 'cancelled',
      revision: fromRevision + 1,
      snapshot: instance.snapshot,
      stepActors: instance.stepActors,
      updatedAt: now,
      auditHead: '',
    };
    const record = this.audit.seal(instance.auditHead, {
      instanceId: instance.id,
      revision: updated.revision,
      at: now,
      actor: { id: actor!.id, username: actor!.username, role: cancellerRole(actor, cancellers, scope) ?? null },
      event: CANCEL,
      fromState,
      toState: CANCELLED_STATE,
      comment: input.comment ?? null,
      data: input.data ? { submitted: input.data } : {},
      signatureMeaning: signatureMeaning ?? null,
      procedureKey: def.key,
      procedureVersion: def.version,
    });
    updated.auditHead = record.hash;
    const writes = [
      updateInstance(m, instance.id, fromRevision, updated, 'active'),
      this.audit.insertStatement(m, record),
      deleteTimers(instance.id),
      deleteTasks(instance.id),
      closeOpenSideTasks(m, instance.id, actor!.username, input.comment!, now),
    ];
    await this.writeBatch(m, writes, fromRevision, endsTransaction);
    return Object.assign(instance, updated);
  }

  /**
   * A transition's writes as one batch, the revision-checked instance UPDATE first: a writer
   * that lost the race changes no row, or inserts the winner's audit revision again (409 either way).
   */
  private async writeBatch(m: EntityManager, writes: Statement[], fromRevision: number, endsTransaction: boolean): Promise<void> {
    const changed = await executeAll(m, writes, { endsTransaction }).catch((error: unknown) => {
      throw isUniqueViolation(error) ? this.lostRace(fromRevision) : error;
    });
    if (!changed[0]) throw this.lostRace(fromRevision);
  }

  private lostRace(revision: number): ConflictException {
    return new ConflictException(reloadAndRetry(revision));
  }

  private notAccepted(def: ProcedureDefinition, state: string, event: ProcedureEvent, context: unknown, meta: StepMeta | undefined): never {
    const { type } = event;
    const step = stepName(state, meta);
    if (handledEvents(def.machine, state).includes(type)) {
      const { details, why } = guardRefusal(def, state, event, context);
      // what the checks found, else the step's rule for the event
      const reason = why ?? meta?.rules?.[type] ?? { en: "the procedure's conditions for it are not met", zh: '不满足程序规定的条件' };
      refuse({
        status: 422,
        message: { en: `${type} refused in ${step.en}: ${reason.en}`, zh: `${step.zh}拒绝${eventZh(type)}：${reason.zh}` },
        ...(details.length ? { details } : {}),
      });
    }
    const outcomes = meta?.outcomes ?? [];
    throw new UnprocessableEntityException(
      says(
        `${step.en} does not accept ${type}; it accepts ${outcomes.join(', ') || 'no events from people'}`,
        `${step.zh}不接受 ${eventZh(type)}；可接受：${outcomes.map(eventZh).join('、') || '无人工操作'}`,
      ),
    );
  }

  /**
   * The writes that replace the open task and the deadline timers with what the (new) state defines.
   * Leaves at most one open task, pushed to `openTasks`. Skips the deletes when the
   * state left could have had no timer or task (no deadline, no role).
   */
  private async enterState(
    m: EntityManager,
    def: ProcedureDefinition,
    instance: InstanceEntity,
    fromState: string | null,
    input: (EventInput & { level?: number }) | undefined,
    now: Date,
    calendar: CalendarConfig,
    openTasks: TaskEntity[] = [],
  ): Promise<Statement[]> {
    const writes: Statement[] = [];
    const meta = stepMeta(def.machine, instance.state);
    const fromMeta = fromState === null ? undefined : stepMeta(def.machine, fromState);
    const stateChanged = fromState !== instance.state;
    const active = instance.status === 'active';
    if ((stateChanged || !active) && fromMeta?.deadline) writes.push(deleteTimers(instance.id));
    let dueAt: Date | null = null;
    if (active && meta?.deadline) {
      const level = stateChanged ? 1 : input?.type === 'DEADLINE' ? (input.level ?? 1) + 1 : undefined;
      if (level !== undefined && level <= meta.deadline.escalation.length) {
        dueAt = deadlineDue(meta.deadline, level, instance.snapshot.context, now, calendar);
        writes.push(insertTimer(m, { id: randomUUID(), instanceId: instance.id, state: instance.state, revision: instance.revision, level, dueAt, createdAt: now }));
      } else if (level === undefined) {
        dueAt = await earliestTimerDue(m, instance.id);
      }
    }
    // an escalated task stays overdue: its original due date and creation time are kept
    const kept = !stateChanged ? await openTaskTimes(m, instance.id) : undefined;
    const role = active ? meta?.role : undefined;
    if (fromMeta?.role && !role) writes.push(deleteTasks(instance.id));
    if (meta && role) {
      const assignee = meta.assignee ? instance.snapshot.context[meta.assignee] : undefined;
      const opensAt = meta.taskOpensAt ? instance.snapshot.context[meta.taskOpensAt] : undefined;
      const task: TaskEntity = {
        id: randomUUID(),
        instanceId: instance.id,
        procedureKey: def.key,
        state: instance.state,
        role,
        assignee: typeof assignee === 'string' ? assignee : null,
        titleZh: meta.title.zh,
        titleEn: meta.title.en,
        outcomes: meta.outcomes ?? [],
        dueAt: kept?.dueAt ?? dueAt,
        createdAt: kept?.createdAt ?? now,
        opensAt: typeof opensAt === 'string' && !Number.isNaN(Date.parse(opensAt)) ? new Date(opensAt) : null,
      };
      writes.push(fromMeta?.role ? replaceTask(m, task) : insertTask(m, task));
      openTasks.push(task);
    }
    return writes;
  }

  /**
   * The effects' outbox rows, as statements of the transition's batch (so its COMMIT can
   * still ride along); the ids of those that start a child go to `childStarts`. An effect
   * asked for before (an earlier pass through the same state) is not written again.
   */
  private effectRows(m: EntityManager, instance: InstanceEntity, effects: ProcedureEffect[], now: Date, childStarts: string[] = []): Statement[] {
    if (!effects.length) return [];
    this.tx.afterCommit(m, () => this.outboxBell.ring());
    return effects.map((effect, i) => {
      const id = randomUUID();
      if (effect.type === 'effect.startChild') childStarts.push(id);
      const key = ('key' in effect && effect.key) || `${effect.type}:${instance.revision}:${i}`;
      return insertOutboxRow(m, { id, instanceId: instance.id, revision: instance.revision, effect, effectKey: key, at: now });
    });
  }

  /**
   * The answer to an event that started children (routing findings into complaints, a
   * conclusion opening a corrective action) lists them, as a GET would a moment later: the
   * outbox performs their rows now, each in its own transaction as the worker would (a
   * failure stays pending for the worker's retries, and the answer lists what started).
   */
  private async withChildrenStarted(view: InstanceView, rows: string[], keyId: string | undefined): Promise<InstanceView> {
    await this.outboxBell.performNow(rows);
    const children = await this.tx.read((m) => selectRows<{ id: string }>(m, 'SELECT id FROM instances WHERE parent_id = ? ORDER BY created_at', [view.id]));
    view.children = children.map((c) => c.id);
    // a replay answers the same
    if (keyId) await this.tx.run((m) => m.update(IdempotencyKeyEntity, { id: keyId }, { response: view }));
    return view;
  }

  private async replay(keyId: string, instanceId: string): Promise<InstanceView | undefined> {
    const stored = await this.tx.run((m) => m.findOne(IdempotencyKeyEntity, { where: { id: keyId } }));
    if (!stored) return undefined;
    if (stored.instanceId !== instanceId) {
      throw new HttpException(says('this Idempotency-Key was already used for another instance', '此 Idempotency-Key 已用于另一个实例'), 422);
    }
    return stored.response as InstanceView;
  }
}

import { ConflictException, ForbiddenException, Injectable, NotFoundException, UnprocessableEntityException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager, FindOptionsWhere, In, LessThanOrEqual } from 'typeorm';
import { Clock } from '@satisflow/config';
import { says } from '@satisflow/http';
import { hasRole, ROLES, type Actor, type RoleKey } from '@satisflow/identity';
import { dbTime, TransactionRunner, type Statement } from '@satisflow/persistence';
import type { LocalText } from '../definitions/procedure-definition';
import type { TaskView } from '../dispatch/instance-view';
import { SideTaskEntity, TaskEntity, type SideTaskKind } from '../entities';
import { TrailNotes } from '../dispatch/trail-notes';

export interface SideTaskInput {
  instanceId: string;
  procedureKey: string;
  kind: SideTaskKind;
  /** Unique per instance: the task is created once however often it is asked for. */
  taskKey: string;
  subject: string;
  state: string;
  role: string;
  assignee?: string | null;
  title: LocalText;
  opensAt: Date;
  dueAt?: Date | null;
}

/** Closes an instance's open side tasks as one statement of a transition's batch (a cancelled instance's follow-ups and notices). */
export function closeOpenSideTasks(m: EntityManager, instanceId: string, by: string, resolution: string, now: Date): Statement {
  return {
    sql: "UPDATE side_tasks SET status = 'closed', closed_at = ?, closed_by = ?, resolution = ? WHERE instance_id = ? AND status = 'open'",
    params: [dbTime(m, now), by, resolution, instanceId],
  };
}

/** A task in the inbox: the step task (`kind: step`) or a side task, which is completed with a note. */
export type InboxTask = TaskView & { kind: 'step' | SideTaskKind; subject?: string; status?: string; closedAt?: string; closedBy?: string; resolution?: string };

/** Runs inside the completing transaction, before the task is closed (e.g. records the call on the recipient). */
export type CompletionHandler = (m: EntityManager, task: SideTaskEntity, actor: Actor, note: string) => Promise<void>;

export function toInboxTask(t: SideTaskEntity, now: Date, instanceTitle?: string): InboxTask {
  return {
    id: t.id,
    instanceId: t.instanceId,
    procedure: t.procedureKey,
    ...(instanceTitle ? { instanceTitle } : {}),
    state: t.state,
    title: { zh: t.titleZh, en: t.titleEn },
    role: t.role,
    ...(t.assignee ? { assignee: t.assignee } : {}),
    ...(t.dueAt ? { dueAt: t.dueAt.toISOString() } : {}),
    overdue: t.status === 'open' && !!t.dueAt && t.dueAt.getTime() < now.getTime(),
    outcomes: [],
    createdAt: t.opensAt.toISOString(),
    kind: t.kind,
    subject: t.subject,
    status: t.status,
    ...(t.closedAt ? { closedAt: t.closedAt.toISOString() } : {}),
    ...(t.closedBy ? { closedBy: t.closedBy } : {}),
    ...(t.resolution ? { resolution: t.resolution } : {}),
  };
}

/**
 * Tasks beside the step task (follow-ups, escalations): opened by modules and
 * hooks inside the transaction that causes them, closed by a person with a note
 * or by the system when what they chase is done.
 */
@Injectable()
export class SideTasks {
  private readonly completions = new Map<SideTaskKind, CompletionHandler>();

  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly tx: TransactionRunner,
    private readonly clock: Clock,
    private readonly notes: TrailNotes,
  ) {}

  onComplete(kind: SideTaskKind, handler: CompletionHandler): void {
    this.completions.set(kind, handler);
  }

  /** Opens the task unless this instance already has one with the key (open or closed). */
  async open(m: EntityManager, input: SideTaskInput): Promise<void> {
    if (await m.findOne(SideTaskEntity, { where: { instanceId: input.instanceId, taskKey: input.taskKey }, select: { id: true } })) return;
    await m.insert(SideTaskEntity, {
      id: randomUUID(),
      instanceId: input.instanceId,
      procedureKey: input.procedureKey,
      kind: input.kind,
      taskKey: input.taskKey,
      subject: input.subject.slice(0, 64),
      state: input.state,
      role: input.role,
      assignee: input.assignee ?? null,
      titleZh: input.title.zh.slice(0, 200),
      titleEn: input.title.en.slice(0, 200),
      status: 'open',
      opensAt: input.opensAt,
      dueAt: input.dueAt ?? null,
      createdAt: this.clock.now(),
      closedAt: null,
      closedBy: null,
      resolution: null,
    });
  }

  /** Closes the open tasks that match (the system's side: an answer arrived, the step moved on). */
  async close(m: EntityManager, where: FindOptionsWhere<SideTaskEntity>, by: string, resolution: string): Promise<number> {
    const result = await m.update(SideTaskEntity, { ...where, status: 'open' }, { status: 'closed', closedAt: this.clock.now(), closedBy: by, resolution });
    return result.affected ?? 0;
  }

  /** A person completes a side task with a note saying what was done. */
  async complete(id: string, actor: Actor, note: string): Promise<InboxTask> {
    return this.tx.run(async (m) => {
      const task = await m.findOne(SideTaskEntity, { where: { id } });
      if (!task) {
        // by id alone (the instance is not known here): a scan of the open step tasks, only on this refusal's path
        if (await m.findOne(TaskEntity, { where: { id }, select: { id: true } })) {
          throw new UnprocessableEntityException(
            says(
              'a step task is completed by sending one of its outcomes to its instance (POST /instances/:id/events)',
              '步骤任务须通过向其实例发送处理结果来完成（POST /instances/:id/events）',
            ),
          );
        }
        throw new NotFoundException(says(`task ${id} not found`, `任务 ${id} 不存在`));
      }
      if (!hasRole(actor, task.role as RoleKey)) throw new ForbiddenException(says(`only role ${task.role} may complete this task`, `只有${ROLES[task.role as RoleKey]?.zh ?? task.role}可以完成此任务`));
      if (task.assignee && task.assignee !== actor.username) throw new ForbiddenException(says(`this task is assigned to ${task.assignee}`, `此任务已指派给 ${task.assignee}`));
      if (task.status !== 'open') throw new ConflictException(says(`this task was already closed by ${task.closedBy}`, `此任务已由 ${task.closedBy} 关闭`));
      const now = this.clock.now();
      if (task.opensAt > now) throw new UnprocessableEntityException(says(`this task opens at ${task.opensAt.toISOString()}`, `此任务于 ${task.opensAt.toISOString()} 开放`));
      await this.completions.get(task.kind)?.(m, task, actor, note);
      // the handler may have closed it already (e.g. by recording the follow-up); the person's note is the record either way
      await m.update(SideTaskEntity, { id }, { status: 'closed', closedAt: now, closedBy: actor.username, resolution: note });
      await this.notes.append(m, task.instanceId, {
        event: 'TASK_COMPLETED',
        actor,
        role: task.role,
        comment: note,
        data: { task: { id: task.id, kind: task.kind, subject: task.subject, title: { zh: task.titleZh, en: task.titleEn } } },
      });
      return toInboxTask({ ...task, status: 'closed', closedAt: now, closedBy: actor.username, resolution: note }, now);
    });
  }

  /** Open side tasks visible now; with `roles`, only those for these roles. */
  async openNow(roles: string[] | undefined, procedure?: string, instanceId?: string): Promise<SideTaskEntity[]> {
    const where = this.matching({ status: 'open', opensAt: LessThanOrEqual(this.clock.now()) }, roles, procedure, instanceId);
    return this.ds.getRepository(SideTaskEntity).find({ where, order: { opensAt: 'ASC' }, take: 1000 });
  }

  /** Closed side tasks, the most recently closed first; with `roles`, only those for these roles. */
  async closed(roles: string[] | undefined, procedure?: string, instanceId?: string): Promise<SideTaskEntity[]> {
    const where = this.matching({ status: 'closed' }, roles, procedure, instanceId);
    return this.ds.getRepository(SideTaskEntity).find({ where, order: { closedAt: 'DESC', id: 'ASC' }, take: 1000 });
  }

  private matching(where: FindOptionsWhere<SideTaskEntity>, roles: string[] | undefined, procedure?: string, instanceId?: string): FindOptionsWhere<SideTaskEntity> {
    if (roles) where.role = In(roles);
    if (procedure) where.procedureKey = procedure;
    if (instanceId) where.instanceId = instanceId;
    return where;
  }
}

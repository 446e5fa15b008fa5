import { Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, FindOptionsWhere, In, Raw } from 'typeorm';
import { Clock } from '@satisflow/config';
import type { Actor } from '@satisflow/identity';
import { instanceNotFound } from './engine-messages';
import { buildInstanceView, InstanceView, toTaskView } from './dispatch/instance-view';
import { stepMeta } from './dispatch/step-meta';
import { availableOutcomes, scopeOf } from './dispatch/step-policy';
import { InstanceEntity, NotificationEntity, TaskEntity } from './entities';
import { ProcedureRegistry } from './procedure-registry';
import { SideTasks, toInboxTask, type InboxTask } from './tasks/side-tasks';

/** Read side of the engine: instances, the task inbox, notifications. */
@Injectable()
export class InstanceQueries {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly registry: ProcedureRegistry,
    private readonly clock: Clock,
    private readonly sideTasks: SideTasks,
  ) {}

  async get(id: string, actor: Actor): Promise<InstanceView> {
    const instance = await this.ds.getRepository(InstanceEntity).findOne({ where: { id } });
    if (!instance) throw new NotFoundException(instanceNotFound(id));
    return (await this.views([instance], actor))[0];
  }

  async list(
    filter: { procedure?: string; status?: string; state?: string; q?: string },
    page: number,
    pageSize: number,
    actor: Actor,
  ): Promise<{ items: InstanceView[]; total: number }> {
    const where: FindOptionsWhere<InstanceEntity> = {};
    if (filter.procedure) where.procedureKey = filter.procedure;
    if (filter.status) where.status = filter.status as InstanceEntity['status'];
    if (filter.state) where.state = filter.state;
    const words = filter.q?.trim();
    // LIKE ignores case on both dialects here (SQLite for ASCII, MySQL by the column's collation); '!' escapes the wildcards
    if (words) where.title = Raw((title) => `${title} LIKE :q ESCAPE '!'`, { q: `%${words.replace(/[!%_]/g, '!$&')}%` });
    const [rows, total] = await this.ds.getRepository(InstanceEntity).findAndCount({
      where,
      order: { createdAt: 'DESC' },
      skip: (page - 1) * pageSize,
      take: pageSize,
    });
    return { items: await this.views(rows, actor), total };
  }

  /** Views of instances with their open tasks and children: two reads for a whole page, not two per instance. */
  private async views(rows: InstanceEntity[], actor: Actor): Promise<InstanceView[]> {
    if (rows.length === 0) return [];
    const parents = rows.filter((r) => r.childCount > 0).map((r) => r.id);
    const [tasks, children] = await Promise.all([
      this.ds.getRepository(TaskEntity).find({ where: { instanceId: In(rows.map((r) => r.id)) }, order: { createdAt: 'ASC' } }),
      parents.length
        ? this.ds.getRepository(InstanceEntity).find({ where: { parentId: In(parents) }, select: { id: true, parentId: true }, order: { createdAt: 'ASC' } })
        : [],
    ]);
    const tasksOf = groupBy(tasks, (t) => t.instanceId);
    const childrenOf = groupBy(children, (c) => c.parentId!);
    const now = this.clock.now();
    return rows.map((r) =>
      buildInstanceView(this.registry.get(r.procedureKey, r.procedureVersion), r, actor, now, {
        tasks: tasksOf.get(r.id) ?? [],
        children: (childrenOf.get(r.id) ?? []).map((c) => c.id),
      }),
    );
  }

  /**
   * Open tasks: step tasks and side tasks (follow-ups, escalations) that are open now.
   * With `mine`, only those this person may complete now (role, scope, assignee, separation of duties).
   */
  async tasks(actor: Actor, { mine, procedure, instanceId }: TaskFilter): Promise<InboxTask[]> {
    const where: FindOptionsWhere<TaskEntity> = {};
    if (procedure) where.procedureKey = procedure;
    if (instanceId) where.instanceId = instanceId;
    const roles = mine ? actor.roles.map((g) => g.role) : undefined;
    if (roles) where.role = In(roles);
    const [tasks, side] = await Promise.all([
      this.ds.getRepository(TaskEntity).find({ where, order: { createdAt: 'ASC' }, take: 1000 }),
      this.sideTasks.openNow(roles, procedure, instanceId),
    ]);
    if (!tasks.length && !side.length) return [];
    const ids = [...new Set([...tasks, ...side].map((t) => t.instanceId))];
    const instances = new Map((await this.ds.getRepository(InstanceEntity).find({ where: { id: In(ids) } })).map((i) => [i.id, i]));
    const now = this.clock.now();
    const steps = tasks
      .filter((t) => {
        // a task that opens later (the second callback) is nobody's to do yet
        if (t.opensAt && t.opensAt.getTime() > now.getTime()) return false;
        if (!mine) return true;
        const instance = instances.get(t.instanceId);
        if (!instance) return false;
        if (t.assignee && t.assignee !== actor.username) return false;
        const machine = this.registry.get(instance.procedureKey, instance.procedureVersion).machine;
        const scope = scopeOf(instance.snapshot.context);
        return availableOutcomes({ state: instance.state, meta: stepMeta(machine, instance.state), actor, stepActors: instance.stepActors, scope }).length > 0;
      })
      .map((t): InboxTask => Object.assign(toTaskView(t, now, instances.get(t.instanceId)?.title), { kind: 'step' as const }));
    const others = side
      .filter((t) => !mine || !t.assignee || t.assignee === actor.username)
      .map((t) => toInboxTask(t, now, instances.get(t.instanceId)?.title));
    return [...steps, ...others].sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  }

  /** Closed side tasks, newest first: what was done about each follow-up and escalation, for the people and the auditors. */
  async closedTasks(actor: Actor, { mine, procedure, instanceId }: TaskFilter): Promise<InboxTask[]> {
    const closed = await this.sideTasks.closed(mine ? actor.roles.map((g) => g.role) : undefined, procedure, instanceId);
    if (!closed.length) return [];
    const ids = [...new Set(closed.map((t) => t.instanceId))];
    const titles = new Map((await this.ds.getRepository(InstanceEntity).find({ where: { id: In(ids) }, select: { id: true, title: true } })).map((i) => [i.id, i.title]));
    const now = this.clock.now();
    return closed.map((t) => toInboxTask(t, now, titles.get(t.instanceId)));
  }

  async notifications(actor: Actor) {
    const rows = await this.ds.getRepository(NotificationEntity).find({
      where: { role: In(actor.roles.map((g) => g.role)) },
      order: { createdAt: 'DESC' },
      take: 100,
    });
    return rows.map((n) => ({ id: n.id, instanceId: n.instanceId, role: n.role, message: { zh: n.messageZh, en: n.messageEn }, createdAt: n.createdAt.toISOString() }));
  }
}

export interface TaskFilter {
  /** Only the caller's roles' tasks (and, open, those they can act on). */
  mine: boolean;
  procedure?: string;
  instanceId?: string;
}

function groupBy<T>(items: T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const group = groups.get(key(item));
    if (group) group.push(item);
    else groups.set(key(item), [item]);
  }
  return groups;
}

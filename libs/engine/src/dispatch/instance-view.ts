import type { Actor } from '@satisflow/identity';
import type { ProcedureDefinition } from '../definitions/procedure-definition';
import type { InstanceEntity, TaskEntity } from '../entities';
import { stepMeta } from './step-meta';
import { availableOutcomes, scopeOf } from './step-policy';
import { noteRole } from './note-role';
import { cancellerRole } from './cancellation';

export interface TaskView {
  id: string;
  instanceId: string;
  procedure: string;
  instanceTitle?: string;
  state: string;
  title: { zh: string; en: string };
  role: string;
  assignee?: string;
  dueAt?: string;
  /** Not in the inbox before this time (StepMeta.taskOpensAt). */
  opensAt?: string;
  overdue: boolean;
  outcomes: string[];
  createdAt: string;
}

export interface InstanceView {
  id: string;
  procedure: string;
  version: number;
  title: string;
  state: string;
  status: string;
  revision: number;
  data: Record<string, unknown>;
  parentId?: string;
  children: string[];
  availableEvents: string[];
  /** The caller may send CANCEL (cancellation.ts): an override beside the step's outcomes, not one of them. */
  canCancel: boolean;
  /** The caller may add a note to the trail (POST /instances/:id/notes; note-role.ts). */
  canNote: boolean;
  openTasks: TaskView[];
  createdAt: string;
  updatedAt: string;
}

export function toTaskView(t: TaskEntity, now: Date, instanceTitle?: string): TaskView {
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
    ...(t.opensAt ? { opensAt: t.opensAt.toISOString() } : {}),
    overdue: !!t.dueAt && t.dueAt.getTime() < now.getTime(),
    outcomes: t.outcomes,
    createdAt: t.createdAt.toISOString(),
  };
}

/** The API's Instance: the row, its open tasks and children's ids (oldest first), and what this caller may send now. */
export function buildInstanceView(
  def: ProcedureDefinition,
  instance: InstanceEntity,
  actor: Actor | undefined,
  now: Date,
  { tasks, children }: { tasks: TaskEntity[]; children: string[] },
): InstanceView {
  const scope = scopeOf(instance.snapshot.context);
  const available =
    instance.status === 'active'
      ? availableOutcomes({ state: instance.state, meta: stepMeta(def.machine, instance.state), actor, stepActors: instance.stepActors, scope })
      : [];

  return {
    id: instance.id,
    procedure: instance.procedureKey,
    version: instance.procedureVersion,
    title: instance.title,
    state: instance.state,
    status: instance.status,
    revision: instance.revision,
    data: instance.snapshot.context,
    ...(instance.parentId ? { parentId: instance.parentId } : {}),
    children,
    availableEvents: available,
    canCancel: instance.status === 'active' && cancellerRole(actor, def.cancellers ?? [], scope) !== undefined,
    canNote: noteRole(def, instance.state, actor, scope) !== undefined,
    openTasks: tasks.map((t) => toTaskView(t, now)),
    createdAt: instance.createdAt.toISOString(),
    updatedAt: instance.updatedAt.toISOString(),
  };
}

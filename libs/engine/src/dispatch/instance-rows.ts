import type { EntityManager } from 'typeorm';
import { dbTime, isMysqlManager, selectRowSets, selectRows, Statement, toDate, toInt } from '@satisflow/persistence';
import type { ProcedureEffect } from '../definitions/procedure-definition';
import type { InstanceEntity } from '../entities/instance.entity';
import type { TaskEntity } from '../entities/task.entity';
import type { TimerEntity } from '../entities/timer.entity';

/**
 * The rows one transition reads and writes, as prepared SQL: the entity manager
 * rebuilt these statements on every call and dominated a transition's cost.
 */

interface InstanceRow {
  id: string;
  procedure_key: string;
  procedure_version: unknown;
  title: string;
  state: string;
  status: InstanceEntity['status'];
  revision: unknown;
  snapshot: string;
  step_actors: string;
  parent_id: string | null;
  parent_key: string | null;
  child_count: unknown;
  audit_head: string;
  created_by: string | null;
  created_at: unknown;
  updated_at: unknown;
}

export interface LoadedInstance {
  instance: InstanceEntity;
  children: string[];
}

/**
 * The instance and its children's ids (oldest first): one statement, and a second
 * only for an instance that has started children.
 * `forUpdate`: on MySQL the instance's row stays locked until the transaction ends,
 * so a concurrent event for it waits here and then sees the new revision, and the
 * revision-checked UPDATE cannot miss: a batch ending in COMMIT has no lost race to
 * detect after the fact. SQLite's writers are serialised already.
 */
export async function loadInstance(m: EntityManager, id: string, options: { forUpdate?: boolean } = {}): Promise<LoadedInstance | undefined> {
  return (await loadInstanceWith(m, id, [], options)).loaded;
}

/** loadInstance, with the rows of other SELECTs read in the same round trip (`alongside`, a set each). */
export async function loadInstanceWith(
  m: EntityManager,
  id: string,
  others: Statement[],
  { forUpdate = false } = {},
): Promise<{ loaded?: LoadedInstance; alongside: unknown[][] }> {
  const [rows, ...alongside] = await selectRowSets(m, [
    { sql: `SELECT * FROM instances WHERE id = ?${forUpdate && isMysqlManager(m) ? ' FOR UPDATE' : ''}`, params: [id] },
    ...others,
  ]);
  const row = rows[0] as InstanceRow | undefined;
  if (!row) return { alongside };
  const instance = {
    id: row.id,
    procedureKey: row.procedure_key,
    procedureVersion: toInt(row.procedure_version),
    title: row.title,
    state: row.state,
    status: row.status,
    revision: toInt(row.revision),
    snapshot: JSON.parse(row.snapshot),
    stepActors: JSON.parse(row.step_actors),
    parentId: row.parent_id,
    parentKey: row.parent_key,
    childCount: toInt(row.child_count),
    auditHead: row.audit_head,
    createdBy: row.created_by,
    createdAt: toDate(row.created_at),
    updatedAt: toDate(row.updated_at),
  } as InstanceEntity;
  const children = instance.childCount
    ? (await selectRows<{ id: string }>(m, 'SELECT id FROM instances WHERE parent_id = ? ORDER BY created_at', [id])).map((c) => c.id)
    : [];
  return { loaded: { instance, children }, alongside };
}

/** Counts a new child on its parent's row, in the batch that inserts the child. */
export function countChild(parentId: string): Statement {
  return { sql: 'UPDATE instances SET child_count = child_count + 1 WHERE id = ?', params: [parentId] };
}

/** A new instance's row. */
export function insertInstance(m: EntityManager, i: InstanceEntity): Statement {
  return {
    sql: `INSERT INTO instances (id, procedure_key, procedure_version, title, state, status, revision, snapshot, step_actors,
                                 parent_id, parent_key, audit_head, created_by, created_at, updated_at)
          VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    params: [i.id, i.procedureKey, i.procedureVersion, i.title, i.state, i.status, i.revision, JSON.stringify(i.snapshot),
      JSON.stringify(i.stepActors), i.parentId, i.parentKey, i.auditHead, i.createdBy, dbTime(m, i.createdAt), dbTime(m, i.updatedAt)],
  };
}

export type InstanceChange = Pick<InstanceEntity, 'state' | 'status' | 'revision' | 'snapshot' | 'stepActors' | 'updatedAt' | 'auditHead'>;

/**
 * Writes the transition's new revision if `fromRevision` is still current (changes 0 rows when another writer won).
 * With `previousStatus` equal to the new status, `status` stays out of SET: SQLite rewrites the
 * entry of every index on a column named in SET, changed or not (ix_instances_proc_status).
 */
export function updateInstance(m: EntityManager, id: string, fromRevision: number, c: InstanceChange, previousStatus?: InstanceEntity['status']): Statement {
  const status = c.status !== previousStatus;
  return {
    sql: `UPDATE instances SET state = ?, ${status ? 'status = ?, ' : ''}revision = ?, snapshot = ?, step_actors = ?, updated_at = ?, audit_head = ?
           WHERE id = ? AND revision = ?`,
    params: [c.state, ...(status ? [c.status] : []), c.revision, JSON.stringify(c.snapshot), JSON.stringify(c.stepActors), dbTime(m, c.updatedAt), c.auditHead, id, fromRevision],
  };
}

/**
 * Deletes an instance's rows of a small, busy table. Both tables are keyed by
 * instance_id first (timers by (instance_id, id), tasks by instance_id alone), so
 * this is a range or a point of the primary key on either dialect:
 * no secondary index to choose or to keep up, and on MariaDB the DELETE locks
 * only this instance's rows.
 */
function deleteByInstance(table: 'timers' | 'tasks', instanceId: string): Statement {
  return { sql: `DELETE FROM ${table} WHERE instance_id = ?`, params: [instanceId] };
}

export function deleteTimers(instanceId: string): Statement {
  return deleteByInstance('timers', instanceId);
}

export function insertTimer(m: EntityManager, t: TimerEntity): Statement {
  return {
    sql: 'INSERT INTO timers (id, instance_id, state, revision, level, due_at, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
    params: [t.id, t.instanceId, t.state, t.revision, t.level, dbTime(m, t.dueAt), dbTime(m, t.createdAt)],
  };
}

/**
 * A pending outbox row. The unique (instance_id, effect_key) index drops an effect asked
 * for twice, without a read first: `INSERT IGNORE` on MySQL, `INSERT OR IGNORE` on SQLite.
 */
export function insertOutboxRow(m: EntityManager, r: { id: string; instanceId: string; revision: number; effect: ProcedureEffect; effectKey: string; at: Date }): Statement {
  const at = dbTime(m, r.at);
  return {
    sql: `${isMysqlManager(m) ? 'INSERT IGNORE' : 'INSERT OR IGNORE'} INTO outbox
            (id, instance_id, revision, kind, effect_key, payload, status, attempts, next_attempt_at, last_error, created_at, done_at)
          VALUES (?, ?, ?, ?, ?, ?, 'pending', 0, ?, NULL, ?, NULL)`,
    params: [r.id, r.instanceId, r.revision, r.effect.type.slice('effect.'.length), r.effectKey, JSON.stringify(r.effect), at, at],
  };
}

export function deleteTasks(instanceId: string): Statement {
  return deleteByInstance('tasks', instanceId);
}

/** A task's columns after instance_id, and their values: one list for the INSERT and the in-place UPDATE. */
const TASK_COLUMNS = ['id', 'procedure_key', 'state', 'role', 'assignee', 'title_zh', 'title_en', 'outcomes', 'due_at', 'created_at', 'opens_at'];

function taskValues(m: EntityManager, t: TaskEntity): unknown[] {
  return [t.id, t.procedureKey, t.state, t.role, t.assignee, t.titleZh, t.titleEn, JSON.stringify(t.outcomes), t.dueAt && dbTime(m, t.dueAt), dbTime(m, t.createdAt), t.opensAt && dbTime(m, t.opensAt)];
}

export function insertTask(m: EntityManager, t: TaskEntity): Statement {
  return {
    sql: `INSERT INTO tasks (instance_id, ${TASK_COLUMNS.join(', ')}) VALUES (?${', ?'.repeat(TASK_COLUMNS.length)})`,
    params: [t.instanceId, ...taskValues(m, t)],
  };
}

/**
 * The instance's open task becomes `t`, in one statement where a DELETE and an INSERT
 * were two, and in place: the table is keyed by instance_id, so the new task id does
 * not move the row. Only for a step that had a task: every state with a role writes
 * its task in the transition that enters it, so that row is there to update.
 */
export function replaceTask(m: EntityManager, t: TaskEntity): Statement {
  return {
    sql: `UPDATE tasks SET ${TASK_COLUMNS.map((c) => `${c} = ?`).join(', ')} WHERE instance_id = ?`,
    params: [...taskValues(m, t), t.instanceId],
  };
}

export async function earliestTimerDue(m: EntityManager, instanceId: string): Promise<Date | null> {
  const [row] = await selectRows<{ due_at: unknown }>(m, 'SELECT MIN(due_at) AS due_at FROM timers WHERE instance_id = ?', [instanceId]);
  return row?.due_at === null || row?.due_at === undefined ? null : toDate(row.due_at);
}

/** The open task's due date and creation time (an escalated task keeps both). */
export async function openTaskTimes(m: EntityManager, instanceId: string): Promise<Pick<TaskEntity, 'dueAt' | 'createdAt'> | undefined> {
  const [row] = await selectRows<{ due_at: unknown; created_at: unknown }>(m, 'SELECT due_at, created_at FROM tasks WHERE instance_id = ?', [instanceId]);
  return row && { dueAt: row.due_at === null ? null : toDate(row.due_at), createdAt: toDate(row.created_at) };
}

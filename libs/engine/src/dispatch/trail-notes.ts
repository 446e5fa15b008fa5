import { ConflictException, ForbiddenException, Injectable, NotFoundException } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AuditWriter } from '@satisflow/audit';
import { Clock } from '@satisflow/config';
import { says } from '@satisflow/http';
import { ROLES, type Actor } from '@satisflow/identity';
import { dbTime, executeAll, TransactionRunner } from '@satisflow/persistence';
import type { InstanceEntity } from '../entities';
import { ProcedureRegistry } from '../procedure-registry';
import { noteRole } from './note-role';
import { scopeOf } from './step-policy';
import { instanceNotFound, reloadAndRetry } from '../engine-messages';
import { loadInstance } from './instance-rows';

/** A person's free note on an instance (POST /instances/:id/notes). */
export const NOTE = 'NOTE';

/** What a person did beside the steps, as the trail records it. */
export interface TrailNote {
  /** The record's event: TASK_COMPLETED, FOLLOW_UP_RECORDED, NOTE (event-labels.ts names them). */
  event: string;
  actor: Pick<Actor, 'id' | 'username'>;
  /** The role the person acted in. */
  role: string;
  comment: string;
  data: Record<string, unknown>;
}

/**
 * Appends a hash-chained record of work done beside an instance's steps (a completed
 * escalation, a follow-up call) in the caller's transaction. The state stays; the
 * revision moves, as for a transition, because the trail links records by revision
 * and the instance's stored head must name the newest one. Auditors ask for proof
 * of these as much as of the steps; a note kept only in its task's row could be
 * changed without the verification noticing.
 */
@Injectable()
export class TrailNotes {
  constructor(
    private readonly audit: AuditWriter,
    private readonly clock: Clock,
    private readonly tx: TransactionRunner,
    private readonly registry: ProcedureRegistry,
  ) {}

  async append(m: EntityManager, instanceId: string, note: TrailNote): Promise<void> {
    await this.appendTo(m, await this.lockedInstance(m, instanceId), note);
  }

  /**
   * A person's note on an instance (NOTE: a customer who could not be reached, what a
   * meeting agreed), by anyone holding one of the procedure's roles for its scope; the
   * role recorded is the current step's when they hold it.
   */
  async annotate(instanceId: string, actor: Actor, comment: string): Promise<InstanceEntity> {
    return this.tx.run(async (m) => {
      const instance = await this.lockedInstance(m, instanceId);
      const def = this.registry.get(instance.procedureKey, instance.procedureVersion);
      const role = noteRole(def, instance.state, actor, scopeOf(instance.snapshot.context));
      if (!role) {
        throw new ForbiddenException(
          says(
            `only a person holding one of this procedure's roles (${def.roles.join(', ')}) may add a note to it`,
            `只有具有本流程岗位（${def.roles.map((r) => ROLES[r].zh).join('、')}）的人员可以为其添加备注`,
          ),
        );
      }
      return this.appendTo(m, instance, { event: NOTE, actor, role, comment, data: {} });
    });
  }

  private async lockedInstance(m: EntityManager, instanceId: string): Promise<InstanceEntity> {
    // locked on MySQL like a transition's load, so a concurrent event and this note take turns
    const loaded = await loadInstance(m, instanceId, { forUpdate: true });
    if (!loaded) throw new NotFoundException(instanceNotFound(instanceId));
    return loaded.instance;
  }

  private async appendTo(m: EntityManager, instance: InstanceEntity, note: TrailNote): Promise<InstanceEntity> {
    const now = this.clock.now();
    const revision = instance.revision + 1;
    const record = this.audit.seal(instance.auditHead, {
      instanceId: instance.id,
      revision,
      at: now,
      actor: { id: note.actor.id, username: note.actor.username, role: note.role },
      event: note.event,
      fromState: instance.state,
      toState: instance.state,
      comment: note.comment,
      data: note.data,
      procedureKey: instance.procedureKey,
      procedureVersion: instance.procedureVersion,
    });
    const [moved] = await executeAll(m, [
      {
        sql: 'UPDATE instances SET revision = ?, updated_at = ?, audit_head = ? WHERE id = ? AND revision = ?',
        params: [revision, dbTime(m, now), record.hash, instance.id, instance.revision],
      },
      this.audit.insertStatement(m, record),
    ]);
    if (!moved) throw new ConflictException(reloadAndRetry(instance.revision));
    return Object.assign(instance, { revision, updatedAt: now, auditHead: record.hash });
  }
}

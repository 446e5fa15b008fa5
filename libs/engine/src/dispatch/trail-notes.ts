import { ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AuditWriter } from '@satisflow/audit';
import { Clock } from '@satisflow/config';
import type { Actor } from '@satisflow/identity';
import { dbTime, executeAll } from '@satisflow/persistence';
import { instanceNotFound, reloadAndRetry } from '../engine-messages';
import { loadInstance } from './instance-rows';

/** What a person did beside the steps, as the trail records it. */
export interface TrailNote {
  /** The record's event: TASK_COMPLETED, FOLLOW_UP_RECORDED (event-labels.ts names them). */
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
  ) {}

  async append(m: EntityManager, instanceId: string, note: TrailNote): Promise<void> {
    // locked on MySQL like a transition's load, so a concurrent event and this note take turns
    const loaded = await loadInstance(m, instanceId, { forUpdate: true });
    if (!loaded) throw new NotFoundException(instanceNotFound(instanceId));
    const { instance } = loaded;
    const now = this.clock.now();
    const revision = instance.revision + 1;
    const record = this.audit.seal(instance.auditHead, {
      instanceId,
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
        params: [revision, dbTime(m, now), record.hash, instanceId, instance.revision],
      },
      this.audit.insertStatement(m, record),
    ]);
    if (!moved) throw new ConflictException(reloadAndRetry(instance.revision));
  }
}

import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { addDuration, CalendarService, SideTasks, type InstanceEntity } from '@satisflow/engine';
import type { RecipientEntity } from './entities/recipient.entity';

/**
 * Procedure A step 4: "within 3 days of sending" the coordinator phones whoever has
 * not answered; calendar days, as the procedure says, and the same moment as the
 * recipient's `followUpDueAt` and GET /surveys/:id/follow-ups.
 */
export const FOLLOW_UP_AFTER = { days: 3 };
/** The call is expected on the working day the task appears. */
const CALL_WITHIN = { workingDays: 1 };

const taskKey = (recipientId: string): string => `follow-up:${recipientId}`;

/**
 * One phone follow-up task per invited recipient, in the coordinator's inbox
 * from 3 days after the invitation; answering, recording the call or
 * closing collection closes it. The task row is written with the invitation,
 * so its clock is durable and it cannot be created twice.
 */
@Injectable()
export class FollowUpTasks {
  constructor(
    private readonly tasks: SideTasks,
    private readonly calendar: CalendarService,
  ) {}

  async openFor(m: EntityManager, instance: InstanceEntity, recipients: RecipientEntity[], invitedAt: Date): Promise<void> {
    const calendar = await this.calendar.get();
    const opensAt = addDuration(invitedAt, FOLLOW_UP_AFTER, calendar);
    const dueAt = addDuration(opensAt, CALL_WITHIN, calendar);
    for (const r of recipients) {
      const contact = r.phone ?? r.email ?? r.fax ?? '';
      await this.tasks.open(m, {
        instanceId: instance.id,
        procedureKey: instance.procedureKey,
        kind: 'follow-up',
        taskKey: taskKey(r.id),
        subject: r.id,
        state: 'collecting',
        role: 'coordinator',
        title: {
          zh: `电话跟进未回复客户：${r.name}${contact ? `（${contact}）` : ''}`,
          en: `Phone follow-up, no answer yet: ${r.name}${contact ? ` (${contact})` : ''}`,
        },
        opensAt,
        dueAt,
      });
    }
  }

  /** The recipient answered or the call was recorded. */
  async closeFor(m: EntityManager, instanceId: string, recipientId: string, by: string, resolution: string): Promise<void> {
    await this.tasks.close(m, { instanceId, taskKey: taskKey(recipientId) }, by, resolution);
  }

  /** Collection closed: nobody is chased any more. */
  async closeAll(m: EntityManager, instanceId: string): Promise<void> {
    await this.tasks.close(m, { instanceId, kind: 'follow-up' }, 'system', 'collection closed');
  }
}

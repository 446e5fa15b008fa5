import { Injectable, OnModuleInit } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { InstanceEntity } from '../entities/instance.entity';
import { TransitionHooks, type TransitionInfo } from '../dispatch/transition-hooks';
import { stepMeta } from '../dispatch/step-meta';
import { ProcedureRegistry } from '../procedure-registry';
import { SideTasks } from './side-tasks';

interface Escalation {
  state: string;
  level: number;
  role: string;
}

function escalationsOf(instance: InstanceEntity): Escalation[] {
  return (instance.snapshot.context.escalations ?? []) as Escalation[];
}

/**
 * procedures.md: a passed deadline escalates with "a task for the next person
 * up, a notice, and a mark on the record". The machine picks the rung (its
 * `escalations` record, which also drives the notice); this hook turns each new
 * rung into an inbox task for that role, and closes them when the overdue step is done.
 */
@Injectable()
export class EscalationTasks implements OnModuleInit {
  constructor(
    private readonly hooks: TransitionHooks,
    private readonly registry: ProcedureRegistry,
    private readonly tasks: SideTasks,
  ) {}

  onModuleInit(): void {
    // never escalated: no task to open or close, and no query on the hot path
    const escalated = (info: TransitionInfo) => escalationsOf(info.instance).length > 0;
    for (const def of this.registry.all()) this.hooks.register(def.key, escalated, (m, info) => this.onTransition(m, info));
  }

  private async onTransition(m: EntityManager, { instance, event, fromState, toState }: TransitionInfo): Promise<void> {
    const escalations = escalationsOf(instance);
    if (fromState !== toState || instance.status !== 'active') {
      await this.tasks.close(m, { instanceId: instance.id, kind: 'escalation' }, 'system', `${fromState} → ${toState}`);
      return;
    }
    // every DEADLINE that keeps the state is an escalation (workflows/shared/setup.ts `escalate`)
    if (event !== 'DEADLINE') return;
    const last = escalations.at(-1);
    if (!last || last.state !== toState) return;
    const step = stepMeta(this.registry.get(instance.procedureKey, instance.procedureVersion).machine, toState)?.title ?? { zh: toState, en: toState };
    await this.tasks.open(m, {
      instanceId: instance.id,
      procedureKey: instance.procedureKey,
      kind: 'escalation',
      // the same count as the notice's key, so a re-entered state escalates afresh
      taskKey: `escalation:${escalations.length}`,
      subject: toState,
      state: toState,
      role: last.role,
      title: {
        zh: `超期督办（第 ${last.level} 级）：${step.zh}`,
        en: `Overdue, escalated to you (level ${last.level}): ${step.en}`,
      },
      opensAt: instance.updatedAt,
    });
  }
}

import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { InstanceEntity } from '../entities/instance.entity';

export interface TransitionInfo {
  instance: InstanceEntity;
  event: string;
  fromState: string | null;
  toState: string;
}

/** Runs inside the transition's transaction; throwing rolls the transition back. */
export type TransitionHook = (manager: EntityManager, info: TransitionInfo) => Promise<void>;

/**
 * Lets a module keep its own records in step with a procedure, atomically with
 * the transition (e.g. the survey's questionnaire is frozen when the plan is approved).
 */
@Injectable()
export class TransitionHooks {
  private readonly hooks = new Map<string, TransitionHook[]>();

  register(procedureKey: string, hook: TransitionHook): void {
    this.hooks.set(procedureKey, [...(this.hooks.get(procedureKey) ?? []), hook]);
  }

  async run(manager: EntityManager, info: TransitionInfo): Promise<void> {
    for (const hook of this.hooks.get(info.instance.procedureKey) ?? []) await hook(manager, info);
  }
}

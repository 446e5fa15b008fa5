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
 * Which transitions a hook has work for, decided without the database. The dispatcher
 * asks before it writes: a transition that no hook wants can send COMMIT with its writes.
 */
export type HookCondition = (info: TransitionInfo) => boolean;

/**
 * Lets a module keep its own records in step with a procedure, atomically with
 * the transition (e.g. the survey's questionnaire is frozen when the plan is approved).
 */
@Injectable()
export class TransitionHooks {
  private readonly hooks = new Map<string, { when: HookCondition; hook: TransitionHook }[]>();

  register(procedureKey: string, when: HookCondition, hook: TransitionHook): void {
    this.hooks.set(procedureKey, [...(this.hooks.get(procedureKey) ?? []), { when, hook }]);
  }

  /** The hooks to run for this transition, in registration order. */
  applicable(info: TransitionInfo): TransitionHook[] {
    return (this.hooks.get(info.instance.procedureKey) ?? []).filter((h) => h.when(info)).map((h) => h.hook);
  }
}

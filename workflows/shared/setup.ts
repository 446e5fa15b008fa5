import { assign, emit, setup } from 'xstate';
import { actorName, type BaseContext, type ProcedureInput } from './context';
import type { LocalText, ProcedureEffect, ProcedureEvent, RoleKey, StepMeta } from './types';

interface EscalationParams {
  ladder: RoleKey[];
  step: LocalText;
}

/** The role told at an escalation level; past the end of the ladder the last rung is told again. */
export function ladderRole(ladder: RoleKey[], level: number): RoleKey {
  return ladder[Math.min(Math.max(level, 1), ladder.length) - 1];
}

/**
 * `setup()` shared by the four procedures: the engine's event, input, effect and
 * meta types, and the two actions every procedure needs (record a rejection,
 * escalate a passed deadline). Each machine adds its own with `.extend()`.
 */
export function procedureSetup<C extends BaseContext>() {
  return setup({
    types: {
      context: {} as C,
      events: {} as ProcedureEvent,
      input: {} as ProcedureInput,
      emitted: {} as ProcedureEffect,
      meta: {} as StepMeta,
    },
    actions: {
      // `as Partial<C>`: TypeScript cannot see that a BaseContext field is a field of every C.
      recordRejection: assign(
        ({ event }, params: { state: string }) =>
          ({ lastRejection: { state: params.state, comment: event.comment ?? '', by: actorName(event), at: event.at } }) as Partial<C>,
      ),
      // The key counts escalations, so a state entered again (a reopened case) notifies again.
      notifyEscalation: emit(({ context, event }, { ladder, step }: EscalationParams): ProcedureEffect => {
        const level = event.level ?? 1;
        return {
          type: 'effect.notify',
          role: ladderRole(ladder, level),
          message: {
            zh: `「${context.title}」${step.zh}已超期（第 ${level} 级升级）`,
            en: `"${context.title}": ${step.en} is overdue (escalation level ${level})`,
          },
          key: `escalation-${context.escalations.length + 1}`,
        };
      }),
      recordEscalation: assign(
        ({ context, event }, { ladder }: EscalationParams) =>
          ({
            escalations: [
              ...context.escalations,
              { state: event.state ?? '', level: event.level ?? 1, role: ladderRole(ladder, event.level ?? 1), at: event.at },
            ],
          }) as Partial<C>,
      ),
    },
  });
}

/**
 * REJECT (or any NG outcome) back to the step that produced the document,
 * keeping the reason; `also` are further actions of the same transition.
 */
export function rejectTo<const A extends readonly unknown[] = []>(target: string, from: string, ...also: A) {
  return { target, actions: [{ type: 'recordRejection', params: { state: from } }, ...also] } as const;
}

/**
 * DEADLINE as a self-transition: notify the role at the ladder level the engine
 * reached and mark the record. The ladder is read from the state's own meta, so
 * the engine's timers and the machine's notices cannot disagree.
 */
export function escalate(meta: StepMeta) {
  if (!meta.deadline) throw new Error(`step "${meta.title.en}" has no deadline to escalate`);
  const params: EscalationParams = { ladder: meta.deadline.escalation, step: meta.title };
  return {
    actions: [
      { type: 'notifyEscalation', params },
      { type: 'recordEscalation', params },
    ],
  } as const;
}

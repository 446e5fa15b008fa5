import type { AnyStateMachine } from 'xstate';
import type { StepMeta } from '../definitions/procedure-definition';

/** The state id the engine stores and the API shows: top-level name, or dotted path for nested states. */
export function stateId(value: unknown): string {
  if (typeof value === 'string') return value;
  const [[key, child]] = Object.entries(value as Record<string, unknown>);
  return `${key}.${stateId(child)}`;
}

export function stepMeta(machine: AnyStateMachine, state: string): StepMeta | undefined {
  try {
    return machine.getStateNodeById(`${machine.id}.${state}`).meta as StepMeta | undefined;
  } catch {
    return undefined;
  }
}

/** Events the state node handles itself (not counting `always`). */
export function handledEvents(machine: AnyStateMachine, state: string): string[] {
  try {
    return [...machine.getStateNodeById(`${machine.id}.${state}`).transitions.keys()];
  } catch {
    return [];
  }
}

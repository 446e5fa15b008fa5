import type { AnyStateMachine } from 'xstate';
import type { StepMeta } from '../definitions/procedure-definition';

/** The state id the engine stores and the API shows: top-level name, or dotted path for nested states. */
export function stateId(value: unknown): string {
  if (typeof value === 'string') return value;
  const [[key, child]] = Object.entries(value as Record<string, unknown>);
  return `${key}.${stateId(child)}`;
}

/**
 * Step metadata of the machine's states, looked up once per state: a request asks for it
 * several times, and XState's lookup by id builds the id's path a character at a time
 * (about 7 KB of garbage per event request, measured with the sampling heap profiler).
 * Machines are immutable; only states that exist are kept, so a map holds at most a
 * machine's states.
 */
const metaByMachine = new WeakMap<AnyStateMachine, Map<string, StepMeta | undefined>>();

export function stepMeta(machine: AnyStateMachine, state: string): StepMeta | undefined {
  let known = metaByMachine.get(machine);
  if (!known) metaByMachine.set(machine, (known = new Map()));
  if (known.has(state)) return known.get(state);
  try {
    const meta = machine.getStateNodeById(`${machine.id}.${state}`).meta as StepMeta | undefined;
    known.set(state, meta);
    return meta;
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

/** Names of the guards on the state's own transitions for `type` (string guards only: the machines name theirs). */
export function guardsFor(machine: AnyStateMachine, state: string, type: string): string[] {
  try {
    const transitions = machine.getStateNodeById(`${machine.id}.${state}`).transitions.get(type) ?? [];
    return transitions.map((t) => (typeof t.guard === 'string' ? t.guard : (t.guard as { type?: unknown } | undefined)?.type)).filter((g): g is string => typeof g === 'string');
  } catch {
    return [];
  }
}

import { createActor, type AnyActorScope, type AnyMachineSnapshot, type AnyStateMachine } from 'xstate';
import type { StoredSnapshot } from '../entities/instance.entity';

/**
 * XState's `transition()` builds a throw-away actor per call, which evaluates the
 * machine's initial context every time (the most expensive part of a transition).
 * Our machines are pure (no invoked or spawned actors), so one inert scope per
 * machine serves every call; only the action collector is per call.
 */
const scopes = new WeakMap<AnyStateMachine, AnyActorScope>();

function inertScope(machine: AnyStateMachine): AnyActorScope {
  let scope = scopes.get(machine);
  if (!scope) {
    const self = createActor(machine);
    scope = {
      self,
      id: '',
      sessionId: '',
      system: self.system,
      logger: () => {},
      defer: () => {},
      emit: () => {},
      stopChild: () => {},
      actionExecutor: () => {},
    } as unknown as AnyActorScope;
    scopes.set(machine, scope);
  }
  return scope;
}

/** The next snapshot of a stored one for `event`, and the actions the machine asked for (e.g. emitted effects). */
export function transitionStored(
  machine: AnyStateMachine,
  stored: StoredSnapshot,
  event: { type: string },
): { current: AnyMachineSnapshot; next: AnyMachineSnapshot; actions: { type: string; params?: unknown }[] } {
  const current = machine.resolveState(stored as Parameters<AnyStateMachine['resolveState']>[0]);
  const actions: { type: string; params?: unknown }[] = [];
  const next = machine.transition(current, event, { ...inertScope(machine), actionExecutor: (a: { type: string; params?: unknown }) => actions.push(a) });
  return { current, next, actions };
}

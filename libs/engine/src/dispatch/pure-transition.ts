import { createActor, type AnyActorRef, type AnyActorScope, type AnyMachineSnapshot, type AnyStateMachine } from 'xstate';
import type { StoredSnapshot } from '../entities/instance.entity';

/**
 * XState's `transition()` builds a throw-away actor per call, which evaluates the
 * machine's initial context every time (the most expensive part of a transition).
 * Our machines are pure (no invoked or spawned actors), so one inert actor per
 * machine serves every call; only the action collector is per call. The scope is one
 * literal per call: spreading a cached scope and adding the collector took V8 (Node 20)
 * microseconds (a spread followed by more properties leaves its fast path).
 */
const inertActors = new WeakMap<AnyStateMachine, AnyActorRef>();
const ignore = () => {};

function inertScope(machine: AnyStateMachine, actionExecutor: (action: { type: string; params?: unknown }) => void): AnyActorScope {
  let self = inertActors.get(machine);
  if (!self) inertActors.set(machine, (self = createActor(machine)));
  return {
    self,
    id: '',
    sessionId: '',
    system: self.system,
    logger: ignore,
    defer: ignore,
    emit: ignore,
    stopChild: ignore,
    actionExecutor,
  } as unknown as AnyActorScope;
}

/** The next snapshot of a stored one for `event`, and the actions the machine asked for (e.g. emitted effects). */
export function transitionStored(
  machine: AnyStateMachine,
  stored: StoredSnapshot,
  event: { type: string },
): { current: AnyMachineSnapshot; next: AnyMachineSnapshot; actions: { type: string; params?: unknown }[] } {
  const current = machine.resolveState(stored as Parameters<AnyStateMachine['resolveState']>[0]);
  const actions: { type: string; params?: unknown }[] = [];
  const next = machine.transition(current, event, inertScope(machine, (a) => actions.push(a)));
  return { current, next, actions };
}

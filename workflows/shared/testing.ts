/**
 * Helpers for the machines' specs: drive a machine exactly as the engine does
 * (persist `{ value, context }` as JSON, restore with resolveState, pure
 * `transition`), and check every state's meta against the conventions.
 */
import { initialTransition, transition, type AnyMachineSnapshot, type AnyStateNode } from 'xstate';
import type { ProcedureDefinition, ProcedureEffect, ProcedureEvent, StepMeta } from './types';

export function effectsOf(actions: readonly { type: string; params?: unknown }[]): ProcedureEffect[] {
  return actions.filter((a) => a.type === 'xstate.emit').map((a) => (a.params as { event: ProcedureEffect }).event);
}

/** What the engine would store and load again. */
function roundTrip(def: ProcedureDefinition, snapshot: AnyMachineSnapshot): AnyMachineSnapshot {
  const stored = JSON.parse(JSON.stringify({ value: snapshot.value, context: snapshot.context }));
  return def.machine.resolveState(stored);
}

export type EventInput = Omit<ProcedureEvent, 'type' | 'at' | 'actor'> & { by?: string };

/** One instance, walked event by event through JSON persistence. */
export class Walk {
  snapshot: AnyMachineSnapshot;
  /** Effects emitted by the last accepted event (or the start). */
  effects: ProcedureEffect[];
  private minute = 0;

  constructor(
    private readonly def: ProcedureDefinition,
    data: Record<string, unknown> = {},
    title = 'test instance',
  ) {
    const [snapshot, actions] = initialTransition(def.machine, { title, data, createdBy: 'starter', at: this.now() });
    this.snapshot = snapshot;
    this.effects = effectsOf(actions);
  }

  get state(): string {
    return String(this.snapshot.value);
  }

  get context(): Record<string, any> {
    return this.snapshot.context;
  }

  get done(): boolean {
    return this.snapshot.status === 'done';
  }

  /** Sends an event from a person; false (and nothing changes) when the engine would answer 422. */
  try(type: string, input: EventInput = {}): boolean {
    const { by = 'someone', ...rest } = input;
    return this.apply({ type, at: this.now(), actor: { id: by, username: by, roles: [] }, ...rest });
  }

  /** Sends an event that must be accepted. */
  send(type: string, input: EventInput = {}): this {
    if (!this.try(type, input)) throw new Error(`${type} was refused in ${this.state}`);
    return this;
  }

  /** A system event (timers, other modules): no actor. */
  system(type: string, input: Omit<EventInput, 'by'> = {}): boolean {
    return this.apply({ type, at: this.now(), ...input });
  }

  /** A deadline passing, as the engine's timer poller sends it. */
  deadline(level = 1, facts?: Record<string, unknown>): boolean {
    return this.system('DEADLINE', { state: this.state, level, ...(facts ? { facts } : {}) });
  }

  private apply(event: ProcedureEvent): boolean {
    const restored = roundTrip(this.def, this.snapshot);
    const [next, actions] = transition(this.def.machine, restored, event);
    if (next === restored) return false;
    this.snapshot = next;
    this.effects = effectsOf(actions);
    return true;
  }

  private now(): string {
    return new Date(Date.UTC(2026, 9, 1, 8, this.minute++)).toISOString();
  }
}

/** Events that need a reason whenever a state offers them (procedures.md conventions, brief). */
const NEEDS_COMMENT = ['REJECT', 'REQUEST_WAIVER', 'CALLBACK_DISSATISFIED', 'INEFFECTIVE'];

function allStates(node: AnyStateNode): AnyStateNode[] {
  return Object.values(node.states).flatMap((child) => [child, ...allStates(child)]);
}

/** Every way a definition's meta breaks the conventions the engine and the controlled document rely on. */
export function metaProblems(def: ProcedureDefinition): string[] {
  const problems: string[] = [];
  const states = allStates(def.machine.root);
  const names = new Set(states.map((s) => s.key));
  for (const node of states) {
    const at = `${def.key}.${node.key}`;
    const meta = node.meta as StepMeta | undefined;
    if (!meta?.title?.zh || !meta.title.en) {
      problems.push(`${at}: no title`);
      continue;
    }
    const events = [...node.ownEvents];
    const automatic = (node.always?.length ?? 0) > 0;
    const human = node.type !== 'final' && !automatic;
    if (human && !meta.role) problems.push(`${at}: no role`);
    if (!human && meta.role) problems.push(`${at}: an automatic or final state has a role`);
    if (meta.role && !def.roles.includes(meta.role)) problems.push(`${at}: role ${meta.role} not in the definition's roles`);
    const system = ['DEADLINE', ...(meta.systemEvents ?? [])];
    for (const e of meta.outcomes ?? []) {
      if (!events.includes(e)) problems.push(`${at}: outcome ${e} is not handled`);
      if (system.includes(e)) problems.push(`${at}: ${e} is a system event, not an outcome`);
    }
    for (const e of events) {
      if (!system.includes(e) && !meta.outcomes?.includes(e)) problems.push(`${at}: ${e} is handled but not offered`);
      if (NEEDS_COMMENT.includes(e) && !meta.commentRequired?.includes(e)) problems.push(`${at}: ${e} needs a comment`);
    }
    for (const e of meta.systemEvents ?? []) if (!events.includes(e)) problems.push(`${at}: system event ${e} is not handled`);
    if (events.includes('APPROVE')) {
      if (!meta.signed?.APPROVE) problems.push(`${at}: APPROVE is not signed`);
      if (!meta.separateFrom?.length) problems.push(`${at}: an approval names no author to keep apart`);
    }
    for (const s of meta.separateFrom ?? []) if (!names.has(s)) problems.push(`${at}: separateFrom names unknown state ${s}`);
    if (meta.deadline) {
      if (!meta.deadline.escalation.length) problems.push(`${at}: deadline without escalation`);
      for (const r of meta.deadline.escalation) if (!def.roles.includes(r)) problems.push(`${at}: escalation role ${r} not in roles`);
      if (!events.includes('DEADLINE')) problems.push(`${at}: deadline set but DEADLINE not handled`);
    } else if (events.includes('DEADLINE')) {
      problems.push(`${at}: DEADLINE handled without a deadline`);
    }
    if (human && !meta.record) problems.push(`${at}: no record named`);
  }
  return problems;
}

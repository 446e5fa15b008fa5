import { getStateNodes, toDirectedGraph } from '@xstate/graph';
import type { AnyStateNode } from 'xstate';
import type { DeadlineMeta, LocalText, ProcedureDefinition, StepMeta } from './procedure-definition';

/**
 * The event name given to `always` (automatic) transitions. XState itself uses
 * the empty event type for them, and no client can send an empty type, so the
 * API cannot mistake it for an event a person may send.
 */
export const AUTOMATIC = '';

export type Lang = 'zh' | 'en';

/** Role labels as the identity module shows them; passed in so this module stays free of NestJS. */
export type RoleLabels = Record<string, LocalText>;

export interface StateDescription {
  /** Top-level state name, or dotted path for a nested state (as the engine stores it). */
  id: string;
  title: LocalText;
  role?: string;
  deadline?: DeadlineMeta;
  /** Events offered to people (meta.outcomes). */
  outcomes: string[];
  /** Outcomes that need an electronic signature, so a client knows when to ask for one. */
  signed?: string[];
  /** What each signature states by default (e.g. 验证有效 / verified effective), for the signing form. */
  signedAs?: Record<string, LocalText>;
  /** Outcomes that need a comment. */
  commentRequired?: string[];
  final: boolean;
  automatic: boolean;
}

export interface TransitionDescription {
  from: string;
  /** The event type; AUTOMATIC for `always` transitions. Targetless transitions (DEADLINE escalations) are self-transitions. */
  event: string;
  to: string;
}

/** GET /procedures/:key (api.md), plus the initial state. */
export interface ProcedureDescription {
  key: string;
  version: number;
  title: LocalText;
  initial: string;
  states: StateDescription[];
  transitions: TransitionDescription[];
}

/** A state node with what the linter, diagram and document need to know about it. */
export interface ProcedureStep {
  id: string;
  node: AnyStateNode;
  meta: StepMeta | undefined;
  final: boolean;
  automatic: boolean;
  /** Event types this node's own transitions handle (not its ancestors'; not `always`). */
  events: string[];
}

/** Relative to the machine root, from the path rather than `node.id`, which a state may override. */
export function stepId(node: AnyStateNode): string {
  return node.path.join('.');
}

/** XState's internal events (`xstate.done.state…`, `xstate.after…`) are never sent by a person. */
function isPersonEvent(event: string, meta: StepMeta | undefined): boolean {
  return event !== 'DEADLINE' && !event.startsWith('xstate.') && !(meta?.systemEvents ?? []).includes(event);
}

/** Every state node of the machine, nested ones included, in definition order. */
export function procedureSteps(def: ProcedureDefinition): ProcedureStep[] {
  return getStateNodes(def.machine).map((node) => {
    const meta = node.meta as StepMeta | undefined;
    const events = [...node.transitions.keys()];
    return {
      id: stepId(node),
      node,
      meta,
      final: node.type === 'final',
      automatic: node.always !== undefined && node.always.length > 0 && !events.some((e) => isPersonEvent(e, meta)),
      events,
    };
  });
}

/** The state the machine starts in (the top-level initial state). */
export function initialStepId(def: ProcedureDefinition): string {
  const target = def.machine.root.initial?.target[0];
  if (!target) throw new Error(`procedure ${def.key} has no initial state`);
  return stepId(target);
}

/**
 * Every transition of the machine whatever its guard, since guards read event
 * data and facts that only exist at run time. @xstate/graph reads them from the
 * structure (a targetless transition becomes a self-edge); it leaves out
 * `always`, which is added here. Guarded alternatives to the same target count once.
 */
export function procedureTransitions(def: ProcedureDefinition): TransitionDescription[] {
  const edges: TransitionDescription[] = [];
  const walk = (graph: ReturnType<typeof toDirectedGraph>): void => {
    for (const edge of graph.edges) edges.push({ from: stepId(edge.source), event: edge.transition.eventType, to: stepId(edge.target) });
    for (const target of graph.stateNode.always?.flatMap((t) => t.target ?? [graph.stateNode]) ?? []) {
      edges.push({ from: stepId(graph.stateNode), event: AUTOMATIC, to: stepId(target) });
    }
    graph.children.forEach(walk);
  };
  walk(toDirectedGraph(def.machine));
  return [...new Map(edges.map((e) => [`${e.from}\u0000${e.event}\u0000${e.to}`, e])).values()];
}

/** The plain description of a procedure for the API, diagrams and documents. */
export function describeProcedure(def: ProcedureDefinition): ProcedureDescription {
  return {
    key: def.key,
    version: def.version,
    title: def.title,
    initial: initialStepId(def),
    states: procedureSteps(def).map(({ id, node, meta, final, automatic }) => ({
      id,
      // A state without meta still gets a readable title (the linter reports it).
      title: meta?.title ?? { zh: node.key, en: node.key },
      ...(meta?.role ? { role: meta.role } : {}),
      ...(meta?.deadline ? { deadline: meta.deadline } : {}),
      outcomes: meta?.outcomes ?? [],
      ...(meta?.signed ? { signed: Object.keys(meta.signed), signedAs: meta.signed } : {}),
      ...(meta?.commentRequired ? { commentRequired: meta.commentRequired } : {}),
      final,
      automatic,
    })),
    transitions: procedureTransitions(def),
  };
}

/** GET /procedures/:key: the description already is the API shape; the name the controller imports. */
export const procedureForApi = describeProcedure;

/**
 * Steps by their shortest distance (in transitions) from the initial state,
 * for laying diagrams out; unreachable states get no entry.
 */
export function distancesFromInitial(d: ProcedureDescription): Map<string, number> {
  const distance = new Map([[d.initial, 0]]);
  const queue = [d.initial];
  for (let current = queue.shift(); current !== undefined; current = queue.shift()) {
    for (const t of d.transitions) {
      if (t.from === current && !distance.has(t.to)) {
        distance.set(t.to, distance.get(current)! + 1);
        queue.push(t.to);
      }
    }
  }
  return distance;
}

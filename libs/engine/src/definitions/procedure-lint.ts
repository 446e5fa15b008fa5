import type { AnyStateNode } from 'xstate';
import type { LocalText, ProcedureDefinition } from './procedure-definition';
import { CANCEL, CANCELLED_STATE } from '../dispatch/cancellation';
import { initialStepId, procedureSteps, procedureTransitions, stepId, type ProcedureStep } from './procedure-graph';

export type LintRule =
  | 'reachable'
  | 'completable'
  | 'role'
  | 'title'
  | 'approve-signed'
  | 'reject-comment'
  | 'deadline-escalation'
  | 'deadline-handled'
  | 'deadline-due-at'
  | 'outcome-handled'
  | 'separate-from'
  | 'on-reject-numbered'
  | 'engine-reserved';

export interface LintProblem {
  state: string;
  rule: LintRule;
  /** Names the procedure and the state, so a start-up failure says where to look. */
  message: string;
}

type Graph = Map<string, Set<string>>;

const STEP_NUMBER = /第\s*\d+\s*步|\bsteps? \d/i;

function link(graph: Graph, from: string, to: string): void {
  graph.set(from, (graph.get(from) ?? new Set()).add(to));
}

function closure(start: string[], graph: Graph): Set<string> {
  const seen = new Set(start);
  const queue = [...start];
  for (let current = queue.shift(); current !== undefined; current = queue.shift()) {
    for (const next of graph.get(current) ?? []) {
      if (!seen.has(next)) {
        seen.add(next);
        queue.push(next);
      }
    }
  }
  return seen;
}

/** The children a compound (or every region of a parallel) state enters with it. */
function entered(node: AnyStateNode): readonly AnyStateNode[] {
  if (node.type === 'parallel') return Object.values(node.states);
  return node.initial?.target ?? [];
}

/**
 * Which state can follow which, whatever the guards say (they depend on event
 * data and facts, so every transition is taken as possible). Nesting adds
 * structural edges: a compound state enters its initial child, and a child
 * can take its parent's transitions (which is how a nested final state ends
 * its parent, through the parent's `onDone`).
 */
function successors(def: ProcedureDefinition, steps: ProcedureStep[]): Graph {
  const graph: Graph = new Map();
  for (const t of procedureTransitions(def)) link(graph, t.from, t.to);
  for (const { id, node } of steps) {
    for (const child of entered(node)) link(graph, id, stepId(child));
    if (node.parent?.parent) link(graph, id, stepId(node.parent));
  }
  return graph;
}

function reversed(graph: Graph): Graph {
  const back: Graph = new Map();
  for (const [from, tos] of graph) for (const to of tos) link(back, to, from);
  return back;
}

function isNamed(title: LocalText | undefined): boolean {
  return !!title && title.zh.trim() !== '' && title.en.trim() !== '';
}

/** Events the state takes, its own or from an ancestor (an ancestor's `on` applies to its children). */
function handled(step: ProcedureStep): Set<string> {
  const events = new Set<string>();
  for (let node: AnyStateNode | undefined = step.node; node; node = node.parent) {
    for (const event of node.transitions.keys()) events.add(event);
  }
  return events;
}

/**
 * The rules every procedure must satisfy before it may run (procedures.md
 * conventions), read from the machine's structure: reachability both ways, a
 * role and title on every human step, signed approvals, reasoned rejections,
 * escalating deadlines (a due date from the context named for the document), offered outcomes that work, and separation of duties
 * that names real states.
 */
export function lintProcedure(def: ProcedureDefinition): LintProblem[] {
  const steps = procedureSteps(def);
  const problems: LintProblem[] = [];
  const report = (state: string, rule: LintRule, what: string): void => {
    problems.push({ state, rule, message: `${def.key} v${def.version}, state "${state}": ${what}` });
  };

  const graph = successors(def, steps);
  const reachable = closure([initialStepId(def)], graph);
  // Only a top-level final state ends the procedure; a nested one ends its parent.
  const ends = steps.filter((s) => s.final && !s.node.parent?.parent).map((s) => s.id);
  const completable = closure(ends, reversed(graph));
  const ids = new Set(steps.map((s) => s.id));

  for (const step of steps) {
    const { id, meta } = step;
    if (!reachable.has(id)) report(id, 'reachable', 'cannot be reached from the initial state');
    if (!completable.has(id)) report(id, 'completable', 'no final state can be reached from it');
    // the engine's own: it takes CANCEL in every step, and its terminal state would be mistaken for this one
    if (id === CANCELLED_STATE) report(id, 'engine-reserved', `is named "${CANCELLED_STATE}", the engine's state of a cancelled instance`);
    if (step.final) continue;
    if (step.events.includes(CANCEL)) report(id, 'engine-reserved', `handles ${CANCEL}, which the engine takes in every step (the definition's cancellers)`);

    const isCompound = Object.keys(step.node.states).length > 0;
    // A compound state's person is named on the child that acts.
    if (!step.automatic && !isCompound && !meta?.role) report(id, 'role', 'a step people act in needs meta.role');
    if (!step.automatic && !isNamed(meta?.title)) report(id, 'title', 'a step people act in needs meta.title in zh and en');

    const own = new Set(step.events);
    if (own.has('APPROVE') && !meta?.signed?.APPROVE) report(id, 'approve-signed', 'handles APPROVE but does not list it in meta.signed');
    if (own.has('REJECT') && !meta?.commentRequired?.includes('REJECT')) {
      report(id, 'reject-comment', 'handles REJECT but does not list it in meta.commentRequired');
    }

    const takes = handled(step);
    if (meta?.deadline) {
      if (!meta.deadline.escalation?.length) report(id, 'deadline-escalation', 'has a deadline with an empty escalation ladder');
      if (!takes.has('DEADLINE')) report(id, 'deadline-handled', 'has a deadline but does not handle DEADLINE');
      const { dueAt } = meta.deadline;
      // the controlled document states the deadline by the date's title, so both are needed
      if (dueAt && (!dueAt.field?.trim() || !isNamed(dueAt.title))) {
        report(id, 'deadline-due-at', 'deadline.dueAt needs the context field holding the date and its title in zh and en');
      }
    }
    for (const outcome of meta?.outcomes ?? []) {
      if (!takes.has(outcome)) report(id, 'outcome-handled', `offers outcome ${outcome} but does not handle it`);
    }
    for (const other of meta?.separateFrom ?? []) {
      if (!ids.has(other)) report(id, 'separate-from', `separateFrom names "${other}", which is not a state`);
    }
    // the controlled document numbers its steps itself, so a number written into the NG text goes stale
    if (meta?.onReject && [meta.onReject.zh, meta.onReject.en].some((text) => STEP_NUMBER.test(text))) {
      report(id, 'on-reject-numbered', 'meta.onReject refers to a step by number; name the step instead');
    }
  }
  return problems;
}

/** Throws one error listing every problem, so a broken definition stops the server at start-up and fails the build. */
export function assertProcedureValid(def: ProcedureDefinition): void {
  const problems = lintProcedure(def);
  if (problems.length > 0) {
    throw new Error(`procedure ${def.key} v${def.version} is invalid:\n${problems.map((p) => `  - ${p.message} [${p.rule}]`).join('\n')}`);
  }
}

import type { AnyStateMachine } from 'xstate';
import type { RoleKey } from '@satisflow/identity';

/**
 * The contract between a procedure in workflows/ and the engine that hosts it.
 *
 * A procedure is a pure XState v5 machine. Everything the engine needs to know
 * about a state (who acts, what is offered, what must be signed, deadlines) is
 * that state node's `meta` (StepMeta), so the machine is the single source of
 * truth for the running procedure, its linter, its diagram and its controlled
 * document.
 */
export interface LocalText {
  zh: string;
  en: string;
}

/** A span of time; working days skip weekends and the company's holiday calendar. */
export interface Duration {
  minutes?: number;
  hours?: number;
  days?: number;
  workingDays?: number;
  months?: number;
}

export interface DeadlineMeta {
  /** Counted from entering the state; also the first deadline when `dueAt` finds no date. */
  after: Duration;
  /**
   * The first deadline as a date the instance's context holds (e.g. the action plan's
   * own due date), instead of `after`. `field` is its path in the context (`plan.dueDate`):
   * an ISO date is due at the end of that day in the company's time zone, an ISO time at
   * that moment. `title` names it in the controlled document.
   */
  dueAt?: { field: string; title: LocalText };
  /**
   * Who is told, level by level, each time the deadline passes again
   * (e.g. handler → manager → director → customer-service centre).
   * After the last level the timer is not set again.
   */
  escalation: RoleKey[];
  /** How long to wait before the next escalation level (default: `after`). */
  repeatAfter?: Duration;
}

export interface StepMeta {
  title: LocalText;
  /** Who acts in this state. Absent only for automatic (`always`) and final states. */
  role?: RoleKey;
  /** Events offered to the person as buttons; DEADLINE and system events are not outcomes. */
  outcomes?: string[];
  /** Events that must carry an electronic signature, with the default meaning of that signature. */
  signed?: Record<string, LocalText>;
  /** Events that must carry a non-empty comment (every REJECT, waivers, reopenings). */
  commentRequired?: string[];
  /**
   * Separation of duties: whoever last acted in one of these states (the author of
   * the document being decided here) may not act in this one.
   */
  separateFrom?: string[];
  /** Why an event's guard may refuse it, shown in the 422 when it does (e.g. the return-rate gate). */
  rules?: Record<string, LocalText>;
  /** Events that only the system (other modules, the outbox) may send, never a person. */
  systemEvents?: string[];
  deadline?: DeadlineMeta;
  /** Context field holding the username this step's task is assigned to (e.g. the named complaint handler). */
  assignee?: string;
  /**
   * Context field holding the ISO time before which this step's task stays out of the
   * inbox (the second callback, made 2 months after the first): the task exists, and the
   * instance lists it with its `opensAt`, but nobody is asked to act before then.
   */
  taskOpensAt?: string;
  /** The form or record this step produces or decides on (for the controlled document). */
  record?: LocalText;
  /** What happens when the step's outcome is NG (for the controlled document). */
  onReject?: LocalText;
}

export interface ProcedureDefinition {
  key: string;
  version: number;
  title: LocalText;
  /** Purpose and scope, as the controlled document states it. */
  purpose: LocalText;
  /** The company's document number this encodes, when there is one (e.g. SJ-P-C-04). */
  documentNo?: string;
  /** Roles taking part, in the order the controlled document lists them. */
  roles: RoleKey[];
  /** Who may start an instance by hand (default: the role of the initial state). */
  starters?: RoleKey[];
  /** Who may cancel a running instance, with a reason and a signature, in any step (none: it cannot be cancelled). */
  cancellers?: RoleKey[];
  machine: AnyStateMachine;
  /**
   * Guards that check submitted data, by guard name: each names what it finds missing or
   * wrong as a path into the event (`data.plan.targetReturnRate`). The machine's guard passes
   * when its check names nothing (`fieldGuards` in workflows/shared), and a refusal's 422
   * lists the same paths in `details`, so the two cannot disagree.
   */
  fieldChecks?: Record<string, FieldCheck>;
}

/**
 * What a field check finds wrong: a path into the event (`data.owner`), or the path with
 * why (`{ field, reason }`) when the check knows more than "missing" or "not valid", or only
 * a reason for a condition that is no submitted field's (a date not yet reached). A refusal's
 * message says the reasons; its `details` name the fields, each with the check's `rule` when
 * it names one (e.g. `disabledUser`), else `required` or `invalid`.
 */
export type FieldRefusal = string | { field?: string; reason: LocalText; rule?: string };

// `any`: each procedure's context type is its own
export type FieldCheck<C = any> = (args: { context: C; event: ProcedureEvent }) => FieldRefusal[];

/** The actor as machines see it: enough for guards, never a password. */
export interface EventActor {
  id: string;
  username: string;
  roles: string[];
}

/**
 * Every event the engine sends a machine has this shape. `facts` are figures the
 * host computed from its own records for guards (e.g. the survey's return rate),
 * never taken from the client.
 */
export interface ProcedureEvent {
  type: string;
  actor?: EventActor;
  comment?: string;
  data?: Record<string, unknown>;
  facts?: Record<string, unknown>;
  /** ISO time of the event, from the engine clock. */
  at: string;
  /** The company's time zone, in minutes east of UTC, for a machine that states a moment in words. Absent outside the engine. */
  utcOffsetMinutes?: number;
  /**
   * The company's calendar date (YYYY-MM-DD) at `at`, in its time zone: what "today" means to
   * the people using it (China's day begins 8 hours before UTC's). Absent outside the engine.
   */
  today?: string;
  /** For DEADLINE: the state whose deadline passed and the escalation level reached (1 = first). */
  state?: string;
  level?: number;
}

/**
 * Side effects a machine asks for, with XState's `emit()`. The engine writes
 * them to the outbox in the transition's transaction and performs them after commit.
 */
export type ProcedureEffect =
  | { type: 'effect.startChild'; procedure: string; title: string; data?: Record<string, unknown>; key: string }
  | { type: 'effect.notify'; role: RoleKey; message: LocalText; key?: string }
  | { type: 'effect.email'; to: string; subject: string; text: string; key?: string };

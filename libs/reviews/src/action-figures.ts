/** A corrective action as its instance row, context and audit trail tell it. */
export interface ActionCase {
  instanceId: string;
  title: string;
  status: 'active' | 'completed' | 'cancelled';
  state: string;
  owner: string | null;
  /** The approved plan's due date (local YYYY-MM-DD), null before a plan exists. */
  dueDate: string | null;
  /** A deadline of the step it is in has passed (an escalation was recorded there). */
  stepOverdue: boolean;
  /** Each effectiveness check's verdict, oldest first (EFFECTIVE / INEFFECTIVE in the trail). */
  checks: { effective: boolean; at: Date }[];
}

export type ActionStatus = 'open' | 'overdue' | 'closedEffective' | 'cancelled';

export interface ActionFigure {
  instanceId: string;
  title: string;
  state: string;
  status: ActionStatus;
  owner: string | null;
  dueDate: string | null;
  /** How many checks found the action ineffective (each sent it back to cause analysis). */
  ineffectiveChecks: number;
  closedAt: string | null;
}

export interface ActionSection {
  instanceIds: string[];
  open: number;
  overdue: number;
  closedEffective: number;
  /** Open again because the latest check found the action ineffective. */
  ineffective: number;
  cancelled: number;
  actions: ActionFigure[];
}

function statusOf(a: ActionCase, today: string): ActionStatus {
  if (a.status === 'completed') return 'closedEffective';
  if (a.status === 'cancelled') return 'cancelled';
  return a.stepOverdue || (a.dueDate !== null && a.dueDate < today) ? 'overdue' : 'open';
}

/**
 * The status of each action as of `today` (the company's local date): overdue when
 * its plan's due date has passed or its current step's deadline has, closed only
 * through an effective check (procedure C's one way to `closed`).
 */
export function actionFigures(cases: ActionCase[], today: string): ActionSection {
  const actions: ActionFigure[] = cases.map((a) => ({
    instanceId: a.instanceId,
    title: a.title,
    state: a.state,
    status: statusOf(a, today),
    owner: a.owner,
    dueDate: a.dueDate,
    ineffectiveChecks: a.checks.filter((c) => !c.effective).length,
    closedAt: a.status === 'completed' ? (a.checks.filter((c) => c.effective).at(-1)?.at.toISOString() ?? null) : null,
  }));
  const count = (status: ActionStatus) => actions.filter((a) => a.status === status).length;
  return {
    instanceIds: actions.map((a) => a.instanceId),
    open: count('open'),
    overdue: count('overdue'),
    closedEffective: count('closedEffective'),
    ineffective: cases.filter((a) => a.status === 'active' && a.checks.at(-1)?.effective === false).length,
    cancelled: count('cancelled'),
    actions,
  };
}

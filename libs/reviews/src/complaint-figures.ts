import { percent, slaFigure, type SlaFigure, type SlaSample } from './sla';

/** One transition of a case, from its audit record. */
export interface CaseEvent {
  event: string;
  at: Date;
}

/** A complaint case as its instance row and audit trail tell it. */
export interface ComplaintCase {
  instanceId: string;
  title: string;
  status: 'active' | 'completed' | 'cancelled';
  receivedAt: Date;
  /** From the intake the desk recorded; null when it named none. */
  channel: string | null;
  type: string | null;
  /** Oldest first. */
  events: CaseEvent[];
}

export interface CaseRef {
  instanceId: string;
  title: string;
}

export interface ComplaintSection {
  /** Every case counted: received in the period. */
  instanceIds: string[];
  total: number;
  open: number;
  closed: number;
  cancelled: number;
  byChannel: Record<string, number>;
  byType: Record<string, number>;
  /** Escalated as major quality events (special investigation). */
  major: CaseRef[];
  sla: {
    dispatchWithin10Minutes: SlaFigure;
    firstContactWithin24Hours: SlaFigure;
    callbackWithin24Hours: SlaFigure;
    /** Resolved cases whose callback is due or done, and how many of them were called back (target 100 %). */
    callbackRate: { due: number; calledBack: number; rate: number | null; notCalledBack: CaseRef[] };
  };
}

/** The limits of domain section 3. */
export const DISPATCH_MINUTES = 10;
export const FIRST_CONTACT_MINUTES = 24 * 60;
export const CALLBACK_MINUTES = 24 * 60;

/** The customer-complaint events the figures read (procedures.md `customer-complaint`). */
export const COMPLAINT_EVENTS = ['DISPATCH', 'RESOLVE', 'ESCALATE_MAJOR', 'CALLBACK_SATISFIED', 'CALLBACK_DISSATISFIED'] as const;
const DISPATCH = new Set(['DISPATCH']);
const RESOLVE = new Set(['RESOLVE']);
const FIRST_CONTACT = new Set(['RESOLVE', 'ESCALATE_MAJOR']);
const CALLBACK = new Set(['CALLBACK_SATISFIED', 'CALLBACK_DISSATISFIED']);

const UNRECORDED = 'unrecorded';

function firstAt(c: ComplaintCase, events: Set<string>, after = c.receivedAt): Date | null {
  return c.events.find((e) => events.has(e.event) && e.at >= after)?.at ?? null;
}

function tally(values: (string | null)[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const v of [...values].sort()) counts[v ?? UNRECORDED] = (counts[v ?? UNRECORDED] ?? 0) + 1;
  return counts;
}

/**
 * Dispatch is measured from receipt to the first DISPATCH; first contact
 * (首问负责制) from receipt to the handler's first answer (a resolution or the
 * escalation as a major case); the callback from the first resolution to the
 * first callback after it. Figures are as of `now`: a step not yet taken counts
 * late once its limit has passed, and pending before.
 */
export function complaintFigures(cases: ComplaintCase[], now: Date): ComplaintSection {
  const ref = (c: ComplaintCase): CaseRef => ({ instanceId: c.instanceId, title: c.title });
  const sample = (c: ComplaintCase, from: Date, done: Date | null): SlaSample => ({ ...ref(c), from, done });
  // a withdrawn case (a duplicate, one raised by mistake) is counted as cancelled and in nothing else
  const live = cases.filter((c) => c.status !== 'cancelled');
  const resolved = live.flatMap((c) => {
    const at = firstAt(c, RESOLVE);
    return at ? [sample(c, at, firstAt(c, CALLBACK, at))] : [];
  });
  const callbacks = slaFigure(resolved, CALLBACK_MINUTES, now);
  const due = callbacks.met + callbacks.late;
  const calledBack = resolved.filter((s) => s.done).length;
  return {
    instanceIds: cases.map((c) => c.instanceId),
    total: cases.length,
    open: cases.filter((c) => c.status === 'active').length,
    closed: cases.filter((c) => c.status === 'completed').length,
    cancelled: cases.filter((c) => c.status === 'cancelled').length,
    byChannel: tally(live.map((c) => c.channel)),
    byType: tally(live.map((c) => c.type)),
    major: live.filter((c) => c.events.some((e) => e.event === 'ESCALATE_MAJOR')).map(ref),
    sla: {
      dispatchWithin10Minutes: slaFigure(live.map((c) => sample(c, c.receivedAt, firstAt(c, DISPATCH))), DISPATCH_MINUTES, now),
      firstContactWithin24Hours: slaFigure(live.map((c) => sample(c, c.receivedAt, firstAt(c, FIRST_CONTACT))), FIRST_CONTACT_MINUTES, now),
      callbackWithin24Hours: callbacks,
      callbackRate: {
        due,
        calledBack,
        rate: percent(calledBack, due),
        notCalledBack: callbacks.lateCases.filter((l) => l.minutes === null).map(({ instanceId, title }) => ({ instanceId, title })),
      },
    },
  };
}

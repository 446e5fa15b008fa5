/** One case measured against one time limit: how long it took, or that it has not happened yet. */
export interface SlaSample {
  instanceId: string;
  title: string;
  /** When the clock started (receipt, resolution). */
  from: Date;
  /** When it was done, or null while it is not. */
  done: Date | null;
}

export interface SlaFigure {
  limitMinutes: number;
  /** Done within the limit. */
  met: number;
  /** Done after the limit, or not done and already past it. */
  late: number;
  /** Not done yet and still within the limit: not counted in the rate. */
  pending: number;
  /** met ÷ (met + late) × 100, one decimal; null when no case is decided. */
  rate: number | null;
  /** The late cases, with the minutes taken (null: still not done), so each one can be looked up. */
  lateCases: { instanceId: string; title: string; minutes: number | null }[];
}

/** A percentage with one decimal (as the return rate is given), or null without a denominator. */
export function percent(part: number, whole: number): number | null {
  return whole > 0 ? Math.round((part / whole) * 1000) / 10 : null;
}

/** Compliance with one time limit, as of `now` (a case not yet done counts late once its limit has passed). */
export function slaFigure(samples: SlaSample[], limitMinutes: number, now: Date): SlaFigure {
  const limit = limitMinutes * 60_000;
  const figure: SlaFigure = { limitMinutes, met: 0, late: 0, pending: 0, rate: null, lateCases: [] };
  for (const s of samples) {
    const taken = (s.done ?? now).getTime() - s.from.getTime();
    if (taken <= limit) {
      if (s.done) figure.met++;
      else figure.pending++;
    } else {
      figure.late++;
      figure.lateCases.push({ instanceId: s.instanceId, title: s.title, minutes: s.done ? Math.round(taken / 60_000) : null });
    }
  }
  return { ...figure, rate: percent(figure.met, figure.met + figure.late) };
}

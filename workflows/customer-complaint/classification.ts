import { isRecord } from '../shared/context';
import type { ProcedureEvent } from '../shared/types';

/**
 * How the quality department classifies what it investigated; the composite's 50-point
 * deduction (domain.md section 4) counts only a quality accident with legal liability or
 * media exposure, so the investigation's conclusion must say which it was.
 */
export interface Classification {
  qualityAccident: boolean;
  legalLiability: boolean;
  mediaExposure: boolean;
}

const KEYS: (keyof Classification)[] = ['qualityAccident', 'legalLiability', 'mediaExposure'];

/** `data.classification` with each of the three answered yes or no, or null. */
export function classificationOf(event: ProcedureEvent): Classification | null {
  const c = event.data?.classification;
  if (!isRecord(c) || !KEYS.every((k) => typeof c[k] === 'boolean')) return null;
  return { qualityAccident: c.qualityAccident === true, legalLiability: c.legalLiability === true, mediaExposure: c.mediaExposure === true };
}

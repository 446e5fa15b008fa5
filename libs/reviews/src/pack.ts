import { createHash } from 'node:crypto';
import { canonicalJson } from '@satisflow/audit';
import { PACK_SECTIONS } from '@satisflow/workflows/management-review/machine';
import type { ActionSection } from './action-figures';
import type { ComplaintSection } from './complaint-figures';
import type { ReviewPeriod } from './review-period';
import type { SurveySection } from './survey-figures';

/** A composite figure recorded for the period (POST /composites), as it was computed then. */
export interface CompositeFigure {
  compositeId: string;
  title: string;
  period: string | null;
  weightedScore: number | null;
  final: number | null;
  grade: { key: string; label: { zh: string; en: string } } | null;
  createdAt: string;
}

/** The management-review input of domain.md section 6, every figure naming the records it came from. */
export interface ReviewPack {
  period: ReviewPeriod;
  surveys: SurveySection;
  complaints: ComplaintSection;
  correctiveActions: ActionSection;
  /** Every composite recorded for the period, oldest first; an empty list says none was. */
  composite: { figures: CompositeFigure[] };
}

export type CompiledPack = ReviewPack & { hash: string; compiledAt: string };

/**
 * SHA-256 of a pack's sections in canonical JSON: equal figures, equal hash, whatever the
 * key order, and whatever else the object carries (its own hash, when it was compiled).
 */
export function packHash(pack: Partial<Record<(typeof PACK_SECTIONS)[number], unknown>>): string {
  const sections = Object.fromEntries(PACK_SECTIONS.map((k) => [k, pack[k]]));
  return createHash('sha256').update(canonicalJson(sections)).digest('hex');
}

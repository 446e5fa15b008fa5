/**
 * The composite's complaint deductions (domain.md section 4) from the complaint cases'
 * stored context: 50 points for "every quality accident with legal liability or media
 * exposure", which the quality department decides when it concludes a special
 * investigation (`investigations[].classification`); every other case is a general complaint.
 * An escalation alone decides nothing: an investigation may find no accident at all.
 */
interface StoredInvestigation {
  concludedAt?: string | null;
  classification?: { qualityAccident?: boolean; legalLiability?: boolean; mediaExposure?: boolean } | null;
}

export function isMajorIncident(context: { investigations?: StoredInvestigation[] }): boolean {
  return (context.investigations ?? []).some(
    (inv) => !!inv.concludedAt && inv.classification?.qualityAccident === true && (inv.classification.legalLiability === true || inv.classification.mediaExposure === true),
  );
}

/** `cases` counts every case of the period; `concluded` are the contexts of those with a concluded investigation. */
export function complaintCounts(cases: number, concluded: { investigations?: StoredInvestigation[] }[]): { general: number; major: number } {
  const major = concluded.filter(isMajorIncident).length;
  return { general: cases - major, major };
}

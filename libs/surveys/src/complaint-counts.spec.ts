import { complaintCounts, isMajorIncident } from './complaint-counts';

const concluded = (classification: Record<string, boolean> | null) => ({ investigations: [{ concludedAt: '2026-03-01T00:00:00Z', classification }] });

describe('complaint deductions (domain.md section 4)', () => {
  it('counts a concluded quality accident with legal liability or media exposure as major', () => {
    expect(isMajorIncident(concluded({ qualityAccident: true, legalLiability: true, mediaExposure: false }))).toBe(true);
    expect(isMajorIncident(concluded({ qualityAccident: true, legalLiability: false, mediaExposure: true }))).toBe(true);
  });

  it('does not count an escalation as major by itself', () => {
    expect(isMajorIncident(concluded({ qualityAccident: true, legalLiability: false, mediaExposure: false }))).toBe(false);
    expect(isMajorIncident(concluded({ qualityAccident: false, legalLiability: true, mediaExposure: true }))).toBe(false);
    expect(isMajorIncident({ investigations: [{ concludedAt: null, classification: null }] })).toBe(false);
    // recorded before classifications existed
    expect(isMajorIncident(concluded(null))).toBe(false);
    expect(isMajorIncident({})).toBe(false);
  });

  it('counts each case once: major, or general', () => {
    const accident = concluded({ qualityAccident: true, legalLiability: true, mediaExposure: true });
    expect(complaintCounts(12, [accident, { investigations: [...accident.investigations, ...accident.investigations] }, concluded(null)])).toEqual({ general: 10, major: 2 });
  });
});

import fc from 'fast-check';
import { compositeScore } from './composite';
import { scoringErrorOf } from './__tests__/support';

describe('compositeScore', () => {
  const sources = [
    { key: 'questionnaire', title: '问卷调查', weight: 60, score: 90 },
    { key: 'visit', title: '走访调查', weight: 20, score: 80 },
    { key: 'key-account', title: '质量部大客户调查', weight: 20, score: 85 },
  ];

  it('weights 60/20/20 across the three sources (domain.md)', () => {
    const r = compositeScore({ sources });
    // 0.6 × 90 + 0.2 × 80 + 0.2 × 85 = 87
    expect(r.weightedScore).toBe(87);
    expect(r.final).toBe(87);
    expect(r.grade).toEqual({ key: 'satisfied', label: { zh: '满意', en: 'Satisfied' } });
    expect(r.deductions).toEqual({ generalComplaints: 0, majorIncidents: 0, points: 0 });
    expect(r.sources.map((s) => [s.key, s.share, s.appliedShare, s.missing])).toEqual([
      ['questionnaire', 0.6, 0.6, false],
      ['visit', 0.2, 0.2, false],
      ['key-account', 0.2, 0.2, false],
    ]);
    expect(r.sources[0].title).toBe('问卷调查');
    expect(r.missingSources).toEqual([]);
  });

  it('60/20/20 and 0.6/0.2/0.2 give the same result', () => {
    const fractions = sources.map((s) => ({ ...s, weight: s.weight / 100 }));
    const a = compositeScore({ sources });
    const b = compositeScore({ sources: fractions });
    expect(b.weightedScore).toBe(a.weightedScore);
    expect(b.sources.map((s) => s.share)).toEqual(a.sources.map((s) => s.share));
  });

  it('deducts floor(complaints / 10) × 0.2 after weighting', () => {
    expect(compositeScore({ sources, generalComplaints: 9 }).deductions.points).toBe(0);
    const r = compositeScore({ sources, generalComplaints: 25 });
    expect(r.deductions).toEqual({ generalComplaints: 25, majorIncidents: 0, points: 0.4 });
    expect(r.weightedScore).toBe(87);
    expect(r.final).toBe(86.6);
    // 30 complaints: 3 × 0.2 = 0.6 exactly, not 0.6000000000000001
    expect(compositeScore({ sources, generalComplaints: 30 }).deductions.points).toBe(0.6);
  });

  it('deducts 50 per major incident (legal liability / media exposure) and never goes below 0', () => {
    const one = compositeScore({ sources, majorIncidents: 1, generalComplaints: 10 });
    expect(one.deductions.points).toBe(50.2);
    expect(one.final).toBe(36.8);
    expect(one.grade?.key).toBe('dissatisfied');
    const two = compositeScore({ sources, majorIncidents: 2 });
    expect(two.final).toBe(0);
    expect(two.grade?.key).toBe('very-dissatisfied');
  });

  it('a source without a score is reported missing and the others are renormalised', () => {
    const r = compositeScore({
      sources: [
        { key: 'questionnaire', weight: 60, score: 90 },
        { key: 'visit', weight: 20, score: null },
        { key: 'key-account', weight: 20, score: 80 },
      ],
    });
    // (0.6 × 90 + 0.2 × 80) / 0.8 = 87.5
    expect(r.weightedScore).toBe(87.5);
    expect(r.missingSources).toEqual(['visit']);
    expect(r.sources.map((s) => [s.key, s.share, s.appliedShare, s.score, s.missing])).toEqual([
      ['questionnaire', 0.6, 0.75, 90, false],
      ['visit', 0.2, 0, null, true],
      ['key-account', 0.2, 0.25, 80, false],
    ]);
  });

  it('no source with a score → no weighted score, final or grade, but everything reported', () => {
    const r = compositeScore({ sources: [{ key: 'a', weight: 1 }, { key: 'b', weight: 1, score: null }], generalComplaints: 12 });
    expect(r).toMatchObject({ weightedScore: null, final: null, grade: null, missingSources: ['a', 'b'] });
    expect(r.deductions.points).toBe(0.2);
  });

  it('grades the reported (rounded) final figure, e.g. 99.96 → 100.0 → very satisfied', () => {
    const r = compositeScore({ sources: [{ key: 'a', weight: 1, score: 99.96 }] });
    expect(r.final).toBe(100);
    expect(r.grade?.key).toBe('very-satisfied');
  });

  it('uses configured bands', () => {
    const bands = [
      { key: 'fail', label: { zh: '不合格', en: 'Fail' }, min: 0 },
      { key: 'pass', label: { zh: '合格', en: 'Pass' }, min: 85 },
    ];
    expect(compositeScore({ sources, bands }).grade?.key).toBe('pass');
    expect(scoringErrorOf(() => compositeScore({ sources: [{ key: 'a', weight: 1 }], bands: [] })).code).toBe('INVALID_BANDS');
  });

  it('rejects weights summing to 0, no sources, scores outside 0..100 and bad counts', () => {
    expect(scoringErrorOf(() => compositeScore({ sources: [{ key: 'a', weight: 0, score: 50 }] })).code).toBe('INVALID_WEIGHTS');
    expect(scoringErrorOf(() => compositeScore({ sources: [] })).message).toContain('at least one source');
    expect(scoringErrorOf(() => compositeScore({ sources: [{ key: 'a', weight: 1, score: 101 }] })).message).toContain('"a"');
    expect(scoringErrorOf(() => compositeScore({ sources, generalComplaints: -1 })).message).toContain('generalComplaints');
    expect(scoringErrorOf(() => compositeScore({ sources, majorIncidents: 0.5 })).message).toContain('majorIncidents');
  });

  it('final is within 0..100 and never above the weighted score (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ weight: fc.integer({ min: 1, max: 100 }), score: fc.option(fc.integer({ min: 0, max: 1000 }).map((x) => x / 10), { nil: null }) }), { minLength: 1, maxLength: 6 }),
        fc.integer({ min: 0, max: 200 }),
        fc.integer({ min: 0, max: 3 }),
        (parts, generalComplaints, majorIncidents) => {
          const r = compositeScore({ sources: parts.map((p, i) => ({ key: `s${i}`, ...p })), generalComplaints, majorIncidents });
          expect(r.missingSources.length).toBe(parts.filter((p) => p.score === null).length);
          if (r.final === null) return expect(r.weightedScore).toBeNull();
          expect(r.final).toBeGreaterThanOrEqual(0);
          expect(r.final).toBeLessThanOrEqual(r.weightedScore as number);
          expect(r.weightedScore as number).toBeLessThanOrEqual(100);
        },
      ),
    );
  });
});

import { managementReview as def } from './machine';
import { metaProblems, Walk } from '../shared/testing';

function pack() {
  return {
    period: { label: '2026', from: '2026-01-01', to: '2026-12-31' },
    surveys: { reports: [{ reportId: 'r-1', overallIndex: 84.2 }], trend: { points: [], change: null } },
    complaints: { total: 31, sla: { dispatchWithin10Minutes: { rate: 96.8 } } },
    correctiveActions: { open: 2, closedEffective: 9, actions: [] },
    composite: { figures: [{ compositeId: 'c-1', final: 82.5 }] },
  };
}

/** The engine's fact at SUBMIT: the server's compilation hashes as the submitted sections do. */
const compiled = (hash = 'h1', submittedHash = hash) => ({ pack: { period: '2026', hash, submittedHash } });

describe('management-review', () => {
  it('has complete meta on every state', () => {
    expect(metaProblems(def)).toEqual([]);
  });

  it('freezes the pack at SUBMIT with the server hash, and the sign-off names the revision and hash it signs', () => {
    const submitted = { ...pack(), note: 'dropped: not a section' };
    const w = new Walk(def, {}, '2026 管理评审').send('SUBMIT', { by: 'qa.liu', data: { pack: submitted }, facts: compiled() });
    submitted.surveys.reports.push({ reportId: 'r-2', overallIndex: 12 });
    expect(w.state).toBe('review');
    expect(w.context.pack).toEqual(pack());
    expect(w.context).toMatchObject({ period: '2026', packHash: 'h1', packRevision: 1, submitted: { by: 'qa.liu' } });
    w.send('APPROVE', { by: 'gm', facts: { pack: { revision: 1, hash: 'h1' } } });
    expect(w.state).toBe('archived');
    expect(w.done).toBe(true);
    expect(w.context.signedOff).toMatchObject({ by: 'gm', packRevision: 1, packHash: 'h1' });
    expect(w.context.pack).toEqual(pack());
  });

  it('refuses a SUBMIT whose pack misses a section or differs from the server compilation', () => {
    const w = new Walk(def);
    expect(w.try('SUBMIT')).toBe(false);
    expect(w.try('SUBMIT', { data: { pack: { note: 'all good' } }, facts: compiled() })).toBe(false);
    expect(w.try('SUBMIT', { data: { pack: { ...pack(), composite: 82.5 } }, facts: compiled() })).toBe(false);
    // no compilation: the period names no year or range
    expect(w.try('SUBMIT', { data: { pack: pack() } })).toBe(false);
    // edited or stale figures
    expect(w.try('SUBMIT', { data: { pack: pack() }, facts: compiled('h1', 'h2') })).toBe(false);
    expect(w.state).toBe('compiling');
  });

  it('names the missing sections, from the same check the guard runs', () => {
    const check = def.fieldChecks!.packComplete;
    const event = (data: Record<string, unknown>, facts?: Record<string, unknown>) => ({ event: { type: 'SUBMIT', at: '', data, ...(facts ? { facts } : {}) }, context: {} });
    expect(check(event({ pack: { note: 'all good' } }))).toEqual([
      'data.pack.period',
      'data.pack.surveys',
      'data.pack.complaints',
      'data.pack.correctiveActions',
      'data.pack.composite',
    ]);
    expect(check(event({ pack: pack() }))).toEqual(['data.pack.period']);
    expect(check(event({ pack: pack() }, compiled('h1', 'h2')))).toEqual(['data.pack']);
    expect(check(event({ pack: pack() }, compiled()))).toEqual([]);
  });

  it('refuses to sign a frozen pack that no longer hashes as it did at SUBMIT', () => {
    const w = new Walk(def).send('SUBMIT', { data: { pack: pack() }, facts: compiled() });
    expect(w.try('APPROVE', { by: 'gm', facts: { pack: { revision: 1, hash: 'altered' } } })).toBe(false);
    expect(w.try('APPROVE', { by: 'gm' })).toBe(false);
    expect(w.state).toBe('review');
  });

  it('records the review decisions with the sign-off and opens a corrective action for each one marked', () => {
    const w = new Walk(def, {}, '2026 管理评审').send('SUBMIT', { data: { pack: pack() }, facts: compiled() });
    const decisions = [
      { decision: '增加售后服务网点 / more service points', correctiveAction: true },
      { decision: '维持现有调查方法 / keep the survey method' },
      { decision: '安装质量培训 / installation training', correctiveAction: true },
    ];
    w.send('APPROVE', { by: 'gm', data: { decisions }, facts: { pack: { revision: 1, hash: 'h1' } } });
    expect(w.state).toBe('archived');
    expect(w.context.decisions).toEqual([
      { number: 1, decision: decisions[0].decision, correctiveAction: true },
      { number: 2, decision: decisions[1].decision, correctiveAction: false },
      { number: 3, decision: decisions[2].decision, correctiveAction: true },
    ]);
    expect(w.effects).toEqual([
      expect.objectContaining({ type: 'effect.startChild', procedure: 'corrective-action', key: 'corrective-action-decision-1', data: { source: { procedure: 'management-review', title: '2026 管理评审', period: '2026', decision: 1, text: decisions[0].decision } } }),
      expect.objectContaining({ type: 'effect.startChild', procedure: 'corrective-action', key: 'corrective-action-decision-3' }),
      // the input's owner is told it is archived, and with how many actions
      expect.objectContaining({ type: 'effect.notify', role: 'management_rep', key: 'archived', message: expect.objectContaining({ zh: expect.stringContaining('评审决定 3 项，其中 2 项已发起纠正措施') }) }),
    ]);
  });

  it('signs off without decisions, and names each malformed one', () => {
    const check = def.fieldChecks!.signOffComplete;
    const context = { packHash: 'h1' };
    const event = (data: Record<string, unknown>, hash = 'h1') => ({ event: { type: 'APPROVE', at: '', data, facts: { pack: { revision: 1, hash } } }, context });
    expect(check(event({}))).toEqual([]);
    expect(check(event({ decisions: [] }))).toEqual([]);
    expect(check(event({ decisions: 'more service points' }))).toEqual([expect.objectContaining({ field: 'data.decisions' })]);
    expect(check(event({ decisions: [{ decision: 'ok' }, { decision: ' ' }, 'x', { decision: 'y', correctiveAction: 'yes' }] }))).toEqual([
      'data.decisions[1].decision',
      expect.objectContaining({ field: 'data.decisions[2]' }),
      expect.objectContaining({ field: 'data.decisions[3].correctiveAction' }),
    ]);
    expect(check(event({ decisions: Array.from({ length: 31 }, () => ({ decision: 'd' })) }))).toEqual([expect.objectContaining({ field: 'data.decisions' })]);
    // the changed pack is a condition, not a field
    expect(check(event({}, 'altered'))).toEqual([{ reason: expect.objectContaining({ en: expect.stringContaining('changed after it was submitted') }) }]);
    const w = new Walk(def).send('SUBMIT', { data: { pack: pack() }, facts: compiled() });
    expect(w.try('APPROVE', { by: 'gm', data: { decisions: [{ decision: '' }] }, facts: { pack: { revision: 1, hash: 'h1' } } })).toBe(false);
    expect(w.state).toBe('review');
  });

  it('sends a rejected pack back to compiling with the reason, and freezes the new one', () => {
    const w = new Walk(def).send('SUBMIT', { data: { pack: pack() }, facts: compiled() });
    w.send('REJECT', { by: 'gm', comment: 'add the complaint trend' });
    expect(w.state).toBe('compiling');
    expect(w.context.lastRejection).toMatchObject({ state: 'review', comment: 'add the complaint trend', by: 'gm' });
    const second = { ...pack(), period: { label: '2026-01-01/2026-06-30', from: '2026-01-01', to: '2026-06-30' } };
    w.send('SUBMIT', { data: { pack: second }, facts: compiled('h2') });
    expect(w.context).toMatchObject({ packRevision: 2, packHash: 'h2', period: '2026-01-01/2026-06-30', pack: second });
  });
});

import { managementReview as def } from './machine';
import { metaProblems, Walk } from '../shared/testing';

function pack() {
  return {
    period: '2026',
    surveys: [{ instanceId: 's-1', overall: 84.2 }],
    complaints: { total: 31, dispatchedWithin10Minutes: 0.97 },
    correctiveActions: { open: 2, closed: 9 },
    composite: 82.5,
  };
}

describe('management-review', () => {
  it('has complete meta on every state', () => {
    expect(metaProblems(def)).toEqual([]);
  });

  it('freezes the pack at SUBMIT and archives it when the general manager signs', () => {
    const submitted = pack();
    const w = new Walk(def, {}, '2026 管理评审').send('SUBMIT', { by: 'qa.liu', data: { pack: submitted } });
    submitted.surveys.push({ instanceId: 's-2', overall: 12 });
    submitted.composite = 0;
    expect(w.state).toBe('review');
    expect(w.context.pack).toEqual(pack());
    expect(w.context).toMatchObject({ period: '2026', packRevision: 1, submitted: { by: 'qa.liu' } });
    w.send('APPROVE', { by: 'gm' });
    expect(w.state).toBe('archived');
    expect(w.done).toBe(true);
    expect(w.context.signedOff).toMatchObject({ by: 'gm' });
    expect(w.context.pack).toEqual(pack());
  });

  it('refuses a SUBMIT without a pack', () => {
    const w = new Walk(def);
    expect(w.try('SUBMIT')).toBe(false);
    expect(w.try('SUBMIT', { data: { pack: {} } })).toBe(false);
    expect(w.try('SUBMIT', { data: { pack: ['not', 'an', 'object'] } })).toBe(false);
  });

  it('sends a rejected pack back to compiling with the reason, and freezes the new one', () => {
    const w = new Walk(def, { period: '2026' }).send('SUBMIT', { data: { pack: { ...pack(), period: undefined } } });
    expect(w.context.period).toBe('2026');
    w.send('REJECT', { by: 'gm', comment: 'add the complaint trend' });
    expect(w.state).toBe('compiling');
    expect(w.context.lastRejection).toMatchObject({ state: 'review', comment: 'add the complaint trend', by: 'gm' });
    w.send('SUBMIT', { data: { pack: { ...pack(), complaintTrend: [40, 31] } } });
    expect(w.context).toMatchObject({ packRevision: 2, pack: { complaintTrend: [40, 31] } });
  });
});

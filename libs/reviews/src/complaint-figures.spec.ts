import { complaintFigures, type ComplaintCase } from './complaint-figures';
import { slaFigure } from './sla';

const T0 = Date.parse('2026-05-04T01:00:00Z');
const at = (minutes: number) => new Date(T0 + minutes * 60_000);
const HOUR = 60;

function complaint(id: string, events: [string, number][], more: Partial<ComplaintCase> = {}): ComplaintCase {
  return { instanceId: id, title: `case ${id}`, status: 'active', receivedAt: at(0), channel: 'phone', type: null, events: events.map(([event, m]) => ({ event, at: at(m) })), ...more };
}

describe('SLA compliance', () => {
  it('counts met, late and pending against one limit, as of now', () => {
    const samples = [
      { instanceId: 'a', title: 'a', from: at(0), done: at(10) }, // exactly at the limit: met
      { instanceId: 'b', title: 'b', from: at(0), done: at(11) }, // late by a minute
      { instanceId: 'c', title: 'c', from: at(0), done: null }, // 30 minutes without: late, not done
      { instanceId: 'd', title: 'd', from: at(25), done: null }, // 5 minutes old: pending
    ];
    expect(slaFigure(samples, 10, at(30))).toEqual({
      limitMinutes: 10,
      met: 1,
      late: 2,
      pending: 1,
      rate: 33.3, // 1 of 3 decided
      lateCases: [
        { instanceId: 'b', title: 'b', minutes: 11 },
        { instanceId: 'c', title: 'c', minutes: null },
      ],
    });
    expect(slaFigure([], 10, at(0)).rate).toBeNull();
  });
});

describe('complaint figures', () => {
  // now: three days after receipt
  const now = at(72 * HOUR);
  const cases = [
    // dispatched in 4 min, resolved after 5 h, called back 2 h later, closed
    complaint('1', [['DISPATCH', 4], ['RESOLVE', 5 * HOUR], ['CALLBACK_SATISFIED', 7 * HOUR]], { status: 'completed', channel: 'web', type: 'repair' }),
    // dispatched late (25 min), escalated as major within 24 h, resolved on day 2, never called back
    complaint('2', [['DISPATCH', 25], ['ESCALATE_MAJOR', 3 * HOUR], ['RESOLVE', 30 * HOUR]], { type: 'quality' }),
    // dispatched in 9 min, first answer after 30 h (late), callback 30 h after resolution (late), then dissatisfied and reopened
    complaint('3', [['DISPATCH', 9], ['RESOLVE', 30 * HOUR], ['CALLBACK_DISSATISFIED', 60 * HOUR], ['RESOLVE', 61 * HOUR]], { type: 'repair' }),
    // received an hour before now, not yet dispatched: late, since 10 minutes have passed; first contact pending
    complaint('4', [], { receivedAt: at(71 * HOUR), channel: null }),
  ];

  it('counts cases by status, channel and type, and lists the major ones', () => {
    const f = complaintFigures(cases, now);
    expect(f).toMatchObject({
      instanceIds: ['1', '2', '3', '4'],
      total: 4,
      open: 3,
      closed: 1,
      cancelled: 0,
      byChannel: { phone: 2, web: 1, unrecorded: 1 },
      byType: { quality: 1, repair: 2, unrecorded: 1 },
      major: [{ instanceId: '2', title: 'case 2' }],
    });
  });

  it('measures dispatch, first contact and callback against 10 minutes, 24 hours and 24 hours', () => {
    const { sla } = complaintFigures(cases, now);
    expect(sla.dispatchWithin10Minutes).toMatchObject({
      met: 2,
      late: 2,
      pending: 0,
      rate: 50,
      lateCases: [
        { instanceId: '2', minutes: 25 },
        { instanceId: '4', minutes: null },
      ],
    });
    // case 2's first answer is its escalation (3 h); case 3's its resolution after 30 h
    expect(sla.firstContactWithin24Hours).toMatchObject({ met: 2, late: 1, pending: 1, rate: 66.7, lateCases: [{ instanceId: '3', minutes: 30 * HOUR }] });
    // from the first resolution: case 1 called back after 2 h, case 3 after 30 h, case 2 not at all (42 h since)
    expect(sla.callbackWithin24Hours).toMatchObject({ met: 1, late: 2, pending: 0, rate: 33.3 });
    expect(sla.callbackRate).toEqual({ due: 3, calledBack: 2, rate: 66.7, notCalledBack: [{ instanceId: '2', title: 'case 2' }] });
  });

  it('keeps a callback still within its 24 hours out of the rate', () => {
    const { sla } = complaintFigures([complaint('5', [['DISPATCH', 1], ['RESOLVE', 2 * HOUR]])], at(3 * HOUR));
    expect(sla.callbackWithin24Hours).toMatchObject({ met: 0, late: 0, pending: 1, rate: null });
    expect(sla.callbackRate).toMatchObject({ due: 0, calledBack: 0, rate: null });
  });

  it('counts a cancelled case as cancelled and in nothing else: no channel, type, major case or SLA sample', () => {
    const withdrawn = complaint('5', [['ESCALATE_MAJOR', 60]], { status: 'cancelled', channel: 'web', type: 'quality' });
    const f = complaintFigures([...cases, withdrawn], now);
    const without = complaintFigures(cases, now);
    expect(f).toMatchObject({ total: 5, cancelled: 1, open: 3, closed: 1 });
    expect({ byChannel: f.byChannel, byType: f.byType, major: f.major, sla: f.sla }).toEqual({
      byChannel: without.byChannel,
      byType: without.byType,
      major: without.major,
      sla: without.sla,
    });
  });
});

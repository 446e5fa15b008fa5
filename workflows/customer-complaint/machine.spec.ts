import { customerComplaint as def } from './machine';
import { metaProblems, Walk } from '../shared/testing';

const INTAKE = { customer: '华东制药', channel: 'phone', description: 'Pump seal leaks again' };

function dispatched(data: Record<string, unknown> = INTAKE): Walk {
  return new Walk(def, data, 'Pump seal leak').send('DISPATCH', { by: 'desk', data: { handler: 'chen.service' } });
}

describe('customer-complaint', () => {
  it('has complete meta on every state', () => {
    expect(metaProblems(def)).toEqual([]);
  });

  it('assigns the handling task to the named handler', () => {
    const handling = def.machine.getStateNodeById('customer-complaint.handling');
    expect(handling.meta).toMatchObject({ role: 'complaint_handler', assignee: 'handler' });
  });

  it('walks intake, dispatch, resolution and a satisfied callback to closed', () => {
    const w = new Walk(def, INTAKE, 'Pump seal leak');
    expect(w.state).toBe('received');
    expect(w.context.intake).toEqual(INTAKE);
    expect(w.try('DISPATCH', { data: {} })).toBe(false);
    w.send('DISPATCH', { by: 'desk', data: { handler: 'chen.service' } });
    expect(w.state).toBe('handling');
    expect(w.context).toMatchObject({ handler: 'chen.service', dispatchedAt: expect.any(String), majorWorks: false });
    expect(w.try('RESOLVE')).toBe(false);
    w.send('RESOLVE', { by: 'chen.service', data: { resolution: 'Seal replaced on site' } });
    expect(w.state).toBe('callback');
    expect(w.context.resolution).toEqual({ text: 'Seal replaced on site', by: 'chen.service', at: expect.any(String) });
    w.send('CALLBACK_SATISFIED', { by: 'desk', data: { score: 5 } });
    expect(w.state).toBe('closed');
    expect(w.done).toBe(true);
    expect(w.context.callbacks).toEqual([{ round: 1, satisfied: true, comment: null, data: { score: 5 }, by: 'desk', at: expect.any(String) }]);
  });

  it('takes the resolution from the comment when no data is sent', () => {
    const w = dispatched().send('RESOLVE', { comment: 'Refunded' });
    expect(w.context.resolution.text).toBe('Refunded');
  });

  it('keeps the routing source of a case opened by a survey finding', () => {
    const source = { procedure: 'annual-satisfaction-survey', instanceFinding: 2, title: 'Motor noise' };
    const w = new Walk(def, { source }, 'Motor noise');
    expect(w.context.source).toEqual(source);
  });

  it('reopens the case on a dissatisfied callback, showing the reason to the handler', () => {
    const w = dispatched().send('RESOLVE', { data: { resolution: 'Seal replaced' } });
    w.send('CALLBACK_DISSATISFIED', { by: 'desk', comment: 'still leaking', data: { score: 2 } });
    expect(w.state).toBe('handling');
    expect(w.context.reopened).toBe(1);
    expect(w.context.lastRejection).toMatchObject({ state: 'callback', comment: 'still leaking', by: 'desk' });
    expect(w.context.callbacks).toEqual([expect.objectContaining({ round: 1, satisfied: false, comment: 'still leaking', data: { score: 2 } })]);
    w.send('RESOLVE', { data: { resolution: 'Pump exchanged' } }).send('CALLBACK_SATISFIED');
    expect(w.state).toBe('closed');
    expect(w.context.resolution.text).toBe('Pump exchanged');
  });

  describe('major works', () => {
    it('gets a second callback after closing, which can reopen the case too', () => {
      const w = dispatched({ ...INTAKE, majorWorks: true }).send('RESOLVE', { data: { resolution: 'Roof redone' } });
      w.send('CALLBACK_SATISFIED');
      expect(w.state).toBe('secondCallback');
      w.send('CALLBACK_DISSATISFIED', { comment: 'leaks after the rain' });
      expect(w.state).toBe('handling');
      expect(w.context.lastRejection).toMatchObject({ state: 'secondCallback', comment: 'leaks after the rain' });
      w.send('RESOLVE', { data: { resolution: 'Flashing sealed' } }).send('CALLBACK_SATISFIED').send('CALLBACK_SATISFIED');
      expect(w.state).toBe('closed');
      expect(w.context.callbacks.map((c: { round: number; satisfied: boolean }) => [c.round, c.satisfied])).toEqual([
        [1, true],
        [2, false],
        [1, true],
        [2, true],
      ]);
    });

    it('can be flagged at dispatch or at resolution', () => {
      const atDispatch = new Walk(def).send('DISPATCH', { data: { handler: 'h', majorWorks: true } });
      expect(atDispatch.context.majorWorks).toBe(true);
      const atResolve = dispatched().send('RESOLVE', { data: { resolution: 'x', majorWorks: true } }).send('CALLBACK_SATISFIED');
      expect(atResolve.state).toBe('secondCallback');
    });
  });

  describe('special investigation', () => {
    it('goes to quality and back to handling, opening one corrective action per investigation that asks for it', () => {
      const w = dispatched();
      expect(w.try('ESCALATE_MAJOR')).toBe(true); // the engine requires the comment; the machine keeps it
      expect(w.state).toBe('investigation');
      expect(w.try('CONCLUDE', { data: {} })).toBe(false);
      w.send('CONCLUDE', { by: 'qa.liu', data: { conclusion: 'Batch 2026-07 seals out of spec', openCorrectiveAction: true } });
      expect(w.state).toBe('handling');
      expect(w.effects).toEqual([
        {
          type: 'effect.startChild',
          procedure: 'corrective-action',
          title: '纠正措施：Pump seal leak',
          key: 'corrective-action-1',
          data: {
            source: { procedure: 'customer-complaint', title: 'Pump seal leak', investigation: 1, conclusion: 'Batch 2026-07 seals out of spec' },
            owner: 'chen.service',
          },
        },
      ]);
      expect(w.context.investigations).toEqual([
        expect.objectContaining({ conclusion: 'Batch 2026-07 seals out of spec', concludedBy: 'qa.liu', correctiveAction: true }),
      ]);

      w.send('ESCALATE_MAJOR', { comment: 'media report' }).send('CONCLUDE', { comment: 'no new cause' });
      expect(w.effects).toEqual([]);
      expect(w.context.investigations).toHaveLength(2);
      expect(w.context.investigations[1]).toMatchObject({ reason: 'media report', conclusion: 'no new cause', correctiveAction: false });
    });
  });

  describe('escalation ladder handler → manager → director → customer-service centre', () => {
    it('climbs one rung per passed deadline in handling, staying in the step', () => {
      const w = dispatched();
      const roles = [1, 2, 3].map((level) => {
        expect(w.deadline(level)).toBe(true);
        return w.effects[0];
      });
      // the handler holds the overdue task; each passed deadline tells the next rung up
      expect(roles.map((e) => e.type === 'effect.notify' && e.role)).toEqual(['survey_manager', 'approver', 'process_owner']);
      expect(roles.map((e) => e.key)).toEqual(['escalation-1', 'escalation-2', 'escalation-3']);
      expect(w.state).toBe('handling');
      expect(w.context.escalations.map((e: { level: number }) => e.level)).toEqual([1, 2, 3]);
    });

    it('escalates an overdue dispatch and an overdue callback from the desk', () => {
      const w = new Walk(def);
      w.deadline(1);
      expect(w.effects[0]).toMatchObject({ role: 'survey_manager' });
      expect(w.state).toBe('received');
      w.send('DISPATCH', { data: { handler: 'h' } }).send('RESOLVE', { data: { resolution: 'x' } });
      w.deadline(2);
      expect(w.effects[0]).toMatchObject({ role: 'approver' });
      expect(w.context.escalations).toEqual([
        expect.objectContaining({ state: 'received', level: 1 }),
        expect.objectContaining({ state: 'callback', level: 2 }),
      ]);
    });
  });
});

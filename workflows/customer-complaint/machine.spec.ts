import { customerComplaint as def } from './machine';
import { metaProblems, Walk } from '../shared/testing';
import type { FieldRefusal } from '../shared/types';

const INTAKE = { customer: '华东制药', channel: 'phone', description: 'Pump seal leaks again' };
/** What the host's handler lookup answers for a named complaint handler in scope. */
const ELIGIBLE = { eligibleHandler: 'chen.service' };
const NOT_AN_ACCIDENT = { qualityAccident: false, legalLiability: false, mediaExposure: false };

function dispatched(data: Record<string, unknown> = INTAKE): Walk {
  return new Walk(def, data, 'Pump seal leak').send('DISPATCH', { by: 'desk', data: { handler: 'chen.service' }, facts: ELIGIBLE });
}

/** What the engine would name in the 422 (fields, and why when the check says), from the definition's own checks. */
function refused(w: Walk, guard: string, event: Parameters<Walk['try']>[1] & { type: string }): FieldRefusal[] {
  return def.fieldChecks![guard]({ context: w.context, event: { at: '2026-10-01T08:00:00Z', ...event } });
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
    w.send('DISPATCH', { by: 'desk', data: { handler: 'chen.service' }, facts: ELIGIBLE });
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

  describe('dispatch to an eligible handler, with a complete record', () => {
    it('refuses a handler the host did not find eligible (unknown, disabled, without the role or out of scope)', () => {
      const w = new Walk(def, INTAKE);
      for (const facts of [{}, { eligibleHandler: null }, { eligibleHandler: 'someone.else' }]) {
        expect(w.try('DISPATCH', { data: { handler: 'chen.service' }, facts })).toBe(false);
      }
      expect(refused(w, 'dispatchable', { type: 'DISPATCH', data: { handler: 'ghost' }, facts: { eligibleHandler: null } })).toEqual([
        { field: 'data.handler', reason: { zh: '须为本范围内在职的投诉责任人', en: 'must be an active complaint handler of this scope' } },
      ]);
      expect(refused(w, 'dispatchable', { type: 'DISPATCH', data: { handler: ' ' }, facts: { eligibleHandler: null } })).toEqual(['data.handler']);
      // the host's finding says why, with its own rule; an unknown finding falls back to the general reason
      expect(refused(w, 'dispatchable', { type: 'DISPATCH', data: { handler: 'gone' }, facts: { eligibleHandler: null, eligibleHandlerProblem: 'disabledUser' } })).toEqual([
        { field: 'data.handler', reason: { zh: '该用户已停用', en: 'this user is disabled' }, rule: 'disabledUser' },
      ]);
      expect(refused(w, 'dispatchable', { type: 'DISPATCH', data: { handler: 'x' }, facts: { eligibleHandler: null, eligibleHandlerProblem: 'toString' } })).toEqual([
        { field: 'data.handler', reason: { zh: '须为本范围内在职的投诉责任人', en: 'must be an active complaint handler of this scope' } },
      ]);
      expect(w.state).toBe('received');
    });

    it('needs the customer, channel and description, from the start or in DISPATCH', () => {
      const w = new Walk(def, { customer: '华东制药' });
      expect(w.try('DISPATCH', { data: { handler: 'chen.service' }, facts: ELIGIBLE })).toBe(false);
      expect(refused(w, 'dispatchable', { type: 'DISPATCH', data: { handler: 'chen.service', channel: ' ' }, facts: ELIGIBLE })).toEqual(['data.channel', 'data.description']);
      w.send('DISPATCH', { data: { handler: 'chen.service', channel: 'web', description: ' Seal leaks ', customer: '' }, facts: ELIGIBLE });
      expect(w.context.intake).toEqual({ customer: '华东制药', channel: 'web', description: 'Seal leaks' });
    });

    it('records whether it is a complaint or a repair request (optional), from the start or in DISPATCH', () => {
      expect(new Walk(def, { ...INTAKE, type: 'repair' }).send('DISPATCH', { data: { handler: 'chen.service' }, facts: ELIGIBLE }).context.intake.type).toBe('repair');
      const w = new Walk(def, { ...INTAKE, type: 'question' });
      expect(w.try('DISPATCH', { data: { handler: 'chen.service' }, facts: ELIGIBLE })).toBe(false);
      expect(refused(w, 'dispatchable', { type: 'DISPATCH', data: { handler: 'chen.service' }, facts: ELIGIBLE })).toEqual([
        { field: 'data.type', reason: expect.objectContaining({ en: 'must be complaint or repair (a repair request)' }) },
      ]);
      w.send('DISPATCH', { data: { handler: 'chen.service', type: 'complaint' }, facts: ELIGIBLE });
      expect(w.context.intake.type).toBe('complaint');
      expect(dispatched().context.intake.type).toBeUndefined();
    });

    it('takes a case routed from a survey finding as recorded by its source', () => {
      const source = { procedure: 'annual-satisfaction-survey', instanceFinding: 0, title: 'Seal reliability scored lowest', survey: '2026 survey' };
      const w = new Walk(def, { source }).send('DISPATCH', { data: { handler: 'chen.service' }, facts: ELIGIBLE });
      expect(w.state).toBe('handling');
    });
  });

  describe('hand-over (REASSIGN, 转办) to another handler', () => {
    it('names the new handler, keeps who handed over, when and why, and stays in handling', () => {
      const w = dispatched();
      w.send('REASSIGN', { by: 'chen.service', comment: 'on leave next week', data: { handler: 'li.service' }, facts: { eligibleHandler: 'li.service' } });
      expect(w.state).toBe('handling');
      expect(w.context.handler).toBe('li.service');
      expect(w.context.handovers).toEqual([{ from: 'chen.service', to: 'li.service', by: 'chen.service', at: expect.any(String), reason: 'on leave next week' }]);
      w.send('RESOLVE', { by: 'li.service', data: { resolution: 'Seal replaced' } });
      expect(w.state).toBe('callback');
    });

    it('refuses a handler the host did not find eligible, and the one who already has the case', () => {
      const w = dispatched();
      expect(w.try('REASSIGN', { comment: 'x', data: { handler: 'ghost' }, facts: { eligibleHandler: null, eligibleHandlerProblem: 'unknownUser' } })).toBe(false);
      expect(refused(w, 'handsOver', { type: 'REASSIGN', data: { handler: 'chen.service' }, facts: ELIGIBLE })).toEqual([
        { field: 'data.handler', reason: { zh: '案件已由此人负责，请指定另一名责任人', en: 'the case is already theirs: name another handler' }, rule: 'sameHandler' },
      ]);
      expect(w.try('REASSIGN', { comment: 'x', data: { handler: 'chen.service' }, facts: ELIGIBLE })).toBe(false);
      expect(w.context.handovers).toEqual([]);
    });
  });

  describe('callback scores (5-point scale; below 4 is low)', () => {
    it('refuses to record a low score as satisfied, naming data.score', () => {
      const w = dispatched().send('RESOLVE', { data: { resolution: 'Seal replaced' } });
      expect(w.try('CALLBACK_SATISFIED', { data: { score: 3 } })).toBe(false);
      expect(w.try('CALLBACK_SATISFIED', { data: { score: 'five' } })).toBe(false);
      expect(refused(w, 'satisfiedScore', { type: 'CALLBACK_SATISFIED', data: { score: 2 } })).toEqual([
        { field: 'data.score', reason: expect.objectContaining({ en: "a score below 4 is not satisfied: record CALLBACK_DISSATISFIED with the customer's reason" }) },
      ]);
      expect(w.state).toBe('callback');
      w.send('CALLBACK_SATISFIED', { data: { score: 4 } });
      expect(w.state).toBe('closed');
    });

    it('reopens on a low dissatisfied score and tells one rung higher up the ladder for each low score', () => {
      const w = dispatched().send('RESOLVE', { data: { resolution: 'Seal replaced' } });
      w.send('CALLBACK_DISSATISFIED', { comment: 'still leaking', data: { score: 2 } });
      expect(w.state).toBe('handling');
      expect(w.effects).toEqual([
        {
          type: 'effect.notify',
          role: 'survey_manager',
          message: { zh: expect.stringContaining('评分 2 分'), en: expect.stringContaining('scored the handling 2 of 5') },
          key: 'low-score-1',
        },
      ]);
      w.send('RESOLVE', { data: { resolution: 'Pump exchanged' } }).send('CALLBACK_DISSATISFIED', { comment: 'noisy', data: { score: 3 } });
      expect(w.effects).toEqual([expect.objectContaining({ role: 'approver', key: 'low-score-2' })]);
      // dissatisfied without a low score: reopened, nobody above is told
      w.send('RESOLVE', { data: { resolution: 'Checked again' } }).send('CALLBACK_DISSATISFIED', { comment: 'slow', data: { score: 4 } });
      expect(w.effects).toEqual([]);
      expect(w.context.reopened).toBe(3);
      expect(w.try('CALLBACK_DISSATISFIED', { comment: 'x', data: { score: 9 } })).toBe(false);
    });

    it('refuses a score off the scale as such, not as a low one', () => {
      const w = dispatched().send('RESOLVE', { data: { resolution: 'Seal replaced' } });
      const offScale = [{ field: 'data.score', reason: { zh: '须为 1–5 的整数', en: 'must be a whole number from 1 to 5' } }];
      for (const score of ['5', 4.5, 0, 9, null]) {
        expect([score, refused(w, 'satisfiedScore', { type: 'CALLBACK_SATISFIED', data: { score } })]).toEqual([score, offScale]);
        expect([score, refused(w, 'validScore', { type: 'CALLBACK_DISSATISFIED', comment: 'x', data: { score } })]).toEqual([score, offScale]);
      }
    });

    it('records a dissatisfied customer who scores 4 or 5 as they say (domain section 3 makes no good score satisfied)', () => {
      const w = dispatched().send('RESOLVE', { data: { resolution: 'Seal replaced' } });
      w.send('CALLBACK_DISSATISFIED', { comment: 'fixed, but it took three weeks', data: { score: 5 } });
      expect(w.state).toBe('handling');
      expect(w.effects).toEqual([]);
    });
  });

  describe('major works', () => {
    /** Walk's clock moves a minute per event: put the second callback's due date behind it. */
    function makeDue(w: Walk): void {
      w.snapshot = def.machine.resolveState({ value: w.snapshot.value, context: { ...w.context, secondCallbackDue: '2026-01-01T00:00:00.000Z' } });
    }

    it('gets a second callback 2 months after the first, not before, which can reopen the case too', () => {
      const w = dispatched({ ...INTAKE, majorWorks: true }).send('RESOLVE', { data: { resolution: 'Roof redone' } });
      w.send('CALLBACK_SATISFIED');
      expect(w.state).toBe('secondCallback');
      const first = Date.parse(w.context.callbacks[0].at);
      expect(w.context.secondCallbackDue).toBe(new Date(Date.UTC(2026, 11, 1, 8, 3)).toISOString());
      expect(Date.parse(w.context.secondCallbackDue) - first).toBe(61 * 86_400_000); // October and November
      expect(w.try('CALLBACK_SATISFIED')).toBe(false);
      expect(w.try('CALLBACK_DISSATISFIED', { comment: 'leaks after the rain' })).toBe(false);
      // refused for being early, naming when it may be made; a good score is no low-score problem
      const early = { reason: { zh: '二次回访须在首次回访 2 个月后进行，不早于 2026-12-01 08:03 UTC', en: 'the second callback is made 2 months after the first, not before 2026-12-01 08:03 UTC' } };
      expect(refused(w, 'dueSatisfiedScore', { type: 'CALLBACK_SATISFIED', data: { score: 5 } })).toEqual([early]);
      expect(refused(w, 'dueValidScore', { type: 'CALLBACK_DISSATISFIED', comment: 'x', data: { score: 4.5 } })).toEqual([early, expect.objectContaining({ field: 'data.score' })]);

      makeDue(w);
      w.send('CALLBACK_DISSATISFIED', { comment: 'leaks after the rain' });
      expect(w.state).toBe('handling');
      expect(w.context.lastRejection).toMatchObject({ state: 'secondCallback', comment: 'leaks after the rain' });
      w.send('RESOLVE', { data: { resolution: 'Flashing sealed' } }).send('CALLBACK_SATISFIED');
      expect(w.try('CALLBACK_SATISFIED')).toBe(false); // a new first callback: another 2 months
      makeDue(w);
      expect(w.try('CALLBACK_SATISFIED', { data: { score: 1 } })).toBe(false);
      w.send('CALLBACK_SATISFIED');
      expect(w.state).toBe('closed');
      expect(w.context.callbacks.map((c: { round: number; satisfied: boolean }) => [c.round, c.satisfied])).toEqual([
        [1, true],
        [2, false],
        [1, true],
        [2, true],
      ]);
    });

    it('can be flagged at dispatch or at resolution', () => {
      const atDispatch = new Walk(def, INTAKE).send('DISPATCH', { data: { handler: 'chen.service', majorWorks: true }, facts: ELIGIBLE });
      expect(atDispatch.context.majorWorks).toBe(true);
      const atResolve = dispatched().send('RESOLVE', { data: { resolution: 'x', majorWorks: true } }).send('CALLBACK_SATISFIED');
      expect(atResolve.state).toBe('secondCallback');
    });
  });

  describe('special investigation', () => {
    it('is kept apart from whoever handled and escalated the case, and the callback from whoever resolved it', () => {
      const meta = (state: string) => def.machine.getStateNodeById(`customer-complaint.${state}`).meta;
      expect(meta('investigation').separateFrom).toEqual(['handling']);
      expect(meta('callback').separateFrom).toEqual(['handling']);
      expect(meta('secondCallback').separateFrom).toEqual(['handling']);
    });

    it('needs the classification with the conclusion, and keeps it', () => {
      const w = dispatched().send('ESCALATE_MAJOR', { comment: 'fire' });
      expect(w.try('CONCLUDE', { data: { conclusion: 'design defect' } })).toBe(false);
      expect(w.try('CONCLUDE', { data: { conclusion: 'design defect', classification: { qualityAccident: true, legalLiability: 'yes', mediaExposure: false } } })).toBe(false);
      expect(refused(w, 'concludes', { type: 'CONCLUDE', data: { classification: {} } })).toEqual([
        'data.conclusion',
        { field: 'data.classification', reason: expect.objectContaining({ en: expect.stringContaining('whether it was a quality accident') }) },
      ]);
      const classification = { qualityAccident: true, legalLiability: false, mediaExposure: true };
      w.send('CONCLUDE', { data: { conclusion: 'design defect', classification } });
      expect(w.context.investigations[0].classification).toEqual(classification);
    });

    it('goes to quality and back to handling, opening one corrective action per investigation that asks for it', () => {
      const w = dispatched();
      expect(w.try('ESCALATE_MAJOR')).toBe(true); // the engine requires the comment; the machine keeps it
      expect(w.state).toBe('investigation');
      expect(w.try('CONCLUDE', { data: {} })).toBe(false);
      w.send('CONCLUDE', { by: 'qa.liu', data: { conclusion: 'Batch 2026-07 seals out of spec', openCorrectiveAction: true, classification: NOT_AN_ACCIDENT } });
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

      w.send('ESCALATE_MAJOR', { comment: 'media report' }).send('CONCLUDE', { comment: 'no new cause', data: { classification: NOT_AN_ACCIDENT } });
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
      w.send('DISPATCH', { data: { handler: 'chen.service', ...INTAKE }, facts: ELIGIBLE }).send('RESOLVE', { data: { resolution: 'x' } });
      w.deadline(2);
      expect(w.effects[0]).toMatchObject({ role: 'approver' });
      expect(w.context.escalations).toEqual([
        expect.objectContaining({ state: 'received', level: 1 }),
        expect.objectContaining({ state: 'callback', level: 2 }),
      ]);
    });
  });
});

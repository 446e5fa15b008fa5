import { OutboxBell } from '@satisflow/engine';
import { startTestApp, type TestApp } from '../support/test-app';
import { NOT_AN_ACCIDENT, steps, type Steps } from './procedures/steps';

/**
 * The worker performs a transition's side effects as soon as the transition has
 * committed (the outbox bell), not at its next poll; a transition without side
 * effects does not wake it.
 */
describe('the outbox bell', () => {
  let t: TestApp;
  let s: Steps;
  beforeAll(async () => {
    // a poll interval no test waits for: only the bell can make the worker run in time
    t = await startTestApp({ ROLE: 'all', WORKER_POLL_MS: '600000' });
    s = steps(t);
  });
  afterAll(() => t.close());

  it('wakes the worker for the outbox rows of a committed transition, and only then', async () => {
    const ring = jest.spyOn(t.app.get(OutboxBell), 'ring');
    const complaint = await s.openComplaint('bell: 设备起火 / unit caught fire');
    await s.dispatchComplaint(complaint.id);
    await s.act('complaint_handler', complaint.id, { type: 'ESCALATE_MAJOR', comment: 'safety' });
    expect(ring).not.toHaveBeenCalled();

    // the conclusion asks for a corrective action: a startChild row in the outbox
    await s.act('quality', complaint.id, { type: 'CONCLUDE', data: { conclusion: 'design defect', openCorrectiveAction: true, classification: NOT_AN_ACCIDENT } });
    expect(ring).toHaveBeenCalledTimes(1);
    const deadline = Date.now() + 10_000;
    let children = await s.children('quality', complaint.id);
    while (children.length === 0 && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      children = await s.children('quality', complaint.id);
    }
    expect(children).toEqual([expect.objectContaining({ procedure: 'corrective-action', parentId: complaint.id })]);
  });
});

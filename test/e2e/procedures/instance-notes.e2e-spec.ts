import { startProcedures } from './steps';

/**
 * Notes on an instance (POST /instances/:id/notes): a participant's remark in the
 * hash-chained trail, beside the steps; the state stays, the revision moves.
 */
describe('notes on an instance', () => {
  let ctx: Awaited<ReturnType<typeof startProcedures>>;
  beforeAll(async () => {
    ctx = await startProcedures();
  });
  afterAll(async () => ctx.t.close());

  const note = async (user: string, id: string, body: object) => ctx.t.http.post(`/api/v1/instances/${id}/notes`).set(await ctx.s.auth(user)).send(body);
  const unreachable = '客户电话未接通，明天上午再联系 / customer not reachable, calling again tomorrow';

  it("records a participant's note in the trail, in the role of the step they hold, and refuses others", async () => {
    const { s } = ctx;
    const complaint = await s.openComplaint('回访未接通 / callback not answered');
    const before = await s.get('complaint_desk', complaint.id);

    const added = await note('complaint_desk', complaint.id, { note: unreachable });
    expect(added.status).toBe(201);
    expect(added.body).toMatchObject({ id: complaint.id, state: before.state, revision: before.revision + 1 });
    expect((await s.history(complaint.id)).at(-1)).toMatchObject({
      event: 'NOTE',
      actor: { username: 'complaint_desk', role: 'complaint_desk' },
      fromState: before.state,
      toState: before.state,
      revision: before.revision + 1,
      comment: unreachable,
    });
    // quality is a participant too, though not of this step
    expect((await note('quality', complaint.id, { note: '已知悉 / noted' })).status).toBe(201);
    expect((await s.history(complaint.id)).at(-1)).toMatchObject({ event: 'NOTE', actor: { username: 'quality', role: 'quality' } });

    // not a participant of complaints; the auditor changes nothing; a note says something
    const outsider = await note('coordinator', complaint.id, { note: 'x' });
    expect(outsider.status).toBe(403);
    expect(outsider.body.message).toContain('roles');
    expect((await note('auditor', complaint.id, { note: 'x' })).status).toBe(403);
    const blank = await note('complaint_desk', complaint.id, { note: '   ' });
    expect(blank.status).toBe(400);
    expect(blank.body.details).toEqual([expect.objectContaining({ field: 'note' })]);
    expect((await note('complaint_desk', '00000000-0000-4000-8000-000000000000', { note: 'x' })).status).toBe(404);

    // an event sent against the revision before the note is stale; the chain still verifies
    const stale = await s.send('complaint_desk', complaint.id, { type: 'DISPATCH', expectedRevision: before.revision, data: { handler: 'complaint_handler' } });
    expect(stale.status).toBe(409);
    expect((await ctx.t.http.get('/api/v1/audit/verify').set(await s.auth('auditor')).expect(200)).body).toMatchObject({ ok: true });
  });
});

import { COMPLAINT, startProcedures } from './steps';

/** GET /instances?q=: instances whose title contains the words, in any case; wildcards are plain characters. */
describe('searching instances by title', () => {
  let ctx: Awaited<ReturnType<typeof startProcedures>>;
  beforeAll(async () => {
    ctx = await startProcedures();
  });
  afterAll(async () => ctx.t.close());

  const titles = async (q: string, more = '') => {
    const res = await ctx.t.http.get(`/api/v1/instances?q=${encodeURIComponent(q)}${more}`).set(await ctx.s.auth('auditor'));
    expect(res.status).toBe(200);
    return (res.body.items as { title: string }[]).map((i) => i.title).sort();
  };

  it('finds titles containing the words, ignoring case, with % and _ taken literally', async () => {
    for (const title of ['液压泵异响 Pump noise', '阀门渗漏 valve leak', '折扣 100% 投诉', 'order_17 late', 'order 17 late']) {
      await ctx.s.openComplaint(title);
    }
    expect(await titles('泵异响')).toEqual(['液压泵异响 Pump noise']);
    expect(await titles('PUMP')).toEqual(['液压泵异响 Pump noise']);
    expect(await titles('100%')).toEqual(['折扣 100% 投诉']);
    expect(await titles('%')).toEqual(['折扣 100% 投诉']);
    expect(await titles('order_')).toEqual(['order_17 late']);
    expect(await titles('  valve  ')).toEqual(['阀门渗漏 valve leak']);
    expect(await titles('nothing like this')).toEqual([]);
    expect(await titles('late', `&procedure=${COMPLAINT}&status=active`)).toEqual(['order 17 late', 'order_17 late']);
    // the total counts every match, the page holds pageSize of them
    const page = (await ctx.t.http.get('/api/v1/instances?q=o&pageSize=1').set(await ctx.s.auth('auditor'))).body;
    expect([page.items.length, page.total]).toEqual([1, 3]);
  });

  it('refuses a search longer than 200 characters, naming the field', async () => {
    const res = await ctx.t.http.get(`/api/v1/instances?q=${'x'.repeat(201)}`).set(await ctx.s.auth('auditor'));
    expect(res.status).toBe(400);
    expect(res.body.details).toEqual([expect.objectContaining({ field: 'q', rule: 'maxLength' })]);
  });
});

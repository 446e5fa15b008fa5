import { binary, pdfOutlineTitles, pdfPageCount } from '../../support/pdf';
import { COMPLAINT, CORRECTIVE_ACTION, MANAGEMENT_REVIEW, startProcedures, SURVEY } from './steps';

/** The controlled document as PDF (api.md: GET /procedures/:key/document?format=pdf), from the running machines. */
describe('controlled procedure documents as PDF', () => {
  let ctx: Awaited<ReturnType<typeof startProcedures>>;
  beforeAll(async () => {
    ctx = await startProcedures();
  });
  afterAll(async () => ctx.t.close());

  const fetchPdf = async (key: string, lang: string) => {
    const res = await ctx.t.http
      .get(`/api/v1/procedures/${key}/document?format=pdf&lang=${lang}`)
      .set(await ctx.s.auth('auditor'))
      .buffer(true)
      .parse(binary)
      .expect(200);
    return res;
  };

  it.each([SURVEY, COMPLAINT, CORRECTIVE_ACTION, MANAGEMENT_REVIEW].flatMap((key) => [[key, 'zh'] as const, [key, 'en'] as const]))(
    '%s (%s): a PDF with the Chinese font embedded, a bookmark per section and per step',
    async (key, lang) => {
      const res = await fetchPdf(key, lang);
      expect(res.headers['content-type']).toBe('application/pdf');
      expect(res.headers['content-disposition']).toContain(`${key}-v`);
      const pdf = res.body as Buffer;
      expect(pdf.toString('latin1', 0, 5)).toBe('%PDF-');
      expect(pdf.toString('latin1')).toMatch(/\/BaseFont \/[A-Z]{6}\+NotoSansSC/);
      // title page, flow chart, landscape step table (and whatever the tables overflow to)
      expect(pdfPageCount(pdf)).toBeGreaterThanOrEqual(3);

      const definition = (await ctx.t.http.get(`/api/v1/procedures/${key}`).set(await ctx.s.auth('auditor')).expect(200)).body;
      const steps = (definition.states as { title: { zh: string; en: string }; final?: boolean }[]).filter((s) => !s.final);
      const titles = pdfOutlineTitles(pdf);
      expect(titles).toEqual(
        expect.arrayContaining(
          lang === 'zh' ? ['1 目的和范围', '2 职责', '3 流程图', '4 流程步骤', '5 记录'] : ['1 Purpose and scope', '2 Responsibilities', '3 Flow chart', '4 Steps', '5 Records'],
        ),
      );
      steps.forEach((s, i) => expect(titles).toContain(`${i + 1} ${s.title[lang]}`));
    },
  );

  it('refuses an unknown format naming the field', async () => {
    const res = await ctx.t.http.get(`/api/v1/procedures/${SURVEY}/document?format=docx`).set(await ctx.s.auth('auditor'));
    expect(res.status).toBe(400);
    expect(JSON.stringify(res.body)).toContain('format');
  });
});

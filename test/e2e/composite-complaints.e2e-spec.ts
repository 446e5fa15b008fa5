import { HOUR, MINUTE, NOT_AN_ACCIDENT, startProcedures, type Instance, type Steps } from './procedures/steps';
import type { TestApp } from '../support/test-app';

const CHINA = 8 * HOUR;

/**
 * The composite's default complaint counts (domain.md section 4, api.md): the cases of the
 * calendar year the period names, in the company's time zone; 50 points off only for a
 * concluded investigation that found a quality accident with legal liability or media exposure.
 * Its own app: the year-boundary case moves the clock.
 */
describe('composite satisfaction: deductions counted from the complaint procedure', () => {
  let t: TestApp;
  let s: Steps;
  let year: number;
  beforeAll(async () => {
    ({ t, s } = await startProcedures());
  });
  afterAll(() => t.close());

  const deductions = async (period: string) =>
    (await t.http.post('/api/v1/composites').set(await s.auth('survey_manager')).send({ title: period, period, sources: [{ key: 'q', weight: 1, score: 90 }] }).expect(201)).body.deductions;
  const localYearOf = (i: Instance) => new Date(Date.parse(i.createdAt) + CHINA).getUTCFullYear();

  async function investigated(title: string, classification?: Record<string, boolean>): Promise<Instance> {
    const complaint = await s.openComplaint(title);
    await s.dispatchComplaint(complaint.id);
    await s.act('complaint_handler', complaint.id, { type: 'ESCALATE_MAJOR', comment: '重大质量事件 / major quality event' });
    if (classification) await s.act('quality', complaint.id, { type: 'CONCLUDE', data: { conclusion: '调查完成 / investigated', classification } });
    return complaint;
  }

  it('deducts 50 points only for a concluded investigation classified as an accident with legal liability or media exposure', async () => {
    const accident = await investigated('设备起火上了新闻 / fire made the news', { qualityAccident: true, legalLiability: false, mediaExposure: true });
    year = localYearOf(accident);
    await investigated('怀疑批量缺陷，查无事故 / suspected batch defect, none found', NOT_AN_ACCIDENT);
    await investigated('质量事故，无法律责任和曝光 / accident without liability or exposure', { qualityAccident: true, legalLiability: false, mediaExposure: false });
    await investigated('调查中 / under investigation');
    await s.openComplaint('交货延迟 / late delivery');
    expect(await deductions(`${year}年度`)).toEqual({ generalComplaints: 4, majorIncidents: 1, points: 50 });
    expect(await deductions('1999')).toEqual({ generalComplaints: 0, majorIncidents: 0, points: 0 });
  });

  it("dates a case by the company's calendar year (UTC+8 by default), not UTC's", async () => {
    const { now } = await s.advanceClock(0);
    // half an hour into the next local year: still 31 December in UTC
    const newYear = Date.UTC(year + 1, 0, 1) - CHINA + 30 * MINUTE;
    await s.advanceClock(newYear - Date.parse(now));
    const late = await s.openComplaint('元旦凌晨来电 / called just after midnight on New Year');
    expect(new Date(late.createdAt).getUTCFullYear()).toBe(year);
    expect(await deductions(`${year + 1}年度`)).toEqual({ generalComplaints: 1, majorIncidents: 0, points: 0 });
    expect(await deductions(`${year}年度`)).toEqual({ generalComplaints: 4, majorIncidents: 1, points: 50 });
  });
});

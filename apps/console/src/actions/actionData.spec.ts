import dayjs from 'dayjs';
import { actionPlanData, evidenceData, hasEvidence, isPastDay } from './actionData';

describe('the corrective-action plan', () => {
  it('refuses a due date before today, whatever the hour, and takes today', () => {
    const today = dayjs('2026-12-03T23:59:00');
    expect(isPastDay(dayjs('2026-12-02'), today)).toBe(true);
    expect(isPastDay(dayjs('2026-12-03T00:00:00'), today)).toBe(false);
    expect(isPastDay(dayjs('2027-01-01'), today)).toBe(false);
  });

  it('sends the actions as a list without empty lines, the owner and the date as YYYY-MM-DD', () => {
    expect(actionPlanData({ actions: [' 更换密封件供应商 ', '', '发货前外观检验'], owner: 'complaint_handler', dueDate: dayjs('2026-12-31T10:00:00') })).toEqual({
      actions: ['更换密封件供应商', '发货前外观检验'],
      owner: 'complaint_handler',
      dueDate: '2026-12-31',
    });
  });
});

describe('the effectiveness evidence', () => {
  it('sends a verification, a score (0 included) or both, and nothing when neither is given', () => {
    expect(evidenceData({ verification: ' 抽检 20 件无泄漏 ' })).toEqual({ verification: '抽检 20 件无泄漏' });
    expect(evidenceData({ score: 0 })).toEqual({ score: 0 });
    expect(evidenceData({ verification: 'ok', score: 92 })).toEqual({ verification: 'ok', score: 92 });
    expect(evidenceData({ verification: ' ', score: null })).toBeUndefined();
  });

  it('takes the comment as evidence, as the engine does', () => {
    expect(hasEvidence({}, '现场验证有效')).toBe(true);
    expect(hasEvidence({}, ' ')).toBe(false);
  });
});

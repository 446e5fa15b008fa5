import { good, ROLE_LABELS } from './__tests__/fixtures';
import { durationText, procedureDocument } from './procedure-document';

describe('procedureDocument', () => {
  it('renders the controlled document in Chinese with every step', () => {
    const doc = procedureDocument(good(), { lang: 'zh', roleLabels: ROLE_LABELS });
    expect(doc).toContain('# 测试流程');
    expect(doc).toContain('| SF-T-01 | 2 | fixture |');
    expect(doc).toContain('## 1 目的和范围\n\n验证工具。');
    expect(doc).toContain('| 跟单员 | 1 起草文件 |');
    expect(doc).toContain('| 总经理 | — |');
    expect(doc).toContain('```mermaid\nstateDiagram-v2\n');
    expect(doc).toContain('| 1 | 起草文件 | 跟单员 | 《文件草稿》 | — | 提交 → 「审批 <草稿> & 签字」 | — |');
    expect(doc).toContain(
      '| 2 | 审批 <草稿> & 签字 | 营销副总经理（不得由以下步骤的办理人办理：「起草文件」） | 《文件草稿》 | 3 个工作日；超期逐级上报：总经理 | ' +
        '批准（须电子签名） → 「发布」；退回（须填写意见） → 「起草文件」 | 退回「起草文件」 |',
    );
    expect(doc).toContain('| 3 | 发布 | 系统（自动） | — | — | 自动 → 「结束」 | — |');
    expect(doc).not.toMatch(/\| \d+ \| 结束 \|/);
    expect(doc).toContain('## 5 记录\n\n- 《文件草稿》');
  });

  it('renders in English, taking the NG text from meta.onReject when given', () => {
    const def = good();
    def.machine.root.states.review.meta.onReject = { zh: '退回修改', en: 'back to the author | with the comments' };
    const doc = procedureDocument(def, { lang: 'en', roleLabels: ROLE_LABELS });
    expect(doc).toContain('| No. | Step | Role | Form / record | Deadline | Outcomes | On NG |');
    expect(doc).toContain('| 1 | Draft the document | Coordinator | Draft | — | Submit → "Approve the <draft> & sign" | — |');
    expect(doc).toContain('3 working days; overdue: escalates to General manager');
    expect(doc).toContain('Approve (signed) → "Publish"; Reject (comment required) → "Draft the document"');
    expect(doc).toContain('| back to the author \\| with the comments |');
  });

  it('says who may cancel a running record, and on what terms, or that none may', () => {
    const def = { ...good(), cancellers: ['approver' as const, 'general_manager' as const] };
    expect(procedureDocument(def, { lang: 'zh', roleLabels: ROLE_LABELS })).toContain('| 总经理 | — |\n\n取消：运行中的记录可在任何步骤由营销副总经理或总经理取消，须填写理由并电子签名');
    expect(procedureDocument(def, { lang: 'en', roleLabels: ROLE_LABELS })).toContain('may be cancelled in any step by Approver or General manager, with a reason and an electronic signature');
    expect(procedureDocument(good(), { lang: 'en', roleLabels: ROLE_LABELS })).toContain('Cancellation: records of this procedure cannot be cancelled.');
  });

  it('states a deadline taken from a date of the instance by that date, with `after` standing in for it', () => {
    const def = good();
    const review = def.machine.root.states.review.meta;
    review.deadline = { ...review.deadline, dueAt: { field: 'plan.dueDate', title: { zh: '整改措施的完成日期', en: "the action plan's due date" } } };
    expect(procedureDocument(def, { lang: 'zh', roleLabels: ROLE_LABELS })).toContain('| 整改措施的完成日期（无此日期时：3 个工作日）；超期逐级上报：总经理 |');
    expect(procedureDocument(def, { lang: 'en', roleLabels: ROLE_LABELS })).toContain("| the action plan's due date (without it: 3 working days); overdue: escalates to General manager |");
  });
});

describe('durationText', () => {
  it('says a duration the way a procedure document does', () => {
    expect(durationText({ workingDays: 3 }, 'zh')).toBe('3 个工作日');
    expect(durationText({ workingDays: 3 }, 'en')).toBe('3 working days');
    expect(durationText({ minutes: 10 }, 'zh')).toBe('10 分钟');
    expect(durationText({ hours: 1, minutes: 30 }, 'en')).toBe('1 hour, 30 minutes');
    expect(durationText({ months: 2 }, 'zh')).toBe('2 个月');
    expect(durationText({ days: 1 }, 'en')).toBe('1 day');
  });
});

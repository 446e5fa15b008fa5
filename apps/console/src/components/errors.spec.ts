import { ApiError } from '../api/client';
import { DICTIONARY, type TextKey } from '../i18n/dictionary';
import { describeError, problemLine } from './errors';

const zh = { t: (key: TextKey) => DICTIONARY.zh[key], lang: 'zh' as const };
const en = { t: (key: TextKey) => DICTIONARY.en[key], lang: 'en' as const };

describe('describeError', () => {
  it('asks to correct the fields of a refusal that names them, one line each, never their codes', () => {
    const refusal = new ApiError(422, '「登记并派单」拒绝 DISPATCH：…', [
      { field: 'data.description', rule: 'required', message: 'DISPATCH 须填写 data.description' },
      { field: 'data.handler', rule: 'invalid', message: 'data.handler 的值不符合 DISPATCH 的要求' },
    ]);
    const said = describeError(refusal, zh, 'customer-complaint');
    expect(said.title).toBe('请更正以下内容');
    expect(said.lines).toEqual(['投诉内容：请填写此项', '责任人：须为在职且具有本范围“责任人”岗位的用户']);
    expect(said.lines.join()).not.toMatch(/data\.|DISPATCH/);
    expect(describeError(new ApiError(400, 'validation failed', [{ field: 'comment', rule: 'maxLength', message: 'comment must be shorter' }]), en).title).toBe('Please correct the following');
  });

  it("says why a named handler or owner was refused, in the console's words", () => {
    const refusal = (field: string, rule: string) => new ApiError(422, 'refused', [{ field, rule, message: `${field}: …` }]);
    expect(describeError(refusal('data.handler', 'disabledUser'), zh, 'customer-complaint').lines).toEqual(['责任人：该用户已停用']);
    expect(describeError(refusal('data.owner', 'outOfScope'), en, 'corrective-action').lines[0]).toContain("This user's complaint handler role is for another scope");
  });

  it('keeps "does not accept" for a step that does not take the event, with the reason', () => {
    const said = describeError(new ApiError(422, 'received 不接受 RESOLVE；可接受：DISPATCH'), zh);
    expect(said).toEqual({ title: '当前步骤不接受此操作', detail: 'received 不接受 RESOLVE；可接受：DISPATCH', lines: [] });
  });

  it("lists an import's bad rows in its own table, not as fields to correct", () => {
    expect(describeError(new ApiError(400, 'bad file', [{ line: 2, field: 'email', rule: 'isEmail', message: 'bad e-mail' }]), en).title).toBe('The action failed');
  });
});

describe('problemLine', () => {
  it("names the field by the procedure's word for it", () => {
    expect(problemLine({ field: 'data.description', rule: 'required' }, 'zh', 'corrective-action')).toBe('问题描述：请填写此项');
    expect(problemLine({ field: 'data.pack.surveys', rule: 'required' }, 'en')).toBe('Surveys: This is required');
  });

  it("says the API's message when the console has no words for the field or the rule", () => {
    expect(problemLine({ field: 'data.mystery', rule: 'required', message: 'mystery is required' }, 'en')).toBe('mystery is required');
    expect(problemLine({ field: 'comment', rule: 'maxLength', message: '意见长度不能超过 2000' }, 'zh')).toBe('意见长度不能超过 2000');
  });
});

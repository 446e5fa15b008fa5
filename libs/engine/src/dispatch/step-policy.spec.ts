import type { Actor } from '@satisflow/identity';
import type { StepMeta } from '../definitions/procedure-definition';
import { availableOutcomes, checkStep } from './step-policy';

const approval: StepMeta = {
  title: { zh: '审批计划', en: 'Approve the plan' },
  role: 'approver',
  outcomes: ['APPROVE', 'REJECT'],
  signed: { APPROVE: { zh: '批准', en: 'approved' } },
  commentRequired: ['REJECT'],
  separateFrom: ['planning'],
};
const person = (id: string, ...roles: Actor['roles']): Actor => ({ id, username: id, displayName: id, roles });
const base = { state: 'planApproval', meta: approval, stepActors: { planning: 'author' }, signed: false };

describe('checkStep', () => {
  it('lets the approver approve with a signature', () => {
    expect(checkStep({ ...base, event: 'APPROVE', actor: person('a', { role: 'approver' }), signed: true })).toBeNull();
  });

  it('refuses other roles with 403, and says an auditor may only read', () => {
    expect(checkStep({ ...base, event: 'APPROVE', actor: person('c', { role: 'coordinator' }), signed: true })).toMatchObject({ status: 403, message: { en: expect.stringContaining('approver'), zh: expect.stringContaining('营销副总经理') } });
    expect(checkStep({ ...base, event: 'APPROVE', actor: person('x', { role: 'auditor' }), signed: true })).toMatchObject({ status: 403, message: { en: expect.stringContaining('may read but not act'), zh: '审核员只能查看，不能操作' } });
  });

  it('forbids the author to approve their own plan even when holding the role', () => {
    const r = checkStep({ ...base, event: 'APPROVE', actor: person('author', { role: 'approver' }, { role: 'survey_manager' }), signed: true });
    expect(r).toMatchObject({ status: 403, message: { en: expect.stringContaining('separation of duties'), zh: expect.stringContaining('职责分离') } });
  });

  it('requires a comment on REJECT and a signature on APPROVE (422 naming the field)', () => {
    const approver = person('a', { role: 'approver' });
    expect(checkStep({ ...base, event: 'REJECT', actor: approver, comment: '  ' })).toMatchObject({ status: 422, details: [{ field: 'comment' }] });
    expect(checkStep({ ...base, event: 'REJECT', actor: approver, comment: 'sample too small' })).toBeNull();
    expect(checkStep({ ...base, event: 'APPROVE', actor: approver })).toMatchObject({ status: 422, details: [{ field: 'signature' }] });
  });

  it('names steps by their titles and events by their Chinese labels, never by raw codes in Chinese', () => {
    const planning: StepMeta = { title: { zh: '编制调查计划', en: 'Compile the survey plan' }, role: 'survey_manager' };
    const metaOf = (state: string) => (state === 'planning' ? planning : undefined);
    const author = person('author', { role: 'approver' }, { role: 'survey_manager' });
    expect(checkStep({ ...base, event: 'APPROVE', actor: author, signed: true, metaOf })?.message).toEqual({
      en: "separation of duties: you prepared this document in 'Compile the survey plan' (planning), so you may not decide on it in 'Approve the plan' (planApproval)",
      zh: '职责分离：此文件由您在「编制调查计划」步骤编制，您不能在「审批计划」中对其作出决定',
    });
    expect(checkStep({ ...base, event: 'APPROVE', actor: person('c', { role: 'coordinator' }), signed: true })?.message).toEqual({
      en: "only the approver (approver) may act in 'Approve the plan' (planApproval)",
      zh: '只有营销副总经理可在「审批计划」中操作',
    });
    const approver = person('a', { role: 'approver' });
    expect(checkStep({ ...base, event: 'REJECT', actor: approver })).toMatchObject({
      message: { en: "REJECT in 'Approve the plan' (planApproval) needs a comment giving the reason", zh: '在「审批计划」中「退回」须填写意见说明理由' },
      details: [{ message: { en: 'a non-empty comment is required to REJECT', zh: '「退回」须填写意见' } }],
    });
    expect(checkStep({ ...base, event: 'APPROVE', actor: approver })?.message.zh).toBe('在「审批计划」中「批准」须电子签名');
    expect(checkStep({ ...base, event: 'DEADLINE', actor: approver })?.message.zh).toBe('「超期升级」由系统发出，不能由人发送');
  });

  it('reserves DEADLINE and system events for the system', () => {
    expect(checkStep({ ...base, event: 'DEADLINE', actor: person('a', { role: 'approver' }) })).toMatchObject({ status: 403 });
    expect(checkStep({ ...base, event: 'DEADLINE' })).toBeNull();
  });

  it('respects scopes', () => {
    const east = person('e', { role: 'approver', scope: 'east' });
    expect(checkStep({ ...base, event: 'REJECT', comment: 'x', actor: east, scope: 'east' })).toBeNull();
    expect(checkStep({ ...base, event: 'REJECT', comment: 'x', actor: east, scope: 'west' })).toMatchObject({ status: 403 });
  });

  it('lists the outcomes a person may send', () => {
    expect(availableOutcomes({ ...base, actor: person('a', { role: 'approver' }) })).toEqual(['APPROVE', 'REJECT']);
    expect(availableOutcomes({ ...base, actor: person('author', { role: 'approver' }) })).toEqual([]);
    expect(availableOutcomes({ ...base, actor: person('q', { role: 'quality' }) })).toEqual([]);
  });
});

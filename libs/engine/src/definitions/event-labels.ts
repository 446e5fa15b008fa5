/**
 * What people call each procedure event, in both languages. Plain data with no
 * imports: the server's diagrams and controlled documents and the web console
 * (apps/console/src/i18n/dictionary.ts) read this one table.
 */
export const EVENT_LABELS: Record<string, { zh: string; en: string }> = {
  START: { zh: '发起', en: 'Start' },
  SUBMIT: { zh: '提交', en: 'Submit' },
  APPROVE: { zh: '批准', en: 'Approve' },
  REJECT: { zh: '退回', en: 'Reject' },
  DISPATCHED: { zh: '已发出', en: 'Dispatched' },
  CLOSE_COLLECTION: { zh: '结束回收', en: 'Close collection' },
  REQUEST_WAIVER: { zh: '申请回收率豁免', en: 'Request a waiver' },
  ACKNOWLEDGE: { zh: '确认接收', en: 'Acknowledge' },
  DEADLINE: { zh: '超期升级', en: 'Deadline passed' },
  DISPATCH: { zh: '派单', en: 'Dispatch' },
  RESOLVE: { zh: '处理完毕', en: 'Resolve' },
  ESCALATE_MAJOR: { zh: '升级为重大', en: 'Escalate as major' },
  CONCLUDE: { zh: '调查结论', en: 'Conclude' },
  CALLBACK_SATISFIED: { zh: '回访满意', en: 'Callback: satisfied' },
  CALLBACK_DISSATISFIED: { zh: '回访不满意', en: 'Callback: dissatisfied' },
  EFFECTIVE: { zh: '有效', en: 'Effective' },
  INEFFECTIVE: { zh: '无效', en: 'Ineffective' },
  CANCEL: { zh: '取消', en: 'Cancel' },
  REASSIGN: { zh: '转办', en: 'Hand over' },
  // recorded beside the steps (dispatch/trail-notes.ts): what a person did about a follow-up or an escalation
  TASK_COMPLETED: { zh: '完成任务', en: 'Task completed' },
  FOLLOW_UP_RECORDED: { zh: '登记电话跟进', en: 'Follow-up call recorded' },
  NOTE: { zh: '备注', en: 'Note' },
};

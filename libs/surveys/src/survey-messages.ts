import { says, type LocalMessage } from '@satisflow/http';
import { ROLES } from '@satisflow/identity';

/** What the survey module refuses with in more than one place, each sentence said once in both languages. */

export const surveyNotFound = (id: string) => says(`survey ${id} not found`, `调查 ${id} 不存在`);

export const INVALID_LINK = says('this survey link is not valid', '此问卷链接无效');

export const ALREADY_ANSWERED = says('this questionnaire has already been answered', '此问卷已作答，不能重复提交');

/** A coordinator's task refused to anyone else: `onlyCoordinator('sends reminders', '发送提醒')`. */
export const onlyCoordinator = (en: string, zh: string) => says(`only a coordinator ${en}`, `只有${ROLES.coordinator.zh}可以${zh}`);

/** The Chinese close of "…; the plan is in <state>": the state is the engine's key, untranslated like every code. */
export const planIsInZh = (state: string | undefined) => `调查计划当前处于 ${state} 状态`;

/** What an import was refusing: the file's kind, in the 400's summary. */
export const ANSWER_FILE: LocalMessage = { en: 'answer file', zh: '答卷文件' };
export const CUSTOMER_FILE: LocalMessage = { en: 'customer file', zh: '客户文件' };

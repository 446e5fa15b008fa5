import { says, type LocalMessage } from '@satisflow/http';
import { stepMeta, stepName } from '@satisflow/engine';
import { ROLES } from '@satisflow/identity';
import { annualSatisfactionSurvey } from '@satisflow/workflows';

/** What the survey module refuses with in more than one place, each sentence said once in both languages. */

export const surveyNotFound = (id: string) => says(`survey ${id} not found`, `调查 ${id} 不存在`);

export const INVALID_LINK = says('this survey link is not valid', '此问卷链接无效');

export const ALREADY_ANSWERED = says('this questionnaire has already been answered', '此问卷已作答，不能重复提交');

/** A coordinator's task refused to anyone else: `onlyCoordinator('sends reminders', '发送提醒')`. */
export const onlyCoordinator = (en: string, zh: string) => says(`only a coordinator ${en}`, `只有${ROLES.coordinator.zh}可以${zh}`);

/** A step of the survey plan by its title (Chinese) and title and key (English); no instance names none. */
function planStep(state: string | undefined): LocalMessage {
  return state ? stepName(state, stepMeta(annualSatisfactionSurvey.machine, state)) : { en: 'no survey plan', zh: '无调查计划' };
}

/**
 * "<something is done> in <step>; the plan is in <step>": what a survey refuses while its plan
 * is in another step. `action` says what was asked, in both languages (`{ en: 'a survey is attached', zh: '关联调查' }`).
 */
export function notInStep(action: LocalMessage, allowed: string, state: string | undefined): { message: LocalMessage } {
  const [at, now] = [planStep(allowed), planStep(state)];
  return says(`${action.en} in ${at.en}; the plan is in ${now.en}`, `只能在${at.zh}步骤${action.zh}；调查计划当前处于${now.zh}步骤`);
}

/** "…; the plan is in <step>", for refusals that name no single step where it is allowed. */
export function planIsIn(state: string | undefined): LocalMessage {
  const now = planStep(state);
  return { en: `the plan is in ${now.en}`, zh: `调查计划当前处于${now.zh}步骤` };
}

/** What an import was refusing: the file's kind, in the 400's summary. */
export const ANSWER_FILE: LocalMessage = { en: 'answer file', zh: '答卷文件' };
export const CUSTOMER_FILE: LocalMessage = { en: 'customer file', zh: '客户文件' };

import type { ProcedureState } from '../api/types';

export type DataForm = 'plan' | 'report' | 'pack' | 'dispatch' | 'conclude' | 'callback' | 'json' | 'none';

/** What sending an event in a state asks of the person: a signature, a reason, a form. */
export interface EventNeeds {
  signature: boolean;
  /** Default meaning of the signature (the statement the signer makes), in both languages as the trail keeps it. */
  meaning: string;
  commentRequired: boolean;
  form: DataForm;
}

/** Outcomes whose data the engine reads (procedures.md); others may still carry free JSON. */
const FORMS: Record<string, DataForm> = {
  'annual-satisfaction-survey:planning:SUBMIT': 'plan',
  'annual-satisfaction-survey:reportDrafting:SUBMIT': 'report',
  'management-review:compiling:SUBMIT': 'pack',
  'customer-complaint:received:DISPATCH': 'dispatch',
  'customer-complaint:investigation:CONCLUDE': 'conclude',
  'customer-complaint:callback:CALLBACK_SATISFIED': 'callback',
  'customer-complaint:callback:CALLBACK_DISSATISFIED': 'callback',
  'customer-complaint:secondCallback:CALLBACK_SATISFIED': 'callback',
  'customer-complaint:secondCallback:CALLBACK_DISSATISFIED': 'callback',
};

const NO_DATA = new Set(['APPROVE', 'REJECT', 'REQUEST_WAIVER', 'CLOSE_COLLECTION']);

/** The step's own statement for this signature ("验证有效 / verified effective"); approved or reviewed for a step that names none. */
function signedMeaning(step: ProcedureState | undefined, event: string): string {
  const own = step?.signedAs?.[event];
  if (own) return `${own.zh} / ${own.en}`;
  return step && /review/i.test(step.id) ? 'reviewed' : 'approved';
}

export function eventNeeds(procedure: string, step: ProcedureState | undefined, event: string): EventNeeds {
  return {
    signature: !!step?.signed?.includes(event),
    meaning: signedMeaning(step, event),
    commentRequired: !!step?.commentRequired?.includes(event) || event === 'REJECT',
    form: FORMS[`${procedure}:${step?.id}:${event}`] ?? (NO_DATA.has(event) ? 'none' : 'json'),
  };
}

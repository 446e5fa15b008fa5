import type { ProcedureState } from '../api/types';
import type { TextKey } from '../i18n/dictionary';

/** Steps whose data is one text, given in `data.<field>` (the engine also takes the comment). */
export const TEXT_FORMS = {
  problem: { field: 'description', label: 'action.description' },
  cause: { field: 'cause', label: 'action.cause' },
  implementation: { field: 'result', label: 'action.result' },
  resolve: { field: 'resolution', label: 'complaint.resolution' },
} as const satisfies Record<string, { field: string; label: TextKey }>;

export type TextForm = keyof typeof TEXT_FORMS;

export type DataForm = TextForm | 'plan' | 'report' | 'pack' | 'frozenPack' | 'dispatch' | 'handover' | 'conclude' | 'callback' | 'actionPlan' | 'evidence' | 'json' | 'none';

/** What sending an event in a state asks of the person: a signature, a reason, a form. */
export interface EventNeeds {
  signature: boolean;
  /** Default meaning of the signature (the statement the signer makes), in both languages as the trail keeps it. */
  meaning: string;
  commentRequired: boolean;
  form: DataForm;
  /** The dialog's inputs by top-level name: where a refusal naming one of them is said. */
  inputs: string[];
}

/** Outcomes whose data the engine reads (procedures.md); others may still carry free JSON. */
const FORMS: Record<string, DataForm> = {
  'annual-satisfaction-survey:planning:SUBMIT': 'plan',
  'annual-satisfaction-survey:reportDrafting:SUBMIT': 'report',
  'management-review:compiling:SUBMIT': 'pack',
  'management-review:review:APPROVE': 'frozenPack',
  'customer-complaint:received:DISPATCH': 'dispatch',
  'customer-complaint:handling:RESOLVE': 'resolve',
  'customer-complaint:handling:REASSIGN': 'handover',
  'customer-complaint:investigation:CONCLUDE': 'conclude',
  'customer-complaint:callback:CALLBACK_SATISFIED': 'callback',
  'customer-complaint:callback:CALLBACK_DISSATISFIED': 'callback',
  'customer-complaint:secondCallback:CALLBACK_SATISFIED': 'callback',
  'customer-complaint:secondCallback:CALLBACK_DISSATISFIED': 'callback',
  'corrective-action:problem:SUBMIT': 'problem',
  'corrective-action:causeAnalysis:SUBMIT': 'cause',
  'corrective-action:actionPlan:SUBMIT': 'actionPlan',
  'corrective-action:implementation:SUBMIT': 'implementation',
  'corrective-action:effectivenessCheck:EFFECTIVE': 'evidence',
};

/** Each form's inputs (text forms: their one field). */
const FORM_INPUTS: Record<Exclude<DataForm, TextForm>, string[]> = {
  plan: ['period', 'sample', 'channels', 'survey', 'targetReturnRate', 'notes'],
  report: ['conclusions', 'proposals', 'findings'],
  pack: ['period', 'pack'],
  frozenPack: ['decisions'],
  dispatch: ['handler', 'customer', 'channel', 'description', 'majorWorks'],
  handover: ['handler'],
  conclude: ['conclusion', 'classification', 'openCorrectiveAction'],
  callback: ['score'],
  actionPlan: ['actions', 'owner', 'dueDate'],
  evidence: ['verification', 'score'],
  json: ['json'],
  none: [],
};

// INEFFECTIVE's reason is its required comment
const NO_DATA = new Set(['APPROVE', 'REJECT', 'REQUEST_WAIVER', 'CLOSE_COLLECTION', 'INEFFECTIVE']);

/** The step's own statement for this signature ("验证有效 / verified effective"); approved or reviewed for a step that names none. */
function signedMeaning(step: ProcedureState | undefined, event: string): string {
  const own = step?.signedAs?.[event];
  if (own) return `${own.zh} / ${own.en}`;
  return step && /review/i.test(step.id) ? 'reviewed' : 'approved';
}

export function isTextForm(form: DataForm): form is TextForm {
  return form in TEXT_FORMS;
}

/** The engine's CANCEL, taken in every step: a reason and a signature, no data. */
const CANCEL_NEEDS: EventNeeds = { signature: true, meaning: '取消此记录 / cancelled this record', commentRequired: true, form: 'none', inputs: ['comment', 'password'] };

export function eventNeeds(procedure: string, step: ProcedureState | undefined, event: string): EventNeeds {
  if (event === 'CANCEL') return CANCEL_NEEDS;
  const signature = !!step?.signed?.includes(event);
  const form = FORMS[`${procedure}:${step?.id}:${event}`] ?? (NO_DATA.has(event) ? 'none' : 'json');
  const own = isTextForm(form) ? [TEXT_FORMS[form].field] : FORM_INPUTS[form];
  return {
    signature,
    meaning: signedMeaning(step, event),
    commentRequired: !!step?.commentRequired?.includes(event) || event === 'REJECT',
    form,
    inputs: [...own, 'comment', ...(signature ? ['password'] : [])],
  };
}

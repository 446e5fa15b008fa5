/**
 * What a value in an instance's data stands for, so the console can show a
 * label in place of a code: the procedures' context fields keep state keys, role
 * keys, channel codes, usernames and ids (each procedure's machine.ts under workflows/).
 */
export type ValueKind = 'state' | 'role' | 'channel' | 'person' | 'procedure' | 'survey' | 'instance' | 'status' | 'localText' | 'plain';

const BY_FIELD: Record<string, ValueKind> = {
  state: 'state',
  role: 'role',
  channel: 'channel',
  channels: 'channel',
  procedure: 'procedure',
  survey: 'survey',
  surveyId: 'survey',
  instanceId: 'instance',
  instanceIds: 'instance',
  // an instance's, or a corrective action's in the review pack (open, overdue, closedEffective)
  status: 'status',
  by: 'person',
  createdBy: 'person',
  closedBy: 'person',
  requestedBy: 'person',
  approvedBy: 'person',
  concludedBy: 'person',
  escalatedBy: 'person',
  handler: 'person',
  owner: 'person',
  assignee: 'person',
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A text in both languages, as procedures store titles and grades. */
export function isLocalText(value: unknown): value is { zh: string; en: string } {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const keys = Object.keys(value).sort();
  return keys.length === 2 && keys[0] === 'en' && keys[1] === 'zh' && Object.values(value).every((v) => typeof v === 'string');
}

/** The kind of one value (an array's elements each have their field's kind). */
export function valueKind(field: string | undefined, value: unknown): ValueKind {
  if (isLocalText(value)) return 'localText';
  if (typeof value !== 'string') return 'plain';
  const kind = field === undefined ? undefined : BY_FIELD[field];
  // a complaint opened from a survey finding keeps the survey's title under `survey`, a plan its id
  if ((kind === 'survey' || kind === 'instance') && !UUID.test(value)) return 'plain';
  return kind ?? 'plain';
}

/** Records whose keys are codes themselves: the review pack's complaints counted by channel. */
const KEYS_BY_FIELD: Record<string, ValueKind> = { byChannel: 'channel' };

/** The kind of a record's keys, by the record's field (undefined: the keys are field names). */
export function keyKind(field: string | undefined): ValueKind | undefined {
  return field === undefined ? undefined : KEYS_BY_FIELD[field];
}

/** The review pack's sections about other procedures' cases: their steps and fields are those procedures'. */
const SECTION_PROCEDURE: Record<string, string> = { complaints: 'customer-complaint', correctiveActions: 'corrective-action' };

/** The procedure whose steps and field names a nested record under `field` uses. */
export function procedureWithin(field: string | undefined, procedure: string): string {
  return (field !== undefined && SECTION_PROCEDURE[field]) || procedure;
}

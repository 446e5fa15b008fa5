import { givenFields } from '../components/text';

/**
 * What each procedure reads from its start data (workflows/<procedure>/machine.ts, `context:
 * ({ input })`): every one its `scope`; a complaint its intake, a corrective action its
 * owner, a management review its period.
 */
export const START_FIELDS: Record<string, readonly StartField[]> = {
  'customer-complaint': ['customer', 'channel', 'description'],
  'corrective-action': ['owner'],
  'management-review': ['period'],
};

export type StartField = 'customer' | 'channel' | 'description' | 'owner' | 'period';

export type StartValues = { procedure: string; title: string; scope?: string } & Partial<Record<StartField, string>>;

/** POST /instances' body: the procedure, the title and the start data the procedure reads, what was left empty left out. */
export function startBody(v: StartValues): { procedure: string; title: string; data?: Record<string, string> } {
  const keys = ['scope' as const, ...(START_FIELDS[v.procedure] ?? [])];
  const data = givenFields(v, keys);
  return { procedure: v.procedure, title: v.title.trim(), ...(Object.keys(data).length ? { data } : {}) };
}

import { ApiError } from '../api/client';
import type { LineProblem } from '../api/types';
import { DICTIONARY, fieldLabel, type Lang, type TextKey } from '../i18n/dictionary';

/**
 * Problems the console says in its own words: the API's words for a refused guard name the
 * field by its code ("data.handler is not valid for DISPATCH"), which people cannot act on.
 */
const OWN_WORDS: Record<string, TextKey> = {
  'signature.password signature': 'event.wrongPassword',
  'data.handler invalid': 'refusal.complaintHandler',
  'data.owner invalid': 'refusal.complaintHandler',
  // why the named handler or owner is not eligible (the host's finding)
  ...Object.fromEntries(
    (['unknownUser', 'disabledUser', 'lacksRole', 'outOfScope'] as const).flatMap((rule) => [
      [`data.handler ${rule}`, `refusal.${rule}` as TextKey],
      [`data.owner ${rule}`, `refusal.${rule}` as TextKey],
    ]),
  ),
  'data.dueDate invalid': 'refusal.dueDate',
  'data.pack invalid': 'pack.recompiled',
};
const BY_RULE: Record<string, TextKey> = { required: 'refusal.required', invalid: 'refusal.invalid' };

/** The console's words for a field's problem, when it has some. */
function ownWords(d: LineProblem): TextKey | undefined {
  return OWN_WORDS[`${d.field} ${d.rule}`] ?? (d.rule ? BY_RULE[d.rule] : undefined);
}

/** What is wrong with one field, without naming it (said on its input); the API's own message for rules the console has no words for. */
export function problemWord(d: LineProblem, lang: Lang): string {
  const key = ownWords(d);
  return key ? DICTIONARY[lang][key] : (d.message ?? '');
}

/** The field's label: its last named segment (`data.pack.surveys` → surveys), when the console has one. */
function labelOf(field: string | undefined, lang: Lang, procedure?: string): string | undefined {
  const name = field?.split(/[.[\]]+/).filter((s) => s && !/^\d+$/.test(s) && s !== 'data').at(-1);
  return name ? fieldLabel(name, procedure)?.[lang] : undefined;
}

/** One problem as a sentence for the list under the dialog's heading: "投诉内容：请填写此项", never the field's code. */
export function problemLine(d: LineProblem, lang: Lang, procedure?: string): string {
  const label = labelOf(d.field, lang, procedure);
  const key = ownWords(d);
  // without a label of its own, the API's message names the field
  if (!label || !key) return d.message || problemWord(d, lang);
  return DICTIONARY[lang]['refusal.line'].replace('{label}', label).replace('{problem}', DICTIONARY[lang][key]);
}

/**
 * A headline for an API failure and what to say under it. A refusal naming fields (400/422
 * with details) asks to correct them, one line per problem; one without (a step that does
 * not take the event, 403, 409) keeps its own heading and the server's reason.
 */
export function describeError(error: unknown, { t, lang }: { t: (key: TextKey) => string; lang: Lang }, procedure?: string): { title: string; detail: string; lines: string[] } {
  if (error instanceof ApiError) {
    // file rows (imports) are listed by the import's own table
    const fieldProblems = error.details.filter((d) => d.field && d.line === undefined);
    if ((error.status === 400 || error.status === 422) && fieldProblems.length) {
      const lines = [...new Set(fieldProblems.map((d) => problemLine(d, lang, procedure)).filter(Boolean))];
      return { title: t('error.correct'), detail: lines.join('; '), lines };
    }
    const heading: Partial<Record<number, TextKey>> = { 403: 'error.403', 409: 'error.409', 422: 'error.422' };
    const key = heading[error.status];
    const fields = error.details.map((d) => d.message).filter(Boolean).join('; ');
    return { title: t(key ?? 'error.generic'), detail: [error.message, fields].filter(Boolean).join(' — '), lines: [] };
  }
  if (error instanceof TypeError) return { title: t('error.network'), detail: error.message, lines: [] };
  return { title: t('error.generic'), detail: error instanceof Error ? error.message : String(error), lines: [] };
}

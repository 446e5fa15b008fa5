import type { LineProblem } from '../api/types';
import type { TextKey } from '../i18n/dictionary';

/** The event dialog's inputs that a refusal can belong on. */
type InputName = 'password';

/** Refusals the event dialog answers on one of its own inputs, by the field the API names. */
const ON_INPUT: Record<string, { name: InputName; message: TextKey }> = {
  'signature.password': { name: 'password', message: 'event.wrongPassword' },
};

/** The inputs a refusal's details belong on, with the message to show there (none: the alert above the form says it). */
export function inputErrors(details: LineProblem[]): { name: InputName; message: TextKey }[] {
  return details.flatMap((d) => (d.field && ON_INPUT[d.field] ? [ON_INPUT[d.field]] : []));
}

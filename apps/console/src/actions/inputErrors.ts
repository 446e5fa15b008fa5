import type { LineProblem } from '../api/types';
import { problemWord } from '../components/errors';
import type { Lang } from '../i18n/dictionary';

/** A form input's name as antd's Form names it (`['findings', 0, 'title']`). */
export type InputName = (string | number)[];

/**
 * Where a field the API names sits in the event dialog: `data.x` is the input `x` (the data
 * forms keep their fields flat, the plan's too), the compiled pack is one input whose period
 * is typed in, the signature's password and the comment are the dialog's own inputs.
 */
export function inputName(field: string): InputName | undefined {
  if (field === 'signature.password') return ['password'];
  if (field === 'comment') return ['comment'];
  if (!field.startsWith('data.')) return undefined;
  const path = field
    .slice('data.'.length)
    .split(/[.[\]]+/)
    .filter(Boolean)
    .map((s) => (/^\d+$/.test(s) ? Number(s) : s));
  if (path[0] === 'plan' && path.length > 1) return path.slice(1);
  if (path[0] === 'pack') return path[1] === 'period' ? ['period'] : ['pack'];
  return path;
}

/**
 * Splits a refusal's details into those said on an input the dialog shows (`inputs`: the
 * top-level names of its inputs) and the rest, which the alert above the form lists.
 */
export function inputErrors(details: LineProblem[], inputs: readonly string[], lang: Lang): { onInputs: { name: InputName; message: string }[]; rest: LineProblem[] } {
  const onInputs: { name: InputName; message: string }[] = [];
  const rest: LineProblem[] = [];
  for (const d of details) {
    const name = d.field === undefined ? undefined : inputName(d.field);
    if (name && inputs.includes(String(name[0]))) onInputs.push({ name, message: problemWord(d, lang) });
    else rest.push(d);
  }
  return { onInputs, rest };
}

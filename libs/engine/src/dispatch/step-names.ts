import type { LocalText, StepMeta } from '../definitions/procedure-definition';
import { EVENT_LABELS } from '../definitions/event-labels';
import { CANCELLED_STATE, CANCELLED_TITLE } from './cancellation';

/**
 * A step as refusals name it: its title, as people know it; English adds the state key,
 * which integrators send and read in the API. A state without meta keeps its key.
 */
export function stepName(state: string, meta: StepMeta | undefined): LocalText {
  // the engine's terminal state of a cancelled instance is in no machine
  const title = state === CANCELLED_STATE ? CANCELLED_TITLE : meta?.title;
  return title ? { zh: `「${title.zh}」`, en: `'${title.en}' (${state})` } : { zh: state, en: state };
}

/** An event as Chinese refusals name it (「退回」); English keeps the code integrators send. Unknown codes stay codes. */
export function eventZh(type: string): string {
  const label = EVENT_LABELS[type];
  return label ? `「${label.zh}」` : type;
}

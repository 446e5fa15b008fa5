import { annualSatisfactionSurvey } from './annual-satisfaction-survey/machine';
import type { ProcedureDefinition } from './shared/types';

export { annualSatisfactionSurvey };

/** Every procedure the server runs (keys and state names: shared/spec/procedures.md). */
export const PROCEDURES: ProcedureDefinition[] = [annualSatisfactionSurvey];

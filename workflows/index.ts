import { annualSatisfactionSurvey } from './annual-satisfaction-survey/machine';
import { correctiveAction } from './corrective-action/machine';
import { customerComplaint } from './customer-complaint/machine';
import { managementReview } from './management-review/machine';
import type { ProcedureDefinition } from './shared/types';

export { annualSatisfactionSurvey, correctiveAction, customerComplaint, managementReview };
export type { AssigneeProblem } from './shared/field-checks';

/** Every procedure the server runs (keys and state names: shared/spec/procedures.md). */
export const PROCEDURES: ProcedureDefinition[] = [annualSatisfactionSurvey, customerComplaint, correctiveAction, managementReview];

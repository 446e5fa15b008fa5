import { ValidationError, ValidationPipe } from '@nestjs/common';
import { fieldProblem, validationFailed, type FieldProblem } from '@satisflow/validation';
import { zhRuleMessage } from './validation-messages';

const problem = (field: string, rule: string, en: string): FieldProblem => fieldProblem(field, rule, en, zhRuleMessage(field, rule, en));

/** Flattens class-validator's tree into one entry per field and rule, with dotted paths. */
export function flattenValidationErrors(errors: ValidationError[], parent = ''): FieldProblem[] {
  return errors.flatMap((e) => {
    const field = parent ? `${parent}.${e.property}` : e.property;
    // a field left out fails every rule it has; saying each (maxLength, minLength, isString…) buries the one fact
    if (e.value === undefined && e.constraints && !e.constraints.whitelistValidation) {
      return [problem(field, 'required', `${field} is required`)];
    }
    const own = Object.entries(e.constraints ?? {}).map(([rule, message]) =>
      rule === 'whitelistValidation' ? problem(field, 'unknownField', `${field} is not a known field`) : problem(field, rule, message),
    );
    return [...own, ...flattenValidationErrors(e.children ?? [], field)];
  });
}

/** Whitelist + reject unknown fields + transform, with a 400 that lists each field and rule. */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    forbidUnknownValues: true,
    exceptionFactory: (errors) => validationFailed(flattenValidationErrors(errors)),
  });
}

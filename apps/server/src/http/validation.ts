import { BadRequestException, ValidationError, ValidationPipe } from '@nestjs/common';

export interface FieldProblem {
  field: string;
  rule: string;
  message: string;
}

/** Flattens class-validator's tree into one entry per field and rule, with dotted paths. */
export function flattenValidationErrors(errors: ValidationError[], parent = ''): FieldProblem[] {
  return errors.flatMap((e) => {
    const field = parent ? `${parent}.${e.property}` : e.property;
    // a field left out fails every rule it has; saying each (maxLength, minLength, isString…) buries the one fact
    if (e.value === undefined && e.constraints && !e.constraints.whitelistValidation) {
      return [{ field, rule: 'required', message: `${field} is required` }];
    }
    const own = Object.entries(e.constraints ?? {}).map(([rule, message]) => ({
      field,
      rule: rule === 'whitelistValidation' ? 'unknownField' : rule,
      message: rule === 'whitelistValidation' ? `${field} is not a known field` : message,
    }));
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
    exceptionFactory: (errors) => {
      const details = flattenValidationErrors(errors);
      return new BadRequestException({
        message: `validation failed: ${details.map((d) => `${d.field} (${d.rule})`).join(', ')}`,
        details,
      });
    },
  });
}

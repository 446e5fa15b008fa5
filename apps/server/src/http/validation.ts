import { BadRequestException, ValidationError, ValidationPipe } from '@nestjs/common';
import { says, type LocalMessage } from '@satisflow/http';
import { zhRuleMessage } from './validation-messages';

export interface FieldProblem {
  field: string;
  rule: string;
  message: LocalMessage;
}

const problem = (field: string, rule: string, en: string): FieldProblem => ({ field, rule, message: { en, zh: zhRuleMessage(field, rule, en) } });

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
    exceptionFactory: (errors) => {
      const details = flattenValidationErrors(errors);
      return new BadRequestException({
        ...says(`validation failed: ${details.map((d) => `${d.field} (${d.rule})`).join(', ')}`, `校验未通过：${details.map((d) => `${d.field}（${d.rule}）`).join('，')}`),
        details,
      });
    },
  });
}

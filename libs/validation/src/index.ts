import { applyDecorators, type ArgumentMetadata, BadRequestException, Injectable, ParseUUIDPipe } from '@nestjs/common';
import { Transform, Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsDate, IsInt, IsObject, IsOptional, isISO8601, Max, Min, ValidateNested } from 'class-validator';
import { says, type LocalMessage } from '@satisflow/http';

/**
 * Validation rules the feature modules' DTOs share, so that each is decided once.
 */

/**
 * A list of nested DTOs, each validated as `type`. Each item must be an object:
 * class-validator's ValidateNested alone descends into an array where an object
 * belongs and passes it on empty (`[[]]` reached the services and failed there).
 */
export function NestedList(type: () => new () => object, { min = 0, max }: { min?: number; max: number }): PropertyDecorator {
  return applyDecorators(IsArray(), ArrayMinSize(min), ArrayMaxSize(max), IsObject({ each: true }), ValidateNested({ each: true }), Type(type));
}

/**
 * An optional 1-based page number from the query string. Bounded: a page past any list
 * would reach SQL as an OFFSET in exponent notation (page=1e201 was a 500).
 */
export function PageNumber(): PropertyDecorator {
  return applyDecorators(IsOptional(), Type(() => Number), IsInt(), Min(1), Max(1_000_000));
}

/**
 * An optional point in time from the query string, as ISO 8601 (`2026-12-01`,
 * `2026-12-01T08:00:00Z`). `new Date()` alone would take `12` for December 2001 and
 * answer `yesterday` with "must be a Date instance".
 */
export function IsoTime(): PropertyDecorator {
  return applyDecorators(
    IsOptional(),
    Transform(({ value }) => (typeof value === 'string' && isISO8601(value, { strict: true }) ? new Date(value) : value)),
    IsDate({ message: '$property must be an ISO 8601 date or date-time, e.g. 2026-12-01 or 2026-12-01T08:00:00Z' }),
  );
}

/** A field that broke a rule, said in both languages: one entry of a 400's `details`. */
export interface FieldProblem {
  field: string;
  rule: string;
  message: LocalMessage;
}

export function fieldProblem(field: string, rule: string, en: string, zh: string): FieldProblem {
  return { field, rule, message: { en, zh } };
}

/** The 400 for input that breaks field rules checked in code, worded as the validation pipe words its own. */
export function validationFailed(details: FieldProblem[]): BadRequestException {
  return new BadRequestException({
    ...says(`validation failed: ${details.map((d) => `${d.field} (${d.rule})`).join(', ')}`, `校验未通过：${details.map((d) => `${d.field}（${d.rule}）`).join('，')}`),
    details,
  });
}

/**
 * A UUID path parameter. Nest's ParseUUIDPipe answers "Validation failed (uuid is
 * expected)" with no field; this one names the parameter and the rule like every other 400.
 */
@Injectable()
export class UuidPipe extends ParseUUIDPipe {
  override async transform(value: string, metadata: ArgumentMetadata): Promise<string> {
    try {
      return await super.transform(value, metadata);
    } catch {
      const field = metadata.data ?? 'id';
      throw validationFailed([fieldProblem(field, 'isUuid', `${field} must be a UUID`, `${field} 须为 UUID`)]);
    }
  }
}

import { Between, FindOperator, LessThanOrEqual, MoreThanOrEqual } from 'typeorm';

/** A `from`–`to` filter on a time column, both ends included, either optional (undefined: no filter). */
export function timeRange(from?: Date, to?: Date): FindOperator<Date> | undefined {
  if (from && to) return Between(from, to);
  if (from) return MoreThanOrEqual(from);
  if (to) return LessThanOrEqual(to);
  return undefined;
}

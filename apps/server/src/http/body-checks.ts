import { BadRequestException } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';

/**
 * Deepest nesting accepted in a JSON body. Procedure data is a few levels deep;
 * deeper bodies overflow the stack of recursive code (class-transformer, the audit
 * hash) and MariaDB refuses JSON deeper than 100.
 */
export const MAX_BODY_DEPTH = 32;

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const wellFormed = (s: string) => !LONE_SURROGATE.test(s);

export interface BodyProblem {
  field: string;
  rule: 'maxDepth' | 'unicode';
  message: string;
}

/**
 * The first node deeper than `max`, or the first string (value or key) that is not
 * well-formed Unicode: a lone surrogate cannot be stored in UTF-8, it would come back
 * as U+FFFD, so it is refused rather than silently changed. Iterative: the input is hostile.
 */
export function bodyProblem(value: unknown, max: number): BodyProblem | undefined {
  const stack: { v: unknown; path: string; depth: number }[] = [{ v: value, path: '', depth: 0 }];
  while (stack.length) {
    const { v, path, depth } = stack.pop()!;
    const field = path || 'body';
    if (typeof v === 'string' && !wellFormed(v)) return { field, rule: 'unicode', message: `${field} is not well-formed Unicode (lone surrogate)` };
    if (!v || typeof v !== 'object') continue;
    if (depth >= max) return { field, rule: 'maxDepth', message: `the body may be nested at most ${max} levels deep` };
    for (const [k, x] of Object.entries(v)) {
      const child = path ? `${path}.${k}` : k;
      if (!wellFormed(k)) return { field: child, rule: 'unicode', message: `a field name in ${field} is not well-formed Unicode` };
      stack.push({ v: x, path: child, depth: depth + 1 });
    }
  }
  return undefined;
}

/** Runs after the body parsers: a 400 naming the field for bodies too deep or not well-formed Unicode. */
export function checkBody(req: Request, _res: Response, next: NextFunction): void {
  const problem = bodyProblem(req.body, MAX_BODY_DEPTH);
  if (!problem) return next();
  next(new BadRequestException({ message: `validation failed: ${problem.field} (${problem.rule})`, details: [problem] }));
}

/**
 * Express error middleware for the body parsers' errors. Invalid JSON arrives as a
 * SyntaxError whose V8 message quotes the body back; answer in our own words.
 */
export function bodyParseErrors(err: unknown, _req: Request, _res: Response, next: NextFunction): void {
  if ((err as { type?: unknown })?.type !== 'entity.parse.failed') return next(err);
  next(new BadRequestException({ message: 'the request body is not valid JSON', details: [{ field: 'body', rule: 'json', message: 'the body could not be parsed as JSON' }] }));
}

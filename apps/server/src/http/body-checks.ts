import { BadRequestException } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';

/**
 * Deepest nesting accepted in a JSON body. Procedure data is a few levels deep;
 * deeper bodies overflow the stack of recursive code (class-transformer, the audit
 * hash) and MariaDB refuses JSON deeper than 100.
 */
export const MAX_BODY_DEPTH = 32;

/** The dotted path of the first node deeper than `max`, or undefined. Iterative: the input is hostile. */
export function tooDeep(value: unknown, max: number): string | undefined {
  const stack: { v: unknown; path: string; depth: number }[] = [{ v: value, path: '', depth: 0 }];
  while (stack.length) {
    const { v, path, depth } = stack.pop()!;
    if (!v || typeof v !== 'object') continue;
    if (depth >= max) return path || 'body';
    for (const [k, x] of Object.entries(v)) stack.push({ v: x, path: path ? `${path}.${k}` : k, depth: depth + 1 });
  }
  return undefined;
}

/** Runs after the body parsers: refuses bodies nested deeper than MAX_BODY_DEPTH with a 400 naming the field. */
export function limitBodyDepth(req: Request, _res: Response, next: NextFunction): void {
  const field = tooDeep(req.body, MAX_BODY_DEPTH);
  if (!field) return next();
  next(
    new BadRequestException({
      message: `validation failed: ${field} (maxDepth)`,
      details: [{ field, rule: 'maxDepth', message: `the body may be nested at most ${MAX_BODY_DEPTH} levels deep` }],
    }),
  );
}

/**
 * Express error middleware for the body parsers' errors. Invalid JSON arrives as a
 * SyntaxError whose V8 message quotes the body back; answer in our own words.
 */
export function bodyParseErrors(err: unknown, _req: Request, _res: Response, next: NextFunction): void {
  if ((err as { type?: unknown })?.type !== 'entity.parse.failed') return next(err);
  next(new BadRequestException({ message: 'the request body is not valid JSON', details: [{ field: 'body', rule: 'json', message: 'the body could not be parsed as JSON' }] }));
}

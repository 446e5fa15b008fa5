import { BadRequestException } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';

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

/** A preValidation hook, after the body parsers: a 400 naming the field for bodies too deep or not well-formed Unicode. */
export function checkBody(request: FastifyRequest, _reply: FastifyReply, done: (error?: Error) => void): void {
  const problem = bodyProblem(request.body, MAX_BODY_DEPTH);
  if (!problem) return done();
  done(new BadRequestException({ message: `validation failed: ${problem.field} (${problem.rule})`, details: [problem] }));
}

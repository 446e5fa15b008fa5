import { BadRequestException } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';

/**
 * Deepest nesting accepted in a JSON body. Procedure data is a few levels deep;
 * deeper bodies overflow the stack of recursive code (class-transformer, the audit
 * hash) and MariaDB refuses JSON deeper than 100.
 */
export const MAX_BODY_DEPTH = 32;

// a lone surrogate fails this (V8's native check; ES2024, so not in the ES2023 lib's types)
const wellFormed = (s: string) => (s as string & { isWellFormed(): boolean }).isWellFormed();

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
  // a node's path is spelled out only for the answer: building it for every node cost
  // more than the check itself on the busiest route
  interface Node {
    v: unknown;
    key: string;
    parent: Node | undefined;
    depth: number;
  }
  const pathOf = (n: Node | undefined): string => (!n?.parent ? n?.key ?? '' : n.parent.parent ? `${pathOf(n.parent)}.${n.key}` : n.key);
  const stack: Node[] = [{ v: value, key: '', parent: undefined, depth: 0 }];
  while (stack.length) {
    const node = stack.pop()!;
    const { v, depth } = node;
    if (typeof v === 'string') {
      if (wellFormed(v)) continue;
      const field = pathOf(node) || 'body';
      return { field, rule: 'unicode', message: `${field} is not well-formed Unicode (lone surrogate)` };
    }
    if (!v || typeof v !== 'object') continue;
    if (depth >= max) return { field: pathOf(node) || 'body', rule: 'maxDepth', message: `the body may be nested at most ${max} levels deep` };
    for (const k in v) {
      if (!Object.hasOwn(v, k)) continue;
      const child: Node = { v: (v as Record<string, unknown>)[k], key: k, parent: node, depth: depth + 1 };
      if (!wellFormed(k)) return { field: pathOf(child), rule: 'unicode', message: `a field name in ${pathOf(node) || 'body'} is not well-formed Unicode` };
      stack.push(child);
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

import fc from 'fast-check';
import type { Schema } from './sec-openapi';

/** Strings that have broken web applications: SQL, markup, templates, encodings, control characters. */
export const INJECTIONS = [
  "' OR '1'='1",
  "'; DROP TABLE users; --",
  '" OR ""="',
  '1; SELECT * FROM users',
  "admin'--",
  '\\\'; SELECT SLEEP(5); --',
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '"><svg onload=alert(1)>',
  'javascript:alert(1)',
  '{{7*7}}',
  '${7*7}',
  '#{7*7}',
  '<%= 7*7 %>',
  '{{constructor.constructor("return process")()}}',
  '__proto__',
  'constructor',
  '../../../../etc/passwd',
  '%00',
  'a\u0000b',
  '\u0000',
  '\u202Eevil\u202C',
  'Ω≈ç√∫˜µ≤≥÷ 客户满意度 🙂👩‍👩‍👧 ﷽',
  '\uD800', // lone surrogate
  '\uFEFF BOM',
  'line1\r\nline2\ttab',
  '=cmd|\' /C calc\'!A0', // CSV formula injection
  '+SUM(1,2)',
  '@SUM(1)',
  ' ',
  '',
  'NULL',
  'null',
  'undefined',
  'NaN',
  '-1',
  '1e309',
  'x'.repeat(10_000),
];

export const injection = fc.constantFrom(...INJECTIONS);

/** Any string: printable, raw UTF-16 (lone surrogates, NUL), or a known-bad one. */
export const hostileString = fc.oneof(
  injection,
  fc.string({ maxLength: 80 }),
  fc.string({ unit: 'binary', maxLength: 80 }),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.string({ minLength: 200, maxLength: 5000 }),
);

const hostileNumber = fc.oneof(
  fc.integer(),
  fc.double(),
  fc.constantFrom(0, -0, -1, 1e308, -1e308, Number.MAX_SAFE_INTEGER + 2, 2 ** 31, -(2 ** 31) - 1, 0.1, 1e-320),
);

/** JSON text nested `depth` levels deep, built as text: JSON.stringify itself overflows the stack on deep values. */
export function nestedJson(depth: number, kind: 'array' | 'object'): string {
  return kind === 'array' ? `${'['.repeat(depth)}"bottom"${']'.repeat(depth)}` : `${'{"a":'.repeat(depth)}"bottom"${'}'.repeat(depth)}`;
}

export function nested(depth: number, kind: 'array' | 'object'): unknown {
  return JSON.parse(nestedJson(depth, kind));
}

/** Any JSON value a client could send, including shapes no DTO expects. */
export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: hostileString },
  { weight: 2, arbitrary: hostileNumber },
  { weight: 1, arbitrary: fc.constantFrom(null, true, false, [], {}) },
  { weight: 2, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
  { weight: 1, arbitrary: fc.dictionary(fc.oneof(injection, fc.string({ maxLength: 10 })), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 4 }) },
  { weight: 1, arbitrary: fc.constantFrom(nested(50, 'array'), nested(150, 'object'), { __proto__: { admin: true } }, JSON.parse('{"__proto__":{"isAdmin":true}}'), { constructor: { prototype: { x: 1 } } }) },
);

function resolve(schema: Schema, schemas: Record<string, Schema>): Schema {
  return schema.$ref ? resolve(schemas[schema.$ref.replace('#/components/schemas/', '')] ?? {}, schemas) : schema;
}

/**
 * Values shaped like the DTO's OpenAPI schema, each node replaced now and then by a
 * hostile value: mostly-valid requests get past the first rule and reach deeper code.
 */
export function fromSchema(schema: Schema | undefined, schemas: Record<string, Schema>, depth = 0): fc.Arbitrary<unknown> {
  if (!schema || depth > 6) return hostileValue;
  const s = resolve(schema, schemas);
  const pick = (...xs: Schema[]) => fc.oneof(...xs.map((x) => fromSchema(x, schemas, depth + 1)));
  let valid: fc.Arbitrary<unknown>;
  if (s.enum?.length) valid = fc.constantFrom(...s.enum);
  else if (s.oneOf?.length || s.anyOf?.length) valid = pick(...(s.oneOf ?? s.anyOf)!);
  else if (s.allOf?.length) valid = fromSchema(s.allOf[0], schemas, depth + 1);
  else if (s.type === 'string') {
    valid = s.format === 'uuid' ? fc.uuid() : s.format === 'date-time' ? fc.date({ noInvalidDate: true }).map((d) => d.toISOString()) : fc.string({ minLength: s.minLength ?? 0, maxLength: Math.min(s.maxLength ?? 30, 300) });
  } else if (s.type === 'integer') valid = fc.integer({ min: s.minimum ?? -1000, max: s.maximum ?? 1_000_000 });
  else if (s.type === 'number') valid = fc.double({ min: s.minimum ?? -1000, max: s.maximum ?? 1000, noNaN: true });
  else if (s.type === 'boolean') valid = fc.boolean();
  else if (s.type === 'array') valid = fc.array(fromSchema(s.items, schemas, depth + 1), { maxLength: 3 });
  else if (s.properties) {
    const model = Object.fromEntries(Object.entries(s.properties).map(([k, v]) => [k, fromSchema(v, schemas, depth + 1)]));
    valid = fc.record(model, { requiredKeys: (s.required ?? []).filter((k) => k in model) });
  } else valid = fc.jsonValue({ maxDepth: 2 });
  return fc.oneof({ weight: 5, arbitrary: valid }, { weight: 1, arbitrary: hostileValue });
}

/** Every string inside a value (the request), so echoes of the client's own input are not mistaken for leaks. */
export function stringsIn(value: unknown): string[] {
  const out: string[] = [];
  const stack = [value]; // iterative: the fuzzer sends values nested thousands deep
  while (stack.length) {
    const v = stack.pop();
    if (typeof v === 'string') out.push(v);
    else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) (out.push(k), stack.push(x));
  }
  return out;
}

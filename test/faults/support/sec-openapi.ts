import type { TestApp } from '../../support/test-app';

export interface Operation {
  method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  /** OpenAPI path as published, e.g. /api/v1/surveys/{id} */
  path: string;
  /** `POST /surveys/{id}`: method and path without the /api/v1 prefix, the key the tables use. */
  key: string;
  public: boolean;
  bodySchema?: Schema;
  multipart: boolean;
  parameters: { name: string; in: string; required?: boolean; schema?: Schema }[];
}

export type Schema = {
  $ref?: string;
  type?: string;
  enum?: unknown[];
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  additionalProperties?: boolean | Schema;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  format?: string;
  oneOf?: Schema[];
  anyOf?: Schema[];
  allOf?: Schema[];
};

const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;

/** Every operation of the server's own OpenAPI document, so a new endpoint cannot escape the fault tests. */
export async function operations(t: TestApp): Promise<{ ops: Operation[]; schemas: Record<string, Schema> }> {
  const doc = (await t.http.get('/api/docs-json').expect(200)).body;
  const ops: Operation[] = [];
  for (const [path, item] of Object.entries<Record<string, any>>(doc.paths)) {
    for (const method of METHODS) {
      const op = item[method];
      if (!op) continue;
      const content = op.requestBody?.content ?? {};
      ops.push({
        method,
        path,
        key: `${method.toUpperCase()} ${path.replace(/^\/api\/v1/, '')}`,
        public: !op.security,
        bodySchema: content['application/json']?.schema,
        multipart: !!content['multipart/form-data'],
        parameters: op.parameters ?? [],
      });
    }
  }
  return { ops, schemas: doc.components?.schemas ?? {} };
}

/** Fills {param} placeholders of an OpenAPI path. */
export function fillPath(path: string, values: Record<string, string>): string {
  return path.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(values[name] ?? name));
}

/** A response body must never show internals: stack frames, SQL, driver errors or file paths. */
export const LEAKS = [
  /\bat [\w.<>]+ \(/, // stack frame
  /\.(ts|js):\d+/,
  /node_modules/,
  /\/work\/|\/home\/|\/tmp\/|[A-Z]:\\\\/,
  /\b(SELECT|INSERT INTO|UPDATE \w+ SET|DELETE FROM)\b/,
  /SQLITE_|ER_[A-Z_]+|QueryFailedError|TypeError|ReferenceError|RangeError/,
];

/** The first internal detail a reply shows, ignoring echoes of the client's own strings (as sent or JSON-escaped). */
export function leakIn(text: string, echoes: string[] = []): RegExp | undefined {
  for (const s of echoes.filter((x) => x.length > 2).sort((x, y) => y.length - x.length)) text = text.split(JSON.stringify(s).slice(1, -1)).join('').split(s).join('');
  return LEAKS.find((re) => re.test(text));
}

import ExcelJS from 'exceljs';
import fc from 'fast-check';
import type { Response } from 'supertest';
import { startTestApp, TestApp } from '../support/test-app';
import { api } from '../support/api';
import { hostileString, INJECTIONS, stringsIn } from './support/sec-arbitraries';
import { leakIn } from './support/sec-openapi';
import { buildWorld, openCollection, World } from './support/sec-fixture';

const RUNS = Number(process.env.FUZZ_RUNS ?? 40);
const SEED = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : undefined;
const params = { numRuns: RUNS, ...(SEED === undefined ? {} : { seed: SEED }), endOnFailure: true };

type Cell = string | number | boolean | Date | null | { formula: string; result?: unknown } | { error: string } | { richText: { text: string }[] } | { text: string; hyperlink: string };

const CUSTOMER_HEADER = ['code', 'name', 'email', 'phone', 'product_type', 'region'];

function csv(rows: string[][]): Buffer {
  const quote = (v: string) => (/[",\r\n]/.test(v) || /^\s|\s$/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
  return Buffer.from(rows.map((r) => r.map(quote).join(',')).join('\r\n'), 'utf8');
}

async function xlsx(rows: Cell[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet('sheet');
  for (const row of rows) sheet.addRow(row);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const cell: fc.Arbitrary<Cell> = fc.oneof(
  { weight: 5, arbitrary: hostileString },
  { weight: 1, arbitrary: fc.double() },
  { weight: 1, arbitrary: fc.boolean() },
  { weight: 1, arbitrary: fc.date() },
  { weight: 1, arbitrary: fc.constant(null) },
  { weight: 1, arbitrary: fc.constantFrom<Cell>({ formula: 'A1/0' }, { formula: 'HYPERLINK("http://x","y")', result: 'y' }, { error: '#N/A' }, { richText: [{ text: '<b>' }, { text: "'; DROP" }] }, { text: 'link', hyperlink: 'javascript:alert(1)' }) },
);

/** Headers that are right, near-right or wrong, then rows of anything. */
const table = (header: string[]) =>
  fc.tuple(
    fc.oneof(fc.constant(header), fc.shuffledSubarray(header), fc.array(fc.oneof(fc.constantFrom(...header), hostileString), { maxLength: 8 })),
    fc.array(fc.array(cell, { maxLength: 9 }), { maxLength: 12 }),
  );

/** Any file a user (or attacker) can upload as "the CSV or XLSX"; `cells` are its strings, which replies may echo. */
function files(header: string[], validXlsx: Buffer): fc.Arbitrary<{ name: string; bytes: () => Promise<Buffer>; cells?: string[] }> {
  return fc.oneof(
    fc.uint8Array({ maxLength: 3000 }).map((b) => ({ name: 'random.bin', bytes: async () => Buffer.from(b) })),
    table(header).map(([h, rows]) => ({ name: 'fuzz.csv', cells: stringsIn([h, rows]), bytes: async () => csv([h, ...rows.map((r) => r.map((c) => (c === null ? '' : typeof c === 'object' && !(c instanceof Date) ? JSON.stringify(c) : String(c))))]) })),
    table(header).map(([h, rows]) => ({ name: 'fuzz.xlsx', cells: stringsIn([h, rows]), bytes: () => xlsx([h, ...rows]) })),
    fc.integer({ min: 4, max: validXlsx.length - 1 }).map((cut) => ({ name: 'truncated.xlsx', bytes: async () => validXlsx.subarray(0, cut) })),
    fc.uint8Array({ maxLength: 2000 }).map((b) => ({ name: 'fake.xlsx', bytes: async () => Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.from(b)]) })),
    fc.constantFrom('', '\uFEFF', '"unterminated,quote\r\n', 'a,b\r\n1,2,3\r\n', '\u0000\u0000').map((text) => ({ name: 'odd.csv', bytes: async () => Buffer.from(text) })),
  );
}

function judge(res: Response, echoes: string[] = []): string | undefined {
  if (res.status >= 500) return `answered ${res.status}`;
  if (res.status >= 400) {
    if (res.body?.statusCode !== res.status || typeof res.body?.message !== 'string') return `error body has the wrong shape: ${res.text.slice(0, 200)}`;
    const leak = leakIn(res.text, echoes);
    if (leak) return `error body shows internals (${leak}): ${res.text.slice(0, 300)}`;
  }
  return undefined;
}

describe('imports under hostile files: imported whole or rejected whole, never a 5xx', () => {
  let t: TestApp;
  let w: World & { tokens: string[]; recipientIds: string[] };
  beforeAll(async () => {
    t = await startTestApp();
    w = await buildWorld(t, 5);
    await openCollection(t, w);
  });
  afterAll(() => t.close());

  const upload = async (path: string, file: Buffer, name: string) => t.http.post(`/api/v1${path}`).set(await api(t).auth('coordinator')).attach('file', file, name);
  const customers = async () => JSON.stringify((await t.http.get('/api/v1/customers').set(await api(t).auth('coordinator')).expect(200)).body);
  const answers = async () => {
    const c = await api(t).auth('coordinator');
    const recipients = (await t.http.get(`/api/v1/surveys/${w.surveyId}/recipients`).set(c).expect(200)).body;
    const results = (await t.http.get(`/api/v1/surveys/${w.surveyId}/results`).set(c).expect(200)).body;
    return JSON.stringify({ recipients, returned: results.returned, overall: results.overall });
  };

  it('customer import (fast-check over random bytes, CSV, XLSX, truncated and fake workbooks)', async () => {
    const valid = await xlsx([CUSTOMER_HEADER, ['K1', 'Kunde', 'k@example.com', '1', 'pump', 'east']]);
    let before = await customers();
    await fc.assert(
      fc.asyncProperty(files(CUSTOMER_HEADER, valid), async (f) => {
        const res = await upload('/customers/import', await f.bytes(), f.name);
        const problem = judge(res, f.cells);
        if (problem) throw new Error(`${f.name}: ${problem}`);
        const after = await customers();
        if (res.status !== 201 && after !== before) throw new Error(`${f.name} was rejected (${res.status}) but customers changed`);
        before = after;
      }),
      params,
    );
  });

  it('answer import (fast-check): a rejected file leaves every recipient and the results as they were', async () => {
    const header = ['recipient_id', 'email', 'channel', 'comment', 'function', 'overall'];
    const valid = await xlsx([header, [w.recipientIds[0], '', 'paper', 'ok', 8, 9]]);
    let before = await answers();
    await fc.assert(
      fc.asyncProperty(files(header, valid), async (f) => {
        const res = await upload(`/surveys/${w.surveyId}/responses/import`, await f.bytes(), f.name);
        const problem = judge(res, f.cells);
        if (problem) throw new Error(`${f.name}: ${problem}`);
        const after = await answers();
        if (res.status !== 201 && after !== before) throw new Error(`${f.name} was rejected (${res.status}) but answers changed`);
        before = after;
      }),
      params,
    );
  });

  it('one bad row anywhere rejects the whole file with its line, CSV and XLSX alike, and nothing is imported', async () => {
    const bad: [string[], string, string][] = [
      [['', 'no code'], 'code', 'required'],
      [['B-X', ''], 'name', 'required'],
      [['B-Y', 'bad mail', 'not-an-email'], 'email', 'isEmail'],
      [['B-Z'.padEnd(65, 'z'), 'long code'], 'code', 'maxLength'],
    ];
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 30 }), fc.nat(), fc.constantFrom(...bad), fc.boolean(), fc.integer({ min: 0, max: INJECTIONS.length - 1 }), async (n, at, [row, field, rule], asXlsx, pick) => {
        const name = INJECTIONS[pick].trim() || 'plain';
        const good = Array.from({ length: n }, (_, i) => [`G${n}-${i}-${at}`, `${name}`.slice(0, 200), `g${i}@example.com`, '', 'pump', 'east']);
        const pos = at % (n + 1);
        const rows = [...good.slice(0, pos), [...row, ...Array(6 - row.length).fill('')], ...good.slice(pos)];
        const before = await customers();
        const res = asXlsx ? await upload('/customers/import', await xlsx([CUSTOMER_HEADER, ...rows]), 'bad.xlsx') : await upload('/customers/import', csv([CUSTOMER_HEADER, ...rows]), 'bad.csv');
        expect(res.status).toBe(400);
        expect(res.body.details).toContainEqual(expect.objectContaining({ line: pos + 2, field, rule }));
        expect(await customers()).toBe(before);
      }),
      { ...params, numRuns: Math.min(RUNS, 25) },
    );
  });

  it('a multipart body that is cut off, or that has no "file" field, is a 400 naming the field, and nothing is imported', async () => {
    const before = await customers();
    const boundary = 'satisflow-test-boundary';
    const cutOff = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="c.csv"\r\nContent-Type: text/csv\r\n\r\ncode,name\r\nK9,Half`;
    const truncated = await t.http
      .post('/api/v1/customers/import')
      .set(await api(t).auth('coordinator'))
      .set('Content-Type', `multipart/form-data; boundary=${boundary}`)
      .send(cutOff);
    expect({ status: truncated.status, details: truncated.body.details }).toEqual({ status: 400, details: [expect.objectContaining({ field: 'file', rule: 'multipart' })] });
    const otherField = await t.http.post('/api/v1/customers/import').set(await api(t).auth('coordinator')).attach('document', csv([CUSTOMER_HEADER]), 'c.csv');
    expect({ status: otherField.status, details: otherField.body.details }).toEqual({ status: 400, details: [expect.objectContaining({ field: 'file', rule: 'required' })] });
    expect(await customers()).toBe(before);
  });
});

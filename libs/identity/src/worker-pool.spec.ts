import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { WorkerPool } from './worker-pool';

/**
 * A real worker thread: `hold` blocks its thread until the test releases the shared
 * flag (so jobs overlap without any timing), then answers with its threadId;
 * `fail` answers an error; `exit` kills the thread.
 */
const WORKER = `
const { parentPort, threadId } = require('node:worker_threads');
parentPort.on('message', (job) => {
  if (job.op === 'exit') process.exit(3);
  if (job.op === 'fail') return parentPort.postMessage({ id: job.id, error: 'refused' });
  const flag = new Int32Array(job.flag);
  Atomics.wait(flag, 0, 0);
  parentPort.postMessage({ id: job.id, value: threadId });
});
`;

describe('WorkerPool', () => {
  let dir: string;
  let pool: WorkerPool;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'worker-pool-'));
    writeFileSync(join(dir, 'worker.js'), WORKER);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  beforeEach(() => {
    pool = new WorkerPool(join(dir, 'worker.js'), 2);
  });
  afterEach(() => pool.close());

  const held = () => {
    const flag = new SharedArrayBuffer(4);
    return { flag, release: () => (Atomics.store(new Int32Array(flag), 0, 1), Atomics.notify(new Int32Array(flag), 0)) };
  };

  it('runs jobs that overlap on separate threads, never more than its size', async () => {
    const gate = held();
    const answers = [pool.run<number>({ op: 'hold', flag: gate.flag }), pool.run<number>({ op: 'hold', flag: gate.flag }), pool.run<number>({ op: 'hold', flag: gate.flag })];
    expect(pool.threads).toBe(2);
    gate.release();
    const threads = await Promise.all(answers);
    expect(new Set(threads).size).toBe(2);
  });

  it('reuses an idle worker instead of starting another', async () => {
    const gate = held();
    gate.release();
    await pool.run({ op: 'hold', flag: gate.flag });
    await pool.run({ op: 'hold', flag: gate.flag });
    expect(pool.threads).toBe(1);
  });

  it('passes a job error on, and replaces a worker that died, failing only its own jobs', async () => {
    await expect(pool.run({ op: 'fail' })).rejects.toThrow('refused');
    await expect(pool.run({ op: 'exit' })).rejects.toThrow(/exited with 3/);
    expect(pool.threads).toBe(0);
    const gate = held();
    const survivor = pool.run<number>({ op: 'hold', flag: gate.flag });
    // the held worker is busy, so this goes to a second one, which dies
    await expect(pool.run({ op: 'exit' })).rejects.toThrow(/exited with 3/);
    expect(pool.threads).toBe(1);
    gate.release();
    expect(typeof (await survivor)).toBe('number');
    gate.release();
    expect(typeof (await pool.run({ op: 'hold', flag: gate.flag }))).toBe('number');
    expect(pool.threads).toBe(1);
  });
});

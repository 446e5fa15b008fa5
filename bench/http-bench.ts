import { ChildProcess, execFileSync, fork, spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { HttpLoadInput } from './http-load';
import type { Measurement } from './measure';

/**
 * The engine over HTTP as a user gets it: the server in its own process
 * (the built main.js, default role), the load generator in another. Against it, in
 * the same run, the HTTP floor (http-floor-server.ts): the floor's row writes behind
 * a bare node:http server, measured before and after Satisflow (half the time each),
 * so both meet the machine's slow and fast moments alike.
 */
export interface HttpResult extends Measurement {
  serverRssMb: number;
  /** CPU per measured request, in ms, by process (see CpuBudget): where the machine's time goes. */
  cpu: CpuBudget;
  floor: Measurement & { cpu: CpuBudget };
}

/**
 * CPU time per request of each process taking part, in ms, read from /proc over the
 * measured requests only. `serverMainThread`: the server's main thread alone, steadier
 * than throughput on a shared machine, so changes compare by it. `mariadb` is NaN when
 * no local MariaDB process is found (a remote BENCH_MYSQL_URL).
 */
export interface CpuBudget {
  server: number;
  serverMainThread: number;
  mariadb: number;
  loadGenerator: number;
}

/** Starts a server process and resolves once it prints "listening". */
async function startServer(args: string[], env: Record<string, string>): Promise<ChildProcess> {
  const server = spawn(process.execPath, args, { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'inherit'] });
  await new Promise<void>((resolve, reject) => {
    let out = '';
    server.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (out.includes('listening')) resolve();
    });
    server.once('exit', (code) => reject(new Error(`server exited with ${code} before listening`)));
  });
  return server;
}

async function stopServer(server: ChildProcess): Promise<void> {
  if (server.exitCode !== null) return;
  const exited = new Promise((resolve) => server.once('exit', resolve));
  server.kill('SIGTERM');
  await exited;
}

async function call<T>(baseUrl: string, path: string, body: unknown, token?: string): Promise<T> {
  const res = await fetch(`${baseUrl}/api/v1${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`POST ${path} answered ${res.status}: ${await res.text()}`);
  return (await res.json()) as T;
}

/** Resident memory of a process (Linux /proc). */
function rssMb(pid: number): number {
  const line = readFileSync(`/proc/${pid}/status`, 'utf8').split('\n').find((l) => l.startsWith('VmRSS:'));
  return line ? Number(line.replace(/\D+/g, '')) / 1024 : NaN;
}

const CLOCK_TICKS_PER_SEC = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }));

/** CPU time of a whole process, all its threads, user and system, in ms (Linux /proc/<pid>/stat). */
function processCpuMs(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS_PER_SEC;
}

/** CPU time a process's main thread has run, in ms (Linux schedstat, nanoseconds). */
function mainThreadCpuMs(pid: number): number {
  return Number(readFileSync(`/proc/${pid}/task/${pid}/schedstat`, 'utf8').split(' ')[0]) / 1e6;
}

/** The local MariaDB server's pid, if it runs on this machine. */
function mariadbPid(): number | undefined {
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (/^(mariadbd|mysqld)$/.test(readFileSync(`/proc/${entry}/comm`, 'utf8').trim())) return Number(entry);
    } catch {
      // the process ended while we looked
    }
  }
  return undefined;
}

const BUDGET_PARTS: (keyof CpuBudget)[] = ['server', 'serverMainThread', 'mariadb', 'loadGenerator'];

/** A budget whose every part is `part(name)`. */
function budget(part: (name: keyof CpuBudget) => number): CpuBudget {
  return Object.fromEntries(BUDGET_PARTS.map((name) => [name, part(name)])) as unknown as CpuBudget;
}

/** What a CPU budget reads: each part's reader, by name (the load generator's is added by `load`). */
type CpuReaders = Omit<Record<keyof CpuBudget, () => number>, 'loadGenerator'>;

function cpuReaders(serverPid: number, mainThread: boolean): CpuReaders {
  const db = mariadbPid();
  return {
    server: () => processCpuMs(serverPid),
    serverMainThread: () => (mainThread ? mainThreadCpuMs(serverPid) : NaN),
    mariadb: () => (db ? processCpuMs(db) : NaN),
  };
}

/**
 * One run of the load generator in its own process, with the CPU each part of `readers`
 * (and the load generator itself) used over the measured requests, from the end of the
 * warm-up to the result.
 */
function load(input: HttpLoadInput, readers: CpuReaders): Promise<Measurement & { cpu: CpuBudget }> {
  return new Promise((resolve, reject) => {
    const child = fork(join(__dirname, 'http-load.js'), [JSON.stringify(input)], { stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
    const all: Record<keyof CpuBudget, () => number> = { ...readers, loadGenerator: () => processCpuMs(child.pid!) };
    const read = () => budget((name) => all[name]());
    let before: CpuBudget | undefined;
    let result: (Measurement & { cpu: CpuBudget }) | undefined;
    child.on('message', (m: { measuring?: true; result?: Measurement }) => {
      if (m.measuring) before = read();
      if (m.result) {
        const after = read();
        result = { ...m.result, cpu: budget((name) => (after[name] - before![name]) / m.result!.ops) };
      }
    });
    child.once('error', reject);
    child.once('exit', (code) => (result && code === 0 ? resolve(result) : reject(new Error(`http load exited with ${code}`))));
  });
}

/** Two runs as one: operations and CPU over both (their latency figures are not combined). */
function joined(a: Measurement & { cpu: CpuBudget }, b: Measurement & { cpu: CpuBudget }): Measurement & { cpu: CpuBudget } {
  const ops = a.ops + b.ops;
  const cpu = budget((name) => (a.cpu[name] * a.ops + b.cpu[name] * b.ops) / ops);
  return { ops, perSec: ops / (a.ops / a.perSec + b.ops / b.perSec), p50Ms: NaN, p99Ms: NaN, cpu };
}

export async function httpBench(env: Record<string, string>, concurrency: number, durationMs: number, plan: Record<string, unknown>): Promise<HttpResult> {
  const port = 20000 + Math.floor(Math.random() * 20000);
  const baseUrl = `http://127.0.0.1:${port}`;
  // BENCH_SERVER_NODE_ARGS: node options for Satisflow's server alone, e.g. `--cpu-prof` to profile it under the load
  const nodeArgs = (process.env.BENCH_SERVER_NODE_ARGS ?? '').split(' ').filter(Boolean);
  const server = await startServer([...nodeArgs, join(__dirname, '../apps/server/src/main.js')], {
    ...env,
    PORT: String(port),
    DEMO: '1',
    DEMO_DATA: '0',
    BCRYPT_ROUNDS: '4',
    LOG_LEVEL: 'error',
    ADMIN_PASSWORD: 'bench-password',
  });
  const floorPort = port + 1;
  const floorServer = await startServer([join(__dirname, 'http-floor-server.js'), JSON.stringify({ url: env.DATABASE_URL, port: floorPort, concurrency })], {});
  try {
    const login = async (username: string) => (await call<{ accessToken: string }>(baseUrl, '/auth/login', { username, password: 'demo' })).accessToken;
    const [submitter, rejecter] = [await login('survey_manager'), await login('approver')];
    const instances: HttpLoadInput['instances'] = [];
    for (let i = 0; i < concurrency; i++) {
      const view = await call<{ id: string; revision: number }>(baseUrl, '/instances', { procedure: 'annual-satisfaction-survey', title: `http bench ${i}` }, submitter);
      instances.push({ id: view.id, revision: view.revision });
    }
    const floorInput = (revisions: number[]): HttpLoadInput => ({
      baseUrl: `http://127.0.0.1:${floorPort}`,
      durationMs: durationMs / 2,
      submitter: 'none',
      rejecter: 'none',
      instances: revisions.map((revision, i) => ({ id: String(i), revision })),
      plan,
    });
    // the floor server is a single thread's work plus libuv's: its process is what it costs
    const floorReaders = cpuReaders(floorServer.pid!, false);
    const before = await load(floorInput(Array.from({ length: concurrency }, () => 1)), floorReaders);
    const result = await load({ baseUrl, durationMs, submitter, rejecter, instances, plan }, cpuReaders(server.pid!, true));
    const serverRssMb = rssMb(server.pid!);
    // the floor's rows went on from where the first run left them
    const after = await load(floorInput(await call<number[]>(`http://127.0.0.1:${floorPort}`, '/revisions', {})), floorReaders);
    return { ...result, serverRssMb, floor: joined(before, after) };
  } finally {
    await stopServer(server);
    await stopServer(floorServer);
  }
}

import { ChildProcess, execFile, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { HttpLoadInput } from './http-load';
import type { Measurement } from './measure';

/**
 * The engine over HTTP as a user gets it: the server in its own process
 * (the built main.js, default role), the load generator in another.
 */
export interface HttpResult extends Measurement {
  serverRssMb: number;
}

async function startServer(env: Record<string, string>, port: number): Promise<ChildProcess> {
  // BENCH_SERVER_NODE_ARGS: node options for the server alone, e.g. `--cpu-prof` to profile it under the load
  const nodeArgs = (process.env.BENCH_SERVER_NODE_ARGS ?? '').split(' ').filter(Boolean);
  const server = spawn(process.execPath, [...nodeArgs, join(__dirname, '../apps/server/src/main.js')], {
    env: { ...process.env, ...env, PORT: String(port), DEMO: '1', BCRYPT_ROUNDS: '4', LOG_LEVEL: 'error', ADMIN_PASSWORD: 'bench-password' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
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

export async function httpBench(env: Record<string, string>, concurrency: number, durationMs: number, plan: Record<string, unknown>): Promise<HttpResult> {
  const port = 20000 + Math.floor(Math.random() * 20000);
  const baseUrl = `http://127.0.0.1:${port}`;
  const server = await startServer(env, port);
  try {
    const login = async (username: string) => (await call<{ accessToken: string }>(baseUrl, '/auth/login', { username, password: 'demo' })).accessToken;
    const [submitter, rejecter] = [await login('survey_manager'), await login('approver')];
    const instances: HttpLoadInput['instances'] = [];
    for (let i = 0; i < concurrency; i++) {
      const view = await call<{ id: string; revision: number }>(baseUrl, '/instances', { procedure: 'annual-satisfaction-survey', title: `http bench ${i}` }, submitter);
      instances.push({ id: view.id, revision: view.revision });
    }
    const input: HttpLoadInput = { baseUrl, durationMs, submitter, rejecter, instances, plan };
    const stdout = await new Promise<string>((resolve, reject) =>
      execFile(process.execPath, [join(__dirname, 'http-load.js'), JSON.stringify(input)], { maxBuffer: 1 << 20 }, (error, out, err) =>
        error ? reject(new Error(`${error.message}\n${err}`)) : resolve(out),
      ),
    );
    return { ...(JSON.parse(stdout) as Measurement), serverRssMb: rssMb(server.pid!) };
  } finally {
    if (server.exitCode === null) {
      const exited = new Promise((resolve) => server.once('exit', resolve));
      server.kill('SIGTERM');
      await exited;
    }
  }
}

import { ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';

/**
 * The compiled server (see server-build.ts) run as a real child process, so a
 * test can SIGKILL it, restart it, or run several side by side on one database.
 */
export interface ServerProcess {
  name: string;
  child: ChildProcess;
  /** http://127.0.0.1:<port> for API processes; undefined for ROLE=worker. */
  url?: string;
  /** Resolves when the process has exited (at once if it already has). */
  exited(): Promise<void>;
  /** Kills the process (SIGKILL unless told otherwise) and waits for it to exit. */
  kill(signal?: NodeJS.Signals): Promise<void>;
}

/** A free TCP port on the loopback interface. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

/** Polls GET /api/v1/health until it answers 200, or fails after `timeoutMs`. */
export async function waitHealthy(url: string, child: ChildProcess, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) throw new Error(`server at ${url} exited while starting (${child.exitCode ?? child.signalCode})`);
    try {
      if ((await fetch(`${url}/api/v1/health`)).status === 200) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`server at ${url} did not become healthy within ${timeoutMs} ms`);
}

/**
 * Starts `main` with the given environment on top of the test defaults (fast bcrypt,
 * quiet log). ROLE=worker serves no HTTP and is returned at once; any other role gets a
 * free port and is returned once /health answers.
 */
export async function startServerProcess(main: string, name: string, env: Record<string, string>): Promise<ServerProcess> {
  const api = env.ROLE !== 'worker';
  const port = api ? String(env.PORT ?? (await freePort())) : '0';
  const child = spawn(process.execPath, [main], {
    env: { ...process.env, LOG_LEVEL: 'error', BCRYPT_ROUNDS: '4', ...env, PORT: port },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  child.stderr?.on('data', (d) => process.stderr.write(`[${name}] ${d}`));
  const gone = new Promise<void>((r) => child.once('exit', () => r()));
  const proc: ServerProcess = {
    name,
    child,
    url: api ? `http://127.0.0.1:${port}` : undefined,
    exited: () => (child.exitCode !== null || child.signalCode !== null ? Promise.resolve() : gone),
    async kill(signal = 'SIGKILL') {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      await gone;
    },
  };
  if (proc.url) {
    try {
      await waitHealthy(proc.url, child);
    } catch (error) {
      await proc.kill();
      throw error;
    }
  }
  return proc;
}

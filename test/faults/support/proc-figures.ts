import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

/**
 * Keeps the figures a fault test measured (requests, kills, acknowledgements) in
 * test/artifacts/faults/<name>-<dialect>.json and prints them, for the README's
 * Reliability table. Timings are noisy on a shared machine; they are not asserted.
 */
export function recordFigures(name: string, figures: Record<string, unknown>): void {
  const dialect = process.env.DATABASE_URL ? 'mysql' : 'sqlite';
  const dir = resolve(__dirname, '../../artifacts/faults');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, `${name}-${dialect}.json`), `${JSON.stringify(figures, null, 2)}\n`);
  process.stdout.write(`\n[${name} ${dialect}] ${JSON.stringify(figures)}\n`);
}

export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

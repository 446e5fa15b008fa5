import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const ROOT = resolve(__dirname, '../..');
const DIR = join(ROOT, 'test/artifacts/server-build');
const MAIN = join(DIR, 'out/apps/server/src/main.js');
const SOURCES = ['apps/server/src', 'libs', 'workflows'].map((d) => join(ROOT, d));

function newestSource(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestSource(path));
    else if (entry.name.endsWith('.ts')) newest = Math.max(newest, statSync(path).mtimeMs);
  }
  return newest;
}

/**
 * Compiles the server (as `nest build` does, path aliases rewritten) into a
 * private folder, so tests can run it as real, separate processes without
 * touching dist/. Returns the path of main.js. The build is reused while no
 * source is newer, so several test files in one run compile once.
 */
export function buildServerForProcesses(): string {
  if (existsSync(MAIN) && statSync(MAIN).mtimeMs > Math.max(...SOURCES.map(newestSource))) return MAIN;
  mkdirSync(DIR, { recursive: true });
  writeFileSync(
    join(DIR, 'tsconfig.json'),
    JSON.stringify({
      extends: '../../../apps/server/tsconfig.app.json',
      compilerOptions: { outDir: './out', rootDir: '../../..' },
      include: ['../../../apps/server/src', '../../../libs', '../../../workflows'],
    }),
  );
  execFileSync('npx', ['nest', 'build', 'server', '--path', 'test/artifacts/server-build/tsconfig.json'], { cwd: ROOT, stdio: 'pipe' });
  return MAIN;
}

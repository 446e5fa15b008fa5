import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const ROOT = resolve(__dirname, '../..');
const DIR = join(ROOT, 'test/artifacts/server-build');

/**
 * Compiles the server (as `nest build` does, path aliases rewritten) into a
 * private folder, so tests can run it as real, separate processes without
 * touching dist/. Returns the path of main.js.
 */
export function buildServerForProcesses(): string {
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
  return join(DIR, 'out/apps/server/src/main.js');
}

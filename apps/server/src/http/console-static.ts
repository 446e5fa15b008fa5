import fastifyStatic from '@fastify/static';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve, sep } from 'node:path';

/**
 * Paths that never get the console's index.html: the API (with its docs), the respondent
 * form, and files under /assets/ that are not there (a tab opened before a release asking
 * for a part of the old build must get a 404, not HTML in place of a script).
 */
const NOT_CONSOLE = /^\/(?:api|r|assets)(?:[/?]|$)/;

/**
 * The built web console (`npm run build:console` → <repo>/dist/console), found from
 * the compiled server (dist/apps/server/src/http) or the sources (apps/server/src/http, tests).
 * Absent (unit tests, server-only builds): nothing is served, nothing fails.
 */
function consoleRoot(): string | undefined {
  return [resolve(__dirname, '../../../../../dist/console'), resolve(__dirname, '../../../../dist/console')].find((dir) => existsSync(join(dir, 'index.html')));
}

/** Vite names the files under /assets/ by their content's hash: a changed file gets a new name. */
const HASHED = `${sep}assets${sep}`;

/**
 * Files of the console as they are, Brotli or gzip copies to browsers that accept them
 * (written by the console's build), the hashed ones cacheable for a year; every other
 * GET outside the API gets the SPA's index.html (read once: a build does not change
 * under a running server), revalidated on each load so a new release is picked up, and
 * its client-side routes survive a reload. The API's unknown paths stay Nest's JSON 404.
 */
export async function serveConsole(app: NestFastifyApplication): Promise<void> {
  const root = consoleRoot();
  if (!root) return;
  const index = readFileSync(join(root, 'index.html'));
  // Registered directly rather than through useStaticAssets, whose option types predate
  // @fastify/static 10 (setHeaders gets Fastify's reply, not Node's response).
  await app.register(fastifyStatic, {
    root,
    wildcard: false,
    decorateReply: false,
    index: false,
    preCompressed: true,
    maxAge: 0,
    setHeaders: (reply, path) => {
      if (path.includes(HASHED)) reply.header('Cache-Control', 'public, max-age=31536000, immutable');
    },
  });
  app.getHttpAdapter().getInstance().get('/*', (request, reply) => {
    if (NOT_CONSOLE.test(request.url)) return reply.callNotFound();
    return reply.type('text/html; charset=utf-8').header('Cache-Control', 'public, max-age=0').send(index);
  });
}

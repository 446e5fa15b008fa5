import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** Paths that are never the console's: the API (with its docs) and the respondent form. */
const NOT_CONSOLE = /^\/(?:api|r)(?:[/?]|$)/;

/**
 * The built web console (`npm run build:console` → <repo>/dist/console), found from
 * the compiled server (dist/apps/server/src/http) or the sources (apps/server/src/http, tests).
 * Absent (unit tests, server-only builds): nothing is served, nothing fails.
 */
function consoleRoot(): string | undefined {
  return [resolve(__dirname, '../../../../../dist/console'), resolve(__dirname, '../../../../dist/console')].find((dir) => existsSync(join(dir, 'index.html')));
}

/**
 * Files of the console as they are; every other GET outside the API gets the SPA's
 * index.html (read once: a build does not change under a running server), so its
 * client-side routes survive a reload. The API's unknown paths stay Nest's JSON 404.
 */
export function serveConsole(app: NestFastifyApplication): void {
  const root = consoleRoot();
  if (!root) return;
  const index = readFileSync(join(root, 'index.html'));
  app.useStaticAssets({ root, wildcard: false, decorateReply: false, index: false, maxAge: 0 });
  app.getHttpAdapter().getInstance().get('/*', (request, reply) => {
    if (NOT_CONSOLE.test(request.url)) return reply.callNotFound();
    return reply.type('text/html; charset=utf-8').header('Cache-Control', 'public, max-age=0').send(index);
  });
}

import { BadRequestException, UnsupportedMediaTypeException } from '@nestjs/common';
import type { FastifyInstance } from 'fastify';
import { says } from '@satisflow/http';

/** The body formats the server reads; multipart (uploads) is read by the import routes themselves. */
const ACCEPTED_MEDIA_TYPES = ['application/json', 'application/x-www-form-urlencoded', 'text/csv', 'text/plain', 'multipart/form-data'];

const notJson = () =>
  new BadRequestException({
    ...says('the request body is not valid JSON', '请求体不是有效的 JSON'),
    details: [{ field: 'body', rule: 'json', message: says('the body could not be parsed as JSON (an object or an array)', '请求体无法解析为 JSON（须为对象或数组）').message }],
  });

/**
 * Fastify's own JSON parser would answer in its words (and quote V8's); ours keeps
 * the error body of api.md, accepts only an object or an array at the top, as every
 * route takes one, and reads an empty body as `{}` so the DTOs name what is missing.
 * Text and forms are parsed so that a client sending them learns from the validation
 * which fields it lacks; any other Content-Type is a 415 that lists what is accepted,
 * rather than a body silently ignored. Size limits are Fastify's `bodyLimit` (413).
 */
export function registerBodyParsers(fastify: FastifyInstance): void {
  fastify.removeContentTypeParser(['application/json', 'text/plain']);
  fastify.addContentTypeParser('application/json', { parseAs: 'string' }, (_req, body, done) => {
    if (body === '') return done(null, {});
    let value: unknown;
    try {
      value = JSON.parse(body as string);
    } catch {
      return done(notJson(), undefined);
    }
    if (value === null || typeof value !== 'object') return done(notJson(), undefined);
    done(null, value);
  });
  fastify.addContentTypeParser(['text/plain', 'text/csv'], { parseAs: 'string' }, (_req, body, done) => done(null, body));
  fastify.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string' }, (_req, body, done) =>
    done(null, Object.fromEntries(new URLSearchParams(body as string))),
  );
  fastify.addContentTypeParser('*', (req, _payload, done) =>
    done(
      new UnsupportedMediaTypeException(
        says(
          `the body must be one of ${ACCEPTED_MEDIA_TYPES.join(', ')}; got ${req.headers['content-type'] ?? 'no Content-Type'}`,
          `请求体须为以下格式之一：${ACCEPTED_MEDIA_TYPES.join(', ')}；收到的是 ${req.headers['content-type'] ?? '（无 Content-Type）'}`,
        ),
      ),
      undefined,
    ),
  );
}

import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { inLanguage, INTERNAL_ERROR, languageOf, says } from '@satisflow/http';

/** Longest path parameter the router accepts; a mangled respondent link must still reach its readable 404. */
export const MAX_PATH_PARAM_LENGTH = 1024;

const REFUSED = {
  FST_ERR_MAX_PARAM_LENGTH: {
    statusCode: 414,
    error: 'URI Too Long',
    rule: 'maxLength',
    ...says(`a path parameter is longer than ${MAX_PATH_PARAM_LENGTH} characters`, `路径参数超过 ${MAX_PATH_PARAM_LENGTH} 个字符`),
  },
  FST_ERR_BAD_URL: { statusCode: 400, error: 'Bad Request', rule: 'urlEncoding', ...says('the URL is not correctly percent-encoded', '网址的百分号编码不正确') },
} as const;

/**
 * Fastify's router refuses some URLs before any route, hook or Nest filter runs, and its
 * own reply quotes the URL back (which may carry anything a client typed) in a body without
 * `statusCode`. These answer in the error body of api.md instead, naming the rule, never echoing the input.
 */
export function frameworkErrors(error: FastifyError, request: FastifyRequest, reply: FastifyReply): void {
  const known = REFUSED[error.code as keyof typeof REFUSED];
  const lang = languageOf(request.headers['accept-language']);
  const body = known
    ? { statusCode: known.statusCode, error: known.error, message: inLanguage(known.message, lang), details: [{ field: 'path', rule: known.rule, message: inLanguage(known.message, lang) }] }
    : { statusCode: 500, error: 'Internal Server Error', message: inLanguage(INTERNAL_ERROR, lang) };
  void reply.code(body.statusCode).header('content-type', 'application/json; charset=utf-8').send(body);
}

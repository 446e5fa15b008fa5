import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';

/** Longest path parameter the router accepts; a mangled respondent link must still reach its readable 404. */
export const MAX_PATH_PARAM_LENGTH = 1024;

/**
 * Fastify's router refuses some URLs before any route, hook or Nest filter runs, and its
 * own reply quotes the URL back (which may carry anything a client typed) in a body without
 * `statusCode`. These answer in the error body of api.md instead, naming the rule, never echoing the input.
 */
export function frameworkErrors(error: FastifyError, _request: FastifyRequest, reply: FastifyReply): void {
  const [statusCode, error_, message, rule] =
    error.code === 'FST_ERR_MAX_PARAM_LENGTH'
      ? [414, 'URI Too Long', `a path parameter is longer than ${MAX_PATH_PARAM_LENGTH} characters`, 'maxLength']
      : error.code === 'FST_ERR_BAD_URL'
        ? [400, 'Bad Request', 'the URL is not correctly percent-encoded', 'urlEncoding']
        : [500, 'Internal Server Error', 'internal error', undefined];
  const body = { statusCode, error: error_, message, ...(rule ? { details: [{ field: 'path', rule, message }] } : {}) };
  void reply.code(statusCode).header('content-type', 'application/json; charset=utf-8').send(body);
}

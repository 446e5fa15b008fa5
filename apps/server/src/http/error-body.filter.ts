import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { STATUS_CODES } from 'node:http';
import { inLanguage, INTERNAL_ERROR, languageOf, says, type Language } from '@satisflow/http';
import { isDatabaseUnavailable } from '@satisflow/persistence';

interface ErrorBody {
  statusCode: number;
  error: string;
  message: string;
  details?: unknown[];
}

/**
 * Every error leaves as `{ statusCode, error, message, details? }` (api.md), its messages
 * in the caller's language (Accept-Language: zh or en; see libs/http local-message).
 * Anything unexpected becomes a bare 500: the stack and any SQL go to the log,
 * never to the client. A database that is down or unreachable is 503 with
 * Retry-After, so clients retry (events with the same Idempotency-Key) instead of giving up.
 */
const UNAVAILABLE = says('the database is not reachable; try again shortly', '数据库暂时无法连接，请稍后重试').message;

/** A detail entry (`{ field, rule, message, … }`) with its message in `lang`. */
function inLanguageDetail(detail: unknown, lang: Language): unknown {
  if (typeof detail !== 'object' || detail === null || !('message' in detail)) return detail;
  return { ...detail, message: inLanguage((detail as { message: unknown }).message, lang) };
}

@Catch()
export class ErrorBodyFilter implements ExceptionFilter {
  private readonly logger = new Logger('Errors');

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const response = http.getResponse<FastifyReply>();
    const body = this.toBody(exception, languageOf(http.getRequest<FastifyRequest>().headers['accept-language']));
    if (body.statusCode === HttpStatus.SERVICE_UNAVAILABLE) {
      // one line per request during an outage, not a stack each
      this.logger.warn(`503: ${exception instanceof Error ? exception.message : String(exception)}`);
    } else if (body.statusCode >= 500) {
      this.logger.error(exception instanceof Error ? (exception.stack ?? exception.message) : String(exception));
    }
    if (response.sent) return;
    if (body.statusCode === HttpStatus.SERVICE_UNAVAILABLE) response.header('Retry-After', '5');
    response.status(body.statusCode).send(body);
  }

  private toBody(exception: unknown, lang: Language): ErrorBody {
    if (exception instanceof HttpException) {
      const statusCode = exception.getStatus();
      const raw = exception.getResponse();
      const payload = typeof raw === 'string' ? { message: raw } : (raw as Record<string, unknown>);
      const message = Array.isArray(payload.message) ? payload.message.join('; ') : inLanguage(payload.message ?? exception.message, lang);
      const body: ErrorBody = { statusCode, error: STATUS_CODES[statusCode] ?? 'Error', message };
      if (Array.isArray(payload.details)) body.details = payload.details.map((d) => inLanguageDetail(d, lang));
      // a 503 is raised by our own code with a message meant for the client (e.g. /health)
      if (statusCode >= 500 && statusCode !== HttpStatus.SERVICE_UNAVAILABLE) body.message = inLanguage(INTERNAL_ERROR, lang);
      return body;
    }
    if (isDatabaseUnavailable(exception)) {
      return { statusCode: HttpStatus.SERVICE_UNAVAILABLE, error: 'Service Unavailable', message: inLanguage(UNAVAILABLE, lang) };
    }
    return { statusCode: HttpStatus.INTERNAL_SERVER_ERROR, error: 'Internal Server Error', message: inLanguage(INTERNAL_ERROR, lang) };
  }
}

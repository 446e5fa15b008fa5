import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import type { Response } from 'express';
import { STATUS_CODES } from 'node:http';
import { isDatabaseUnavailable } from '@satisflow/persistence';

interface ErrorBody {
  statusCode: number;
  error: string;
  message: string;
  details?: unknown[];
}

/** Body-parser and other Express-level errors carry an HTTP status of their own. */
function expressStatus(exception: unknown): number | undefined {
  const e = exception as { status?: unknown; statusCode?: unknown; type?: unknown };
  const status = typeof e.status === 'number' ? e.status : typeof e.statusCode === 'number' ? e.statusCode : undefined;
  return status && status >= 400 && status < 600 && typeof e.type === 'string' ? status : undefined;
}

const EXPRESS_MESSAGES: Record<string, string> = {
  'entity.too.large': 'the request body is too large',
  'encoding.unsupported': 'the request body encoding is not supported',
};

/**
 * Every error leaves as `{ statusCode, error, message, details? }` (api.md).
 * Anything unexpected becomes a bare 500: the stack and any SQL go to the log,
 * never to the client. A database that is down or unreachable is 503 with
 * Retry-After, so clients retry (events with the same Idempotency-Key) instead of giving up.
 */
@Catch()
export class ErrorBodyFilter implements ExceptionFilter {
  private readonly logger = new Logger('Errors');

  catch(exception: unknown, host: ArgumentsHost): void {
    const response = host.switchToHttp().getResponse<Response>();
    const body = this.toBody(exception);
    if (body.statusCode === HttpStatus.SERVICE_UNAVAILABLE) {
      // one line per request during an outage, not a stack each
      this.logger.warn(`503: ${exception instanceof Error ? exception.message : String(exception)}`);
    } else if (body.statusCode >= 500) {
      this.logger.error(exception instanceof Error ? (exception.stack ?? exception.message) : String(exception));
    }
    if (response.headersSent) return;
    if (body.statusCode === HttpStatus.SERVICE_UNAVAILABLE) response.setHeader('Retry-After', '5');
    response.status(body.statusCode).json(body);
  }

  private toBody(exception: unknown): ErrorBody {
    if (exception instanceof HttpException) {
      const statusCode = exception.getStatus();
      const raw = exception.getResponse();
      const payload = typeof raw === 'string' ? { message: raw } : (raw as Record<string, unknown>);
      const message = Array.isArray(payload.message) ? payload.message.join('; ') : String(payload.message ?? exception.message);
      const body: ErrorBody = { statusCode, error: STATUS_CODES[statusCode] ?? 'Error', message };
      if (Array.isArray(payload.details)) body.details = payload.details;
      // a 503 is raised by our own code with a message meant for the client (e.g. /health)
      if (statusCode >= 500 && statusCode !== HttpStatus.SERVICE_UNAVAILABLE) body.message = 'internal error';
      return body;
    }
    if (isDatabaseUnavailable(exception)) {
      return { statusCode: HttpStatus.SERVICE_UNAVAILABLE, error: 'Service Unavailable', message: 'the database is not reachable; try again shortly' };
    }
    const status = expressStatus(exception);
    if (status) {
      const type = String((exception as { type: string }).type);
      return { statusCode: status, error: STATUS_CODES[status] ?? 'Error', message: EXPRESS_MESSAGES[type] ?? (STATUS_CODES[status] ?? 'error').toLowerCase() };
    }
    return { statusCode: HttpStatus.INTERNAL_SERVER_ERROR, error: 'Internal Server Error', message: 'internal error' };
  }
}

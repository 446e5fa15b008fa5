import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import type { Response } from 'express';
import { STATUS_CODES } from 'node:http';

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
 * never to the client.
 */
@Catch()
export class ErrorBodyFilter implements ExceptionFilter {
  private readonly logger = new Logger('Errors');

  catch(exception: unknown, host: ArgumentsHost): void {
    const response = host.switchToHttp().getResponse<Response>();
    const body = this.toBody(exception);
    if (body.statusCode >= 500) {
      this.logger.error(exception instanceof Error ? (exception.stack ?? exception.message) : String(exception));
    }
    if (response.headersSent) return;
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
      if (statusCode >= 500) body.message = 'internal error';
      return body;
    }
    const status = expressStatus(exception);
    if (status) {
      const type = String((exception as { type: string }).type);
      return { statusCode: status, error: STATUS_CODES[status] ?? 'Error', message: EXPRESS_MESSAGES[type] ?? (STATUS_CODES[status] ?? 'error').toLowerCase() };
    }
    return { statusCode: HttpStatus.INTERNAL_SERVER_ERROR, error: 'Internal Server Error', message: 'internal error' };
  }
}

import { CallHandler, ExecutionContext, Injectable, Logger, NestInterceptor } from '@nestjs/common';
import type { Request, Response } from 'express';
import { Observable, tap } from 'rxjs';

/** One structured line per request: method, route, status, duration, user. Bodies are never logged. */
@Injectable()
export class RequestLogInterceptor implements NestInterceptor {
  private readonly logger = new Logger('HTTP');

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const started = process.hrtime.bigint();
    const http = context.switchToHttp();
    const request = http.getRequest<Request & { actor?: { username: string } }>();
    const log = (status: number) =>
      this.logger.log({
        method: request.method,
        path: request.path,
        status,
        ms: Number(process.hrtime.bigint() - started) / 1e6,
        user: request.actor?.username,
      });
    return next.handle().pipe(
      tap({
        next: () => log(http.getResponse<Response>().statusCode),
        error: (e: { status?: number }) => log(typeof e?.status === 'number' ? e.status : 500),
      }),
    );
  }
}

import { Injectable, Logger, NestMiddleware } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';

/**
 * One structured line per request when it is over: method, path, status, duration,
 * user, and `aborted` when the client went away before the whole answer was sent
 * ('close' comes for both; 'finish' alone would miss those). Bodies are never logged.
 * A middleware rather than an interceptor: any global interceptor puts every request
 * through Nest's RxJS interceptor chain (HTTP bench at c16: 967–1,007 events/s with
 * it, 1,158–1,271 without).
 */
@Injectable()
export class RequestLogMiddleware implements NestMiddleware {
  private readonly logger = new Logger('HTTP');

  use(req: Request & { user?: { username: string } }, res: Response, next: NextFunction): void {
    const started = process.hrtime.bigint();
    res.once('close', () =>
      this.logger.log({
        method: req.method,
        path: req.path,
        status: res.statusCode,
        ms: Number(process.hrtime.bigint() - started) / 1e6,
        user: req.user?.username,
        ...(res.writableFinished ? {} : { aborted: true }),
      }),
    );
    next();
  }
}

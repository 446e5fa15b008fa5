import { Injectable, NestMiddleware, UnsupportedMediaTypeException } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';

/** The body formats the server parses (create-app.ts) or uploads (multipart). */
const ACCEPTED = ['application/json', 'application/x-www-form-urlencoded', 'text/csv', 'text/plain', 'multipart/form-data'];

/**
 * A body in a format no parser reads would otherwise reach the DTOs as an empty
 * object, and a request made only of optional fields would "succeed" having
 * ignored everything the client sent. 415 says so instead.
 */
@Injectable()
export class MediaTypeMiddleware implements NestMiddleware {
  use(req: Request, _res: Response, next: NextFunction): void {
    const hasBody = req.headers['transfer-encoding'] !== undefined || Number(req.headers['content-length'] ?? 0) > 0;
    if (hasBody && !req.is(ACCEPTED)) {
      throw new UnsupportedMediaTypeException(`the body must be one of ${ACCEPTED.join(', ')}; got ${req.headers['content-type'] ?? 'no Content-Type'}`);
    }
    next();
  }
}

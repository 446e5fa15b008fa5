import {
  BadRequestException,
  type CallHandler,
  type ExecutionContext,
  Injectable,
  mixin,
  type NestInterceptor,
  PayloadTooLargeException,
  StreamableFile,
  type Type,
} from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
// types only: the plugin's request.isMultipart() and request.file()
import type {} from '@fastify/multipart';
import { says } from './local-message';

export * from './local-message';

/**
 * HTTP pieces the feature controllers share: files going out as downloads, files
 * coming in as multipart uploads. The rest of the HTTP layer is the server's (apps/server/src/http).
 */

/**
 * A document to save: its type, and a file name the browser offers. Names may hold
 * Chinese (a survey period such as "2026上半年"), which a header cannot carry as is:
 * `filename*` gives the name in UTF-8 (RFC 6266/8187) to every current browser, and
 * `filename` an ASCII stand-in for older clients.
 */
export function attachment(body: Buffer, type: string, name: string): StreamableFile {
  // a name built from user text (a period such as "2026/Q4" or "../x") stays one file name: no folders, no control characters
  const filename = name.replace(/[/\\\x00-\x1f\x7f]/g, '_').replace(/^\.+/, '_');
  const ascii = filename.replace(/[^\x20-\x7e]|["\\]/g, '_');
  // RFC 8187 leaves ' ( ) * out of what may stand unencoded; encodeURIComponent does not
  const utf8 = encodeURIComponent(filename).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  const disposition = `attachment; filename="${ascii}"; filename*=UTF-8''${utf8}`;
  return new StreamableFile(body, { type, length: body.length, disposition });
}

/**
 * The bytes of the multipart file field `field`, or undefined when the request carries
 * none (not multipart, or another field). Over `maxBytes` is a 413; a multipart body
 * that cannot be read is the client's 400, never a 500.
 */
export async function readUpload(request: FastifyRequest, field: string, maxBytes: number): Promise<Buffer | undefined> {
  if (!request.isMultipart()) return undefined;
  try {
    const part = await request.file({ limits: { fileSize: maxBytes, files: 1 } });
    if (!part || part.fieldname !== field) return undefined;
    return await part.toBuffer();
  } catch (error) {
    const mb = Math.round(maxBytes / 2 ** 20);
    if ((error as { statusCode?: number }).statusCode === 413) throw new PayloadTooLargeException(says(`the file is larger than the ${mb} MB allowed`, `文件超过允许的 ${mb} MB`));
    // the parser's reason is English only: the Chinese quotes it
    const reason = error instanceof Error ? error.message : String(error);
    throw new BadRequestException({
      ...says('the multipart body could not be read', '无法读取 multipart 请求体'),
      details: [{ field, rule: 'multipart', message: says(reason, `无法读取 multipart 请求体：${reason}`).message }],
    });
  }
}

/**
 * Lets a route take its list as the bare JSON array api.md documents, as well as wrapped
 * in `{ [field]: [...] }` (the DTO's shape, which the console sends): an array body is
 * wrapped before the validation pipe sees it, so both are validated alike.
 */
export function ListBody(field: string): Type<NestInterceptor> {
  @Injectable()
  class ListBodyInterceptor implements NestInterceptor {
    intercept(context: ExecutionContext, next: CallHandler) {
      const request = context.switchToHttp().getRequest<FastifyRequest>();
      if (Array.isArray(request.body)) request.body = { [field]: request.body };
      return next.handle();
    }
  }
  return mixin(ListBodyInterceptor);
}

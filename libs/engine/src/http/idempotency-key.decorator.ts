import { createParamDecorator, type ExecutionContext } from '@nestjs/common';

/**
 * The Idempotency-Key header (blank counts as absent), documented once by the route's
 * @ApiHeader: Nest's @Headers() would add a second, required copy to the OpenAPI document.
 */
export const IdempotencyKey = createParamDecorator((_: unknown, ctx: ExecutionContext): string | undefined => {
  const value = ctx.switchToHttp().getRequest<{ headers: Record<string, string | string[] | undefined> }>().headers['idempotency-key'];
  return typeof value === 'string' ? value.trim() || undefined : undefined;
});

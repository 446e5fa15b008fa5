import { ApiError } from '../api/client';
import type { TextKey } from '../i18n/dictionary';

/** A headline for an API failure (403/409/422 get their own) and the server's reason. */
export function describeError(error: unknown, t: (key: TextKey) => string): { title: string; detail: string } {
  if (error instanceof ApiError) {
    const heading: Partial<Record<number, TextKey>> = { 403: 'error.403', 409: 'error.409', 422: 'error.422' };
    const key = heading[error.status];
    const fields = error.details.map((d) => d.message).filter(Boolean).join('; ');
    return { title: t(key ?? 'error.generic'), detail: [error.message, fields].filter(Boolean).join(' — ') };
  }
  if (error instanceof TypeError) return { title: t('error.network'), detail: error.message };
  return { title: t('error.generic'), detail: error instanceof Error ? error.message : String(error) };
}

import { createHash, randomBytes } from 'node:crypto';

/** A personal link token: 192 random bits, unguessable; only its hash is stored. */
export function newToken(): { token: string; hash: string } {
  const token = randomBytes(24).toString('base64url');
  return { token, hash: hashToken(token) };
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

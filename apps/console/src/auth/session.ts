import type { User } from '../api/types';

/** The login session lives in sessionStorage: it ends with the browser tab. */
const TOKEN = 'satisflow.token';
const USER = 'satisflow.user';

export function getToken(): string | null {
  return sessionStorage.getItem(TOKEN);
}

export function getSessionUser(): User | null {
  const raw = sessionStorage.getItem(USER);
  if (!raw || !getToken()) return null;
  try {
    return JSON.parse(raw) as User;
  } catch {
    return null;
  }
}

export function saveSession(token: string, user: User): void {
  sessionStorage.setItem(TOKEN, token);
  sessionStorage.setItem(USER, JSON.stringify(user));
}

export function clearSession(): void {
  sessionStorage.removeItem(TOKEN);
  sessionStorage.removeItem(USER);
}

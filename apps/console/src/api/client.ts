import { clearSession, getToken } from '../auth/session';
import type { LineProblem } from './types';

/** An error body as the API sends it: `{ statusCode, error, message, details? }`. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly details: LineProblem[] = [],
  ) {
    super(message);
  }
}

type Listener = () => void;
const unauthorizedListeners = new Set<Listener>();

/** Called when any request gets 401: the session is gone, the app shows the login page. */
export function onUnauthorized(listener: Listener): () => void {
  unauthorizedListeners.add(listener);
  return () => unauthorizedListeners.delete(listener);
}

const BASE = '/api/v1';

async function toError(res: Response): Promise<ApiError> {
  let body: { message?: unknown; details?: unknown } = {};
  try {
    body = (await res.json()) as typeof body;
  } catch {
    /* not JSON */
  }
  const message = Array.isArray(body.message) ? body.message.join('; ') : typeof body.message === 'string' ? body.message : res.statusText;
  const details = Array.isArray(body.details) ? (body.details as LineProblem[]) : [];
  return new ApiError(res.status, message, details);
}

/** Fetches an API path with the session token; 401 ends the session. */
export async function request(path: string, init: RequestInit = {}): Promise<Response> {
  const headers = new Headers(init.headers);
  const token = getToken();
  if (token) headers.set('Authorization', `Bearer ${token}`);
  // the server says why it refuses in the console's language (the page's lang follows the UI's)
  headers.set('Accept-Language', document.documentElement.lang || 'zh-CN');
  // FormData sets its own multipart boundary
  if (init.body !== undefined && !(init.body instanceof FormData) && !headers.has('Content-Type')) headers.set('Content-Type', 'application/json');
  const res = await fetch(`${BASE}${path}`, { ...init, headers });
  if (res.status === 401 && token) {
    clearSession();
    unauthorizedListeners.forEach((l) => l());
  }
  if (!res.ok) throw await toError(res);
  return res;
}

export async function getJson<T>(path: string): Promise<T> {
  return (await request(path)).json() as Promise<T>;
}

export async function sendJson<T>(method: 'POST' | 'PUT' | 'PATCH', path: string, body?: unknown, headers?: HeadersInit): Promise<T> {
  const res = await request(path, { method, body: body === undefined ? undefined : JSON.stringify(body), headers });
  const text = await res.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

export async function getText(path: string): Promise<string> {
  return (await request(path)).text();
}

/** The name a Content-Disposition offers: the UTF-8 `filename*` (a Chinese period, say) before the ASCII `filename`. */
function offeredName(disposition: string): string | undefined {
  const utf8 = /filename\*=UTF-8''([^;\s]+)/i.exec(disposition)?.[1];
  return utf8 ? decodeURIComponent(utf8) : /filename="?([^";]+)"?/.exec(disposition)?.[1];
}

/** Downloads an authenticated file (a plain link cannot carry the bearer token). */
export async function download(path: string, fallbackName: string): Promise<void> {
  const res = await request(path);
  const name = offeredName(res.headers.get('Content-Disposition') ?? '') ?? fallbackName;
  const url = URL.createObjectURL(await res.blob());
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

export function query(params: Record<string, string | number | boolean | undefined | null>): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== '') q.set(k, String(v));
  const s = q.toString();
  return s ? `?${s}` : '';
}

/** Uploads one file as multipart field "file" (the import endpoints). */
export async function upload<T>(path: string, file: File): Promise<T> {
  const body = new FormData();
  body.append('file', file);
  return (await request(path, { method: 'POST', body })).json() as Promise<T>;
}

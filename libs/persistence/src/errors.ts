/** True when a write failed on a unique index, in either dialect. */
export function isUniqueViolation(error: unknown): boolean {
  const e = error as { code?: string; driverError?: { code?: string } };
  const code = e.driverError?.code ?? e.code;
  return code === 'ER_DUP_ENTRY' || code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
}

/** Driver codes that mean the database could not be reached or went away, not that the statement was wrong. */
const UNAVAILABLE = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  'PROTOCOL_CONNECTION_LOST',
  'PROTOCOL_ENQUEUE_AFTER_FATAL_ERROR',
  'ER_SERVER_SHUTDOWN',
  'ER_CONNECTION_KILLED',
  'ER_CON_COUNT_ERROR',
  'ER_TOO_MANY_USER_CONNECTIONS',
  'SQLITE_BUSY',
  'SQLITE_CANTOPEN',
  'SQLITE_IOERR',
  'SQLITE_FULL',
]);

/**
 * True when a failure means "the database is down or overloaded, try again later"
 * (→ 503), in either dialect. mysql2 marks every error that broke the connection
 * `fatal` (including "Can't add new command when connection is in closed state", which has no code).
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  const e = error as { code?: unknown; fatal?: unknown; driverError?: { code?: unknown; fatal?: unknown } };
  if (!e || typeof e !== 'object') return false;
  const code = e.driverError?.code ?? e.code;
  if (typeof code === 'string' && (UNAVAILABLE.has(code) || code.startsWith('SQLITE_IOERR'))) return true;
  return (e.driverError?.fatal ?? e.fatal) === true;
}

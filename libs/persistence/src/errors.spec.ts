import { QueryFailedError } from 'typeorm';
import { isDatabaseUnavailable, isUniqueViolation } from './errors';

describe('database error classification', () => {
  const driver = (code: string | undefined, fatal?: boolean) => Object.assign(new Error('x'), { code, ...(fatal ? { fatal } : {}) });

  it('treats a lost or refused connection as unavailable, in either dialect', () => {
    expect(isDatabaseUnavailable(driver('ECONNREFUSED', true))).toBe(true);
    expect(isDatabaseUnavailable(new QueryFailedError('SELECT 1', [], driver('PROTOCOL_CONNECTION_LOST', true)))).toBe(true);
    expect(isDatabaseUnavailable(new QueryFailedError('SELECT 1', [], driver('ER_CONNECTION_KILLED')))).toBe(true);
    // mysql2 reuses a dead pooled connection with this message and no code, only `fatal`
    expect(isDatabaseUnavailable(Object.assign(new Error("Can't add new command when connection is in closed state"), { fatal: true }))).toBe(true);
    expect(isDatabaseUnavailable(driver('SQLITE_IOERR_WRITE'))).toBe(true);
    expect(isDatabaseUnavailable(driver('SQLITE_BUSY'))).toBe(true);
  });

  it('leaves errors of the statement itself alone', () => {
    expect(isDatabaseUnavailable(new QueryFailedError('INSERT', [], driver('ER_DUP_ENTRY')))).toBe(false);
    expect(isDatabaseUnavailable(driver('SQLITE_CONSTRAINT_UNIQUE'))).toBe(false);
    expect(isDatabaseUnavailable(new Error('plain'))).toBe(false);
    expect(isDatabaseUnavailable(undefined)).toBe(false);
    expect(isUniqueViolation(new QueryFailedError('INSERT', [], driver('ER_DUP_ENTRY')))).toBe(true);
  });
});

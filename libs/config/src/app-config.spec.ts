import { ConfigError, loadConfig } from './app-config';

describe('loadConfig', () => {
  it('applies defaults for an empty environment', () => {
    const c = loadConfig({});
    expect(c.PORT).toBe(3000);
    expect(c.DATABASE_PATH).toBe('./data/satisflow.sqlite');
    expect(c.dialect).toBe('sqlite');
    expect(c.DEMO).toBe(false);
    expect(c.runsApi && c.runsWorker).toBe(true);
  });

  it('selects MySQL from DATABASE_URL and parses flags and numbers', () => {
    const c = loadConfig({ DATABASE_URL: 'mysql://root@127.0.0.1:3306/test', DEMO: '1', PORT: '8080', ROLE: 'worker' });
    expect(c.dialect).toBe('mysql');
    expect(c.DEMO).toBe(true);
    expect(c.PORT).toBe(8080);
    expect(c.runsApi).toBe(false);
  });

  it('lets LOG_LEVEL and every more severe level through', () => {
    expect(loadConfig({}).logLevels).toEqual(['fatal', 'error', 'warn', 'log']);
    expect(loadConfig({ LOG_LEVEL: 'error' }).logLevels).toEqual(['fatal', 'error']);
    expect(loadConfig({ LOG_LEVEL: 'verbose' }).logLevels).toHaveLength(6);
    expect(loadConfig({ LOG_LEVEL: 'silent' }).logLevels).toEqual([]);
  });

  it('names every bad variable and its rule', () => {
    expect.assertions(4);
    try {
      loadConfig({ PORT: 'abc', DATABASE_URL: 'postgres://x/y', ROLE: 'boss' });
    } catch (e) {
      expect(e).toBeInstanceOf(ConfigError);
      const msg = (e as Error).message;
      expect(msg).toContain('PORT');
      expect(msg).toContain('DATABASE_URL must look like mysql://');
      expect(msg).toContain('ROLE');
    }
  });
});

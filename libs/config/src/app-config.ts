import type { LogLevel } from '@nestjs/common';
import { plainToInstance, Transform } from 'class-transformer';
import {
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  Max,
  Min,
  MinLength,
  validateSync,
} from 'class-validator';

const toInt = ({ value }: { value: unknown }) =>
  value === undefined || value === '' ? undefined : Number(value);
const toBool = ({ value }: { value: unknown }) =>
  value === undefined || value === '' ? undefined : ['1', 'true', 'yes', 'on'].includes(String(value).toLowerCase());

/** Nest's levels, most severe first. */
const LOG_LEVELS: LogLevel[] = ['fatal', 'error', 'warn', 'log', 'debug', 'verbose'];

/**
 * Every setting the process reads, validated once at start-up so a typo fails
 * loudly with the variable's name instead of surfacing later as odd behaviour.
 */
export class AppConfig {
  @IsOptional() @Transform(toInt) @IsInt() @Min(0) @Max(65535)
  PORT = 3000;

  @IsOptional() @IsString()
  @Matches(/^mysql:\/\/[^/]+\/[A-Za-z0-9_$-]+(\?.*)?$/, {
    message: 'DATABASE_URL must look like mysql://user:pass@host:3306/database',
  })
  DATABASE_URL?: string;

  @IsOptional() @IsString() @MinLength(1)
  DATABASE_PATH = './data/satisflow.sqlite';

  @IsOptional() @IsString() @MinLength(8, { message: 'ADMIN_PASSWORD must be at least 8 characters' })
  ADMIN_PASSWORD?: string;

  @IsOptional() @Transform(toBool)
  DEMO = false;

  /** With DEMO: also the demo organisation's customers and last year's completed survey (off: the demo users only, as the tests want). */
  @IsOptional() @Transform(toBool)
  DEMO_DATA = true;

  @IsOptional() @IsString() @MinLength(32, { message: 'JWT_SECRET must be at least 32 characters' })
  JWT_SECRET?: string;

  /** Access-token lifetime in seconds. */
  @IsOptional() @Transform(toInt) @IsInt() @Min(60)
  JWT_TTL_SECONDS = 8 * 3600;

  @IsOptional() @IsString() @Matches(/^smtps?:\/\//, { message: 'SMTP_URL must start with smtp:// or smtps://' })
  SMTP_URL?: string;

  /** `all` runs API and background worker in one process; split them to scale out on MySQL. */
  @IsOptional() @IsIn(['all', 'api', 'worker'])
  ROLE: 'all' | 'api' | 'worker' = 'all';

  @IsOptional() @IsIn(['json', 'text'])
  LOG_FORMAT: 'json' | 'text' = 'json';

  @IsOptional() @IsIn(['error', 'warn', 'log', 'debug', 'verbose', 'silent'])
  LOG_LEVEL: 'error' | 'warn' | 'log' | 'debug' | 'verbose' | 'silent' = 'log';

  /** bcrypt cost for new password hashes. */
  @IsOptional() @Transform(toInt) @IsInt() @Min(4) @Max(15)
  BCRYPT_ROUNDS = 10;

  /** How often the worker looks for due timers and pending outbox rows (ms). */
  @IsOptional() @Transform(toInt) @IsInt() @Min(10)
  WORKER_POLL_MS = 1000;

  /** Month (1–12) whose first day opens the annual survey plan for the survey manager (domain.md §2 step 1). */
  @IsOptional() @Transform(toInt) @IsInt() @Min(1) @Max(12)
  SURVEY_REMINDER_MONTH = 3;

  /** Largest accepted request body (bytes); larger bodies get 413. */
  @IsOptional() @Transform(toInt) @IsInt() @Min(1024)
  BODY_LIMIT_BYTES = 1024 * 1024;

  /** Audit trails of at least this many records are verified by worker threads in parallel (one per core, at most 4). */
  @IsOptional() @Transform(toInt) @IsInt() @Min(1)
  AUDIT_VERIFY_PARALLEL_FROM = 100_000;

  /** Failed logins per username and client address before further attempts get 429 (brute-force brake). */
  @IsOptional() @Transform(toInt) @IsInt() @Min(1)
  LOGIN_MAX_FAILURES = 10;

  /** How long (seconds) failed logins are remembered; a blocked username+address may retry after it. */
  @IsOptional() @Transform(toInt) @IsInt() @Min(1)
  LOGIN_FAILURE_WINDOW_SECONDS = 15 * 60;

  /**
   * Lets tests and demos move the engine clock over HTTP. Never on in production:
   * deadlines are evidence, and a movable clock would make them meaningless.
   */
  @IsOptional() @Transform(toBool)
  TEST_CLOCK = false;

  get dialect(): 'mysql' | 'sqlite' {
    return this.DATABASE_URL ? 'mysql' : 'sqlite';
  }

  /** The levels LOG_LEVEL lets through, most severe first. */
  get logLevels(): LogLevel[] {
    return this.LOG_LEVEL === 'silent' ? [] : LOG_LEVELS.slice(0, LOG_LEVELS.indexOf(this.LOG_LEVEL) + 1);
  }

  get runsApi(): boolean {
    return this.ROLE !== 'worker';
  }

  get runsWorker(): boolean {
    return this.ROLE !== 'api';
  }
}

export class ConfigError extends Error {}

/** Reads and validates the environment; throws a ConfigError naming every bad variable. */
export function loadConfig(env: Record<string, string | undefined> = process.env): AppConfig {
  const known = Object.keys(new AppConfig());
  const picked: Record<string, string> = {};
  for (const key of known) {
    const value = env[key];
    if (value !== undefined && value !== '') picked[key] = value;
  }
  const config = plainToInstance(AppConfig, picked, { exposeDefaultValues: true });
  const errors = validateSync(config, { forbidUnknownValues: false });
  if (errors.length) {
    const lines = errors.map(
      (e) => `  ${e.property}=${JSON.stringify(e.value)}: ${Object.values(e.constraints ?? {}).join('; ')}`,
    );
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  return config;
}

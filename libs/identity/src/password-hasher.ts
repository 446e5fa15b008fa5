import { Injectable, OnModuleDestroy } from '@nestjs/common';
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { AppConfig } from '@satisflow/config';
import * as bcrypt from 'bcryptjs';
import type { BcryptJob } from './bcrypt.worker';
import { WorkerPool } from './worker-pool';

/** The compiled worker; absent when running from TypeScript sources (ts-jest), where bcrypt runs in this thread. */
const WORKER_FILE = join(__dirname, 'bcrypt.worker.js');

/**
 * bcrypt in plain JavaScript: installs from the registry with no native build.
 * It is slow on purpose, and in JavaScript that slowness would hold the event
 * loop (every signed step re-checks a password), so the compiled server runs it
 * in worker threads, one per core up to four, and other requests go on meanwhile.
 * With one worker, sixteen signatures at once queued behind each other while a
 * core was still free: a signed approval took ~25 ms at c16 against 2.6 ms alone.
 */
@Injectable()
export class PasswordHasher implements OnModuleDestroy {
  private readonly pool = existsSync(WORKER_FILE) ? new WorkerPool(WORKER_FILE, Math.min(availableParallelism(), 4)) : undefined;

  constructor(private readonly config: AppConfig) {}

  hash(password: string): Promise<string> {
    return this.run<string>('hash', password, this.config.BCRYPT_ROUNDS);
  }

  verify(password: string, hash: string): Promise<boolean> {
    return this.run<boolean>('compare', password, hash);
  }

  async onModuleDestroy(): Promise<void> {
    await this.pool?.close();
  }

  private run<T>(op: BcryptJob['op'], password: string, hashOrRounds: string | number): Promise<T> {
    if (!this.pool) {
      return (op === 'hash' ? bcrypt.hash(password, hashOrRounds as number) : bcrypt.compare(password, hashOrRounds as string)) as Promise<T>;
    }
    return this.pool.run<T>({ op, password, hashOrRounds } satisfies Omit<BcryptJob, 'id'>);
  }
}

import { Injectable, OnModuleDestroy } from '@nestjs/common';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { AppConfig } from '@satisflow/config';
import * as bcrypt from 'bcryptjs';
import type { BcryptJob } from './bcrypt.worker';

/** The compiled worker; absent when running from TypeScript sources (ts-jest), where bcrypt runs in this thread. */
const WORKER_FILE = join(__dirname, 'bcrypt.worker.js');
const HAS_WORKER = existsSync(WORKER_FILE);

/**
 * bcrypt in plain JavaScript: installs from the registry with no native build.
 * It is slow on purpose, and in JavaScript that slowness would hold the event
 * loop (every signed step re-checks a password), so the compiled server runs it
 * in a worker thread and other requests go on meanwhile.
 */
@Injectable()
export class PasswordHasher implements OnModuleDestroy {
  private worker?: Worker;
  private nextId = 1;
  private readonly waiting = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();

  constructor(private readonly config: AppConfig) {}

  hash(password: string): Promise<string> {
    return this.run<string>('hash', password, this.config.BCRYPT_ROUNDS);
  }

  verify(password: string, hash: string): Promise<boolean> {
    return this.run<boolean>('compare', password, hash);
  }

  async onModuleDestroy(): Promise<void> {
    await this.worker?.terminate();
    this.worker = undefined;
  }

  private run<T>(op: BcryptJob['op'], password: string, hashOrRounds: string | number): Promise<T> {
    const worker = this.ensureWorker();
    if (!worker) {
      return (op === 'hash' ? bcrypt.hash(password, hashOrRounds as number) : bcrypt.compare(password, hashOrRounds as string)) as Promise<T>;
    }
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      this.waiting.set(id, { resolve: resolve as (v: unknown) => void, reject });
      if (this.waiting.size === 1) worker.ref(); // keep the process up only while a job is out
      worker.postMessage({ id, op, password, hashOrRounds } satisfies BcryptJob);
    });
  }

  private ensureWorker(): Worker | undefined {
    if (this.worker || !HAS_WORKER) return this.worker;
    const worker = new Worker(WORKER_FILE);
    worker.unref();
    worker.on('message', (m: { id: number; value?: unknown; error?: string }) => {
      const job = this.waiting.get(m.id);
      this.waiting.delete(m.id);
      if (this.waiting.size === 0) worker.unref();
      if (m.error !== undefined) job?.reject(new Error(m.error));
      else job?.resolve(m.value);
    });
    worker.on('error', (error) => this.fail(worker, error));
    worker.on('exit', (code) => this.fail(worker, new Error(`bcrypt worker exited with ${code}`)));
    this.worker = worker;
    return worker;
  }

  /** A dead worker fails what it held; the next call starts a new one. */
  private fail(worker: Worker, error: Error): void {
    if (this.worker !== worker) return;
    this.worker = undefined;
    for (const job of this.waiting.values()) job.reject(error);
    this.waiting.clear();
  }
}

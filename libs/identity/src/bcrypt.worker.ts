/**
 * bcrypt off the event loop (see PasswordHasher): answers { id, op, password, hashOrRounds }
 * with { id, value } or { id, error }.
 */
import { parentPort } from 'node:worker_threads';
import * as bcrypt from 'bcryptjs';

export interface BcryptJob {
  id: number;
  op: 'hash' | 'compare';
  password: string;
  /** the stored hash (compare) or the cost (hash) */
  hashOrRounds: string | number;
}

parentPort!.on('message', (job: BcryptJob) => {
  const work = job.op === 'hash' ? bcrypt.hash(job.password, job.hashOrRounds as number) : bcrypt.compare(job.password, job.hashOrRounds as string);
  work.then(
    (value) => parentPort!.postMessage({ id: job.id, value }),
    (error: unknown) => parentPort!.postMessage({ id: job.id, error: error instanceof Error ? error.message : String(error) }),
  );
});

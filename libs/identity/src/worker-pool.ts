import { Worker } from 'node:worker_threads';

interface Pending {
  resolve: (value: unknown) => void;
  reject: (error: Error) => void;
}

interface Slot {
  worker: Worker;
  jobs: Map<number, Pending>;
}

/** What a pooled worker answers for a job `{ id, ...job }`. */
export interface WorkerAnswer {
  id: number;
  value?: unknown;
  error?: string;
}

/**
 * Up to `size` worker threads running `file`, started as jobs need them: a job goes
 * to an idle worker, or a new one while fewer than `size` run, or else the one with
 * the fewest jobs out. Workers keep the process alive only while they hold a job.
 * A worker that dies fails the jobs it held; the next job starts another.
 */
export class WorkerPool {
  private readonly slots: Slot[] = [];
  private nextId = 1;

  constructor(
    private readonly file: string,
    private readonly size: number,
  ) {}

  run<T>(job: object): Promise<T> {
    const slot = this.pick();
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      slot.jobs.set(id, { resolve: resolve as (value: unknown) => void, reject });
      if (slot.jobs.size === 1) slot.worker.ref();
      slot.worker.postMessage({ ...job, id });
    });
  }

  /** Workers running now (for tests and diagnostics). */
  get threads(): number {
    return this.slots.length;
  }

  async close(): Promise<void> {
    const slots = this.slots.splice(0);
    await Promise.all(slots.map((s) => s.worker.terminate()));
  }

  private pick(): Slot {
    const idle = this.slots.find((s) => s.jobs.size === 0);
    if (idle) return idle;
    if (this.slots.length < this.size) return this.start();
    return this.slots.reduce((least, s) => (s.jobs.size < least.jobs.size ? s : least));
  }

  private start(): Slot {
    const slot: Slot = { worker: new Worker(this.file), jobs: new Map() };
    slot.worker.unref();
    slot.worker.on('message', (m: WorkerAnswer) => {
      const job = slot.jobs.get(m.id);
      slot.jobs.delete(m.id);
      if (slot.jobs.size === 0) slot.worker.unref();
      if (m.error !== undefined) job?.reject(new Error(m.error));
      else job?.resolve(m.value);
    });
    slot.worker.on('error', (error) => this.fail(slot, error));
    slot.worker.on('exit', (code) => this.fail(slot, new Error(`worker ${this.file} exited with ${code}`)));
    this.slots.push(slot);
    return slot;
  }

  private fail(slot: Slot, error: Error): void {
    const at = this.slots.indexOf(slot);
    if (at === -1) return;
    this.slots.splice(at, 1);
    for (const job of slot.jobs.values()) job.reject(error);
    slot.jobs.clear();
  }
}

import { close, fdatasync, openSync } from 'node:fs';
import { Logger } from '@nestjs/common';

/**
 * Syncs SQLite's write-ahead log to disk from libuv's thread pool, shortly after
 * commits, the way a database's WAL writer does it in the background.
 *
 * With `synchronous = NORMAL` a COMMIT writes its pages to the WAL in the page cache
 * only; SQLite syncs the WAL when it checkpoints (every 1,000 pages), inside
 * whichever COMMIT crosses that line, on the event loop. That sync flushed ~4 MB
 * (a transition writes 10–12 pages) and took ~7.5 ms of the checkpoint's ~8 ms on
 * the slower benchmark machine: ~90 µs a transition at one client, and the COMMIT's
 * p99. Synced a few milliseconds after each commit, off the event loop, the WAL has
 * little left to sync when the checkpoint comes. It also bounds what a power loss can
 * take of the TransactionRunner's commits (every instance start and event, the worker's
 * steps, survey writes) to the last few milliseconds instead of everything since the
 * last checkpoint; writes outside it (user administration, settings) are synced with the
 * next one. SQLite's WAL stays consistent either way.
 *
 * fdatasync on a file of its own descriptor takes none of SQLite's locks.
 */
export class WalFlusher {
  private readonly logger = new Logger(WalFlusher.name);
  private fd: number | undefined;
  private timer: NodeJS.Timeout | undefined;
  private syncing = false;
  /** A commit came while a sync was running: sync again once it ends. */
  private again = false;
  private closed = false;

  private readonly delayMs: number;
  private readonly syncFile: typeof fdatasync;

  /** `delayMs`: how long commits gather before one sync takes them all; `sync`: fs.fdatasync (tests count its calls). */
  constructor(
    private readonly walPath: string,
    { delayMs = 5, sync = fdatasync }: { delayMs?: number; sync?: typeof fdatasync } = {},
  ) {
    this.delayMs = delayMs;
    this.syncFile = sync;
  }

  /** Called after each COMMIT. */
  committed(): void {
    if (this.timer || this.closed) return;
    this.timer = setTimeout(() => this.sync(), this.delayMs);
    this.timer.unref();
  }

  close(): void {
    this.closed = true;
    clearTimeout(this.timer);
    this.timer = undefined;
    // a sync in flight closes the descriptor when it ends
    if (!this.syncing) this.release();
  }

  private sync(): void {
    this.timer = undefined;
    if (this.syncing) {
      this.again = true;
      return;
    }
    const fd = this.open();
    if (fd === undefined) return;
    this.syncing = true;
    this.syncFile(fd, (error) => {
      this.syncing = false;
      if (error) this.logger.warn(`syncing ${this.walPath} failed: ${error.message} (the next checkpoint syncs it)`);
      if (this.closed) return this.release();
      if (this.again) {
        this.again = false;
        this.committed();
      }
    });
  }

  /** The WAL exists once the connection has written; the descriptor stays valid across WAL restarts. */
  private open(): number | undefined {
    if (this.fd === undefined) {
      try {
        this.fd = openSync(this.walPath, 'r');
      } catch {
        return undefined; // not written yet (or an in-memory database): nothing to sync
      }
    }
    return this.fd;
  }

  private release(): void {
    if (this.fd !== undefined) close(this.fd, () => undefined);
    this.fd = undefined;
  }
}

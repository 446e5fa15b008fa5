import { Injectable } from '@nestjs/common';

/**
 * Rung once a transaction that wrote outbox rows has committed, so this process's
 * worker performs them now rather than at its next poll. A transition without side
 * effects rings nothing (waking the worker after every event cost the HTTP path a
 * worker cycle of queries per request). The dispatcher rings; the worker listens. An event
 * that starts children has them performed before its answer (`performNow`).
 */
@Injectable()
export class OutboxBell {
  private listener?: () => void;
  private performer?: (ids: string[]) => Promise<void>;

  listen(listener: () => void): void {
    this.listener = listener;
  }

  ring(): void {
    this.listener?.();
  }

  /** The outbox processor, which performs rows on request (set in every process role: an API process answers events too). */
  performWith(performer: (ids: string[]) => Promise<void>): void {
    this.performer = performer;
  }

  /** Performs these committed rows now, unless another worker has done them already; resolves when done. */
  async performNow(ids: string[]): Promise<void> {
    await this.performer?.(ids);
  }
}

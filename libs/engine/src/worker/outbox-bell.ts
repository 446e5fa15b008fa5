import { Injectable } from '@nestjs/common';

/**
 * Rung once a transaction that wrote outbox rows has committed, so this process's
 * worker performs them now rather than at its next poll. A transition without side
 * effects rings nothing (waking the worker after every event cost the HTTP path a
 * worker cycle of queries per request). The dispatcher rings; the worker listens.
 */
@Injectable()
export class OutboxBell {
  private listener?: () => void;

  listen(listener: () => void): void {
    this.listener = listener;
  }

  ring(): void {
    this.listener?.();
  }
}

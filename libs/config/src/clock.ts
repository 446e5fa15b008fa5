import { Injectable } from '@nestjs/common';

/**
 * The one source of "now" for everything that records or compares time.
 * Tests (and demos with TEST_CLOCK=1) move it forward; because deadlines are
 * rows compared against this clock, moving it makes due timers fire for real.
 * The offset lives in the database in multi-process set-ups (see ClockSync in the engine).
 */
@Injectable()
export class Clock {
  private offsetMs = 0;

  now(): Date {
    return new Date(Date.now() + this.offsetMs);
  }

  get offset(): number {
    return this.offsetMs;
  }

  setOffset(ms: number): void {
    this.offsetMs = ms;
  }
}

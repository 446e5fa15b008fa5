/** Throughput and latency percentiles of an operation run from `concurrency` loops. */
export interface Measurement {
  ops: number;
  perSec: number;
  p50Ms: number;
  p99Ms: number;
}

export type Operation = (worker: number, i: number) => Promise<void>;

/**
 * Measures one operation over one or more rounds: figures of two systems taken in
 * alternating rounds share the machine's slow and fast moments, so their ratio moves
 * less between runs than figures taken one after the other.
 */
export class Meter {
  private readonly latencies: number[] = [];
  private elapsedMs = 0;

  constructor(
    private readonly concurrency: number,
    private readonly op: Operation,
  ) {}

  async round(durationMs: number): Promise<void> {
    this.elapsedMs += await this.run(durationMs, this.latencies);
  }

  /** Runs the operation without recording: JIT compilation, caches and pools settle first. */
  async warmUp(durationMs: number): Promise<void> {
    await this.run(durationMs, []);
  }

  private async run(durationMs: number, latencies: number[]): Promise<number> {
    const started = performance.now();
    const end = started + durationMs;
    await Promise.all(
      Array.from({ length: this.concurrency }, async (_, worker) => {
        for (let i = 0; performance.now() < end; i++) {
          const t0 = performance.now();
          await this.op(worker, i);
          latencies.push(performance.now() - t0);
        }
      }),
    );
    return performance.now() - started;
  }

  result(): Measurement {
    const sorted = [...this.latencies].sort((a, b) => a - b);
    const pct = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? 0;
    return { ops: sorted.length, perSec: (sorted.length * 1000) / this.elapsedMs, p50Ms: pct(0.5), p99Ms: pct(0.99) };
  }
}

export interface Figure {
  name: string;
  value: number;
  unit: string;
}

/** Runs `op` from `concurrency` loops for `durationMs` and returns throughput and latency percentiles. */
export interface Measurement {
  ops: number;
  perSec: number;
  p50Ms: number;
  p99Ms: number;
}

export async function measure(concurrency: number, durationMs: number, op: (worker: number, i: number) => Promise<void>): Promise<Measurement> {
  const latencies: number[] = [];
  const end = performance.now() + durationMs;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async (_, worker) => {
      for (let i = 0; performance.now() < end; i++) {
        const t0 = performance.now();
        await op(worker, i);
        latencies.push(performance.now() - t0);
      }
    }),
  );
  const elapsed = performance.now() - started;
  latencies.sort((a, b) => a - b);
  const pct = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))] ?? 0;
  return { ops: latencies.length, perSec: (latencies.length * 1000) / elapsed, p50Ms: pct(0.5), p99Ms: pct(0.99) };
}

export interface Figure {
  name: string;
  value: number;
  unit: string;
}

import { closeSync, fstatSync, openSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';

/**
 * What a system call costs on this machine, in ns: the best of five loops of `fstat`.
 * The two kinds of machine these benchmarks run on differ most in this (a COMMIT is
 * system calls, a floor transaction little else), so each run records it beside its figures.
 */
export function systemCallNs(): number {
  const fd = openSync(__filename, 'r');
  try {
    const loops = 20_000;
    let best = Infinity;
    for (let round = 0; round < 5; round++) {
      const t0 = process.hrtime.bigint();
      for (let i = 0; i < loops; i++) fstatSync(fd);
      best = Math.min(best, Number(process.hrtime.bigint() - t0) / loops);
    }
    return Math.round(best);
  } finally {
    closeSync(fd);
  }
}

export interface Machine {
  cores: number;
  cpu: string | undefined;
  memGb: number;
  node: string;
  systemCallNs: number;
}

export function describeMachine(): Machine {
  return { cores: cpus().length, cpu: cpus()[0]?.model, memGb: Math.round(totalmem() / 2 ** 30), node: process.version, systemCallNs: systemCallNs() };
}

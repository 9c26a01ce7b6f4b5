// Benchmark support: runs a baseline and a candidate side by side, alternating, and reports medians and their ratio.

import { performance } from 'node:perf_hooks';

export interface Comparison {
  name: string;
  unit: 'µs/chunk' | 'ms';
  baseline: () => Promise<unknown>;
  candidate: () => Promise<unknown>;
  /** Divides each timing, e.g. by the chunks in one turn, to report a per-chunk figure. */
  perIteration?: number;
  rounds?: number;
}

export type Measurement = (comparison: Comparison) => Promise<void>;

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;

async function time(work: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await work();
  return performance.now() - start;
}

export function createMeasurement(report: (line: string) => void): Measurement {
  return async ({ name, unit, baseline, candidate, perIteration = 1, rounds = 7 }) => {
    // One warm-up each, then alternate so drift (GC, CPU frequency) hits both sides alike.
    await baseline();
    await candidate();
    const base: number[] = [];
    const cand: number[] = [];
    for (let i = 0; i < rounds; i++) {
      base.push(await time(baseline));
      cand.push(await time(candidate));
    }
    const scale = unit === 'µs/chunk' ? 1000 / perIteration : 1;
    const b = median(base) * scale;
    const c = median(cand) * scale;
    report(`${name}`);
    report(
      `  baseline ${b.toFixed(2)} ${unit}   measured ${c.toFixed(2)} ${unit}   ratio ${(c / b).toFixed(2)}×   (median of ${rounds})`,
    );
  };
}

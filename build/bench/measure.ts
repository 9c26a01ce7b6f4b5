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

export interface SampleComparison {
  name: string;
  unit: 'ms' | 'MB' | 'nodes';
  baseline: number[];
  candidate: number[];
  /** Which figure of each side to compare: the median, or the 95th percentile for latencies. */
  statistic?: 'median' | 'p95';
}

const percentile = (values: number[], p: number) =>
  [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(values.length * p))] ?? NaN;

/** Reports figures measured elsewhere (inside a page, say), in the same shape as `Measurement`. */
export function reportSamples(report: (line: string) => void, comparison: SampleComparison): void {
  const statistic = comparison.statistic ?? 'median';
  const pick = (values: number[]) => (statistic === 'p95' ? percentile(values, 0.95) : median(values));
  const b = pick(comparison.baseline);
  const c = pick(comparison.candidate);
  report(comparison.name);
  report(
    `  baseline ${b.toFixed(2)} ${comparison.unit}   measured ${c.toFixed(2)} ${comparison.unit}   ratio ${(c / b).toFixed(2)}×   (${statistic} of ${comparison.baseline.length} and ${comparison.candidate.length})`,
  );
}

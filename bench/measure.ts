// Timing helpers every benchmark shares: one run's milliseconds, and the median of several.
export function time(run: () => unknown): number {
  const start = performance.now();
  run();
  return performance.now() - start;
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] as number;
}

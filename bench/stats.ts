/** Latencies of a series of turns, in milliseconds. */
export interface Series {
  samples: number;
  p50: number;
  p99: number;
  mean: number;
  /** Storage requests per turn (mean). */
  storageCalls: number;
  /** Storage requests per table over the whole series ("People 400, ActionItems 200"). */
  storageByTable?: string;
  /** Echo turns sent one before each turn of the series: the baseline under the same conditions. */
  baseline?: Series;
}

/** The q-quantile (0..1) of sorted values, nearest rank. */
export function quantile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[rank] ?? Number.NaN;
}

/** Summarises latencies and storage calls. */
export function summarise(latencies: readonly number[], storageCalls: number): Series {
  const sorted = [...latencies].sort((a, b) => a - b);
  const mean = sorted.reduce((sum, value) => sum + value, 0) / Math.max(1, sorted.length);
  return { samples: sorted.length, p50: round(quantile(sorted, 0.5)), p99: round(quantile(sorted, 0.99)), mean: round(mean), storageCalls: round(storageCalls / Math.max(1, sorted.length)) };
}

/** Two decimals. */
export function round(value: number, digits = 2): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}

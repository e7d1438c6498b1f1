/** Order statistics for the benchmark's repeated measurements. */

/** The q-quantile (0..1) by the nearest-rank method: p95 of 50 samples is the 48th smallest. */
export function percentile(samples: readonly number[], q: number): number {
    if (samples.length === 0) return NaN;
    const sorted = [...samples].sort((a, b) => a - b);
    const rank = Math.max(1, Math.ceil(q * sorted.length));
    return sorted[rank - 1];
}

export function median(samples: readonly number[]): number {
    if (samples.length === 0) return NaN;
    const sorted = [...samples].sort((a, b) => a - b);
    const mid = sorted.length >> 1;
    return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** Milliseconds with one decimal: enough for the table, stable in the JSON. */
export function ms(value: number): number {
    return Math.round(value * 10) / 10;
}

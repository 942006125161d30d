/**
 * Latency histogram with 0.1 ms buckets up to 10 s (values above land in the
 * last bucket). Cheap to record into from hot observer callbacks, exact enough
 * for p50/p95/p99 at the millisecond scale we report.
 */
const BUCKET_MS = 0.1;
const BUCKETS = 100_000;

export class Histogram {
  constructor() {
    this.counts = new Uint32Array(BUCKETS);
    this.count = 0;
    this.sum = 0;
    this.max = 0;
  }

  record(ms) {
    const value = Math.max(ms, 0);
    const index = Math.min(BUCKETS - 1, Math.floor(value / BUCKET_MS));
    this.counts[index]++;
    this.count++;
    this.sum += value;
    if (value > this.max) this.max = value;
  }

  reset() {
    this.counts.fill(0);
    this.count = 0;
    this.sum = 0;
    this.max = 0;
  }

  /** The value below which `fraction` of the samples fall (upper edge of its bucket), in ms. */
  quantile(fraction) {
    if (this.count === 0) return Number.NaN;
    const target = Math.ceil(this.count * fraction);
    let seen = 0;
    for (let i = 0; i < BUCKETS; i++) {
      seen += this.counts[i];
      if (seen >= target) return (i + 1) * BUCKET_MS;
    }
    return this.max;
  }

  summary() {
    return {
      samples: this.count,
      p50: round(this.quantile(0.5)),
      p95: round(this.quantile(0.95)),
      p99: round(this.quantile(0.99)),
      max: round(this.max),
      mean: this.count ? round(this.sum / this.count) : Number.NaN,
    };
  }
}

export function round(value, digits = 1) {
  if (!Number.isFinite(value)) return value;
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}

export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) return Number.NaN;
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

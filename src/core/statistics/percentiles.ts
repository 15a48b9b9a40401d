/**
 * Quantiles by linear interpolation between the closest ranks: numpy's default (`method='linear'`), R's type 7 and
 * Excel's PERCENTILE.INC. For sorted values x₀ … x₍ₙ₋₁₎ and q in [0, 1]:
 *
 *   h = (n − 1) · q,  quantile = x⌊h⌋ + (h − ⌊h⌋) · (x⌊h⌋₊₁ − x⌊h⌋)
 *
 * So the median of [1, 2, 3, 4] is 2.5 and p95 of 1…10 is 9.55. One value → every quantile is that value. No values →
 * NaN (the caller shows "—"). Non-finite inputs (NaN, ±Infinity) are refused: filter missing measurements first.
 */

function checkQ(q: number): void {
  if (!(q >= 0 && q <= 1)) throw new RangeError(`a quantile needs q in [0, 1]; got ${q}`)
}

function sortedCopy(values: readonly number[]): Float64Array {
  const sorted = Float64Array.from(values)
  for (const v of sorted) {
    if (!Number.isFinite(v)) throw new RangeError(`quantiles need finite numbers; got ${v} (filter out missing measurements first)`)
  }
  return sorted.sort()
}

/** The q-quantile of values that are already sorted ascending (no copy, no checks). */
export function quantileSorted(sorted: ArrayLike<number>, q: number): number {
  const n = sorted.length
  if (n === 0) return Number.NaN
  const h = (n - 1) * q
  const lo = Math.floor(h)
  const hi = Math.min(lo + 1, n - 1)
  const a = sorted[lo] as number
  const b = sorted[hi] as number
  return a + (h - lo) * (b - a)
}

/** The q-quantile (q in [0, 1]) of any values; numpy's default linear method. */
export function quantile(values: readonly number[], q: number): number {
  checkQ(q)
  return quantileSorted(sortedCopy(values), q)
}

export interface PercentileSummary {
  count: number
  min: number
  max: number
  mean: number
  p50: number
  p95: number
  p99: number
}

/** p50 / p95 / p99 with count, min, max and mean in one sort. Empty input → count 0 and NaN everywhere else. */
export function percentileSummary(values: readonly number[]): PercentileSummary {
  const sorted = sortedCopy(values)
  const n = sorted.length
  if (n === 0) return { count: 0, min: Number.NaN, max: Number.NaN, mean: Number.NaN, p50: Number.NaN, p95: Number.NaN, p99: Number.NaN }
  let sum = 0
  for (const v of sorted) sum += v
  return {
    count: n,
    min: sorted[0] as number,
    max: sorted[n - 1] as number,
    mean: sum / n,
    p50: quantileSorted(sorted, 0.5),
    p95: quantileSorted(sorted, 0.95),
    p99: quantileSorted(sorted, 0.99)
  }
}

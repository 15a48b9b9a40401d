/** A pass rate with its Wilson score interval (default 95%). */
export interface RateInterval {
  passed: number
  total: number
  /** passed ÷ total; NaN when total is 0. */
  rate: number
  low: number
  high: number
}

/** z for a two-sided 95% interval. */
export const Z_95 = 1.959963984540054

/**
 * Wilson score interval for a binomial proportion: honest near 0 and 1 and for small samples, unlike the normal
 * approximation. With no trials the interval is the whole [0, 1].
 */
export function wilsonInterval(passed: number, total: number, z = Z_95): RateInterval {
  if (!Number.isInteger(passed) || !Number.isInteger(total) || passed < 0 || total < 0 || passed > total) {
    throw new RangeError(`wilsonInterval needs whole numbers 0 ≤ passed ≤ total; got passed=${passed}, total=${total}`)
  }
  if (total === 0) return { passed, total, rate: Number.NaN, low: 0, high: 1 }
  const p = passed / total
  const z2 = z * z
  const denominator = 1 + z2 / total
  const centre = (p + z2 / (2 * total)) / denominator
  const half = (z * Math.sqrt((p * (1 - p)) / total + z2 / (4 * total * total))) / denominator
  // Exact ends: no passes → the interval starts at 0; all passed → it ends at 1 (rounding would miss them).
  const low = passed === 0 ? 0 : Math.max(0, centre - half)
  const high = passed === total ? 1 : Math.min(1, centre + half)
  return { passed, total, rate: p, low, high }
}

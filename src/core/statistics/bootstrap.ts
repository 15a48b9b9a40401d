import { quantileSorted } from './percentiles'
import { sfc32State } from './random'

/**
 * Paired bootstrap confidence interval for the difference of mean scores, B − A, over the same cases.
 *
 * Each case i gives a paired difference dᵢ = scoreBᵢ − scoreAᵢ (pairing removes the case-difficulty variance that
 * two independent samples would carry). Each resample draws n cases with replacement and takes the mean of their
 * d; the interval is the percentile method: the α/2 and 1 − α/2 quantiles of the resampled means (linear
 * interpolation, as in `quantile`). Deterministic: a seeded sfc32 generator (default seed 1), so the same input
 * always gives the same interval. Indices are ⌊u · n / 2³²⌋ for a 32-bit u: the bias is below n / 2³², negligible.
 *
 * Edge cases: no pairs → NaN difference and interval (nothing to compare); one pair or identical differences → a
 * zero-width interval at the observed difference (the bootstrap cannot see variance it was not given — read it
 * with the case count). Scores must be finite numbers.
 */
export interface BootstrapOptions {
  /** Resamples; default 10,000. */
  resamples?: number
  /** Confidence level; default 0.95. */
  confidence?: number
  /** PRNG seed; default 1. */
  seed?: number
}

export interface BootstrapInterval {
  /** Number of paired cases. */
  n: number
  meanA: number
  meanB: number
  /** Observed mean of B − A. */
  diff: number
  low: number
  high: number
  confidence: number
  resamples: number
  seed: number
}

export function pairedBootstrapMeanDiff(
  scoresA: readonly number[],
  scoresB: readonly number[],
  options: BootstrapOptions = {}
): BootstrapInterval {
  const resamples = options.resamples ?? 10_000
  const confidence = options.confidence ?? 0.95
  const seed = options.seed ?? 1
  if (scoresA.length !== scoresB.length) {
    throw new RangeError(`a paired bootstrap needs the same cases in both runs; got ${scoresA.length} and ${scoresB.length} scores`)
  }
  if (!Number.isInteger(resamples) || resamples < 1) throw new RangeError(`resamples must be a whole number ≥ 1; got ${resamples}`)
  if (!(confidence > 0 && confidence < 1)) throw new RangeError(`confidence must be between 0 and 1; got ${confidence}`)
  const n = scoresA.length
  const base = { n, confidence, resamples, seed }
  if (n === 0) return { ...base, meanA: Number.NaN, meanB: Number.NaN, diff: Number.NaN, low: Number.NaN, high: Number.NaN }

  const d = new Float64Array(n)
  let sumA = 0
  let sumB = 0
  for (let i = 0; i < n; i++) {
    const a = scoresA[i] as number
    const b = scoresB[i] as number
    if (!Number.isFinite(a) || !Number.isFinite(b)) throw new RangeError(`scores must be finite numbers; case ${i} has A=${a}, B=${b}`)
    sumA += a
    sumB += b
    d[i] = b - a
  }
  const meanA = sumA / n
  const meanB = sumB / n
  const diff = meanB - meanA

  const means = resampleMeans(d, resamples, seed)
  means.sort()
  const alpha = 1 - confidence
  return { ...base, meanA, meanB, diff, low: quantileSorted(means, alpha / 2), high: quantileSorted(means, 1 - alpha / 2) }
}

/**
 * Means of `resamples` bootstrap resamples of d. The hot loop (n × resamples draws) runs sfc32 inline on local
 * integers — the same sequence as `sfc32Next` (a test checks it), without a call and array access per draw.
 */
function resampleMeans(d: Float64Array, resamples: number, seed: number): Float64Array {
  const n = d.length
  const st = sfc32State(seed)
  let a = (st[0] as number) | 0
  let b = (st[1] as number) | 0
  let c = (st[2] as number) | 0
  let e = (st[3] as number) | 0
  const scale = n / 4294967296
  const means = new Float64Array(resamples)
  for (let r = 0; r < resamples; r++) {
    let sum = 0
    for (let j = 0; j < n; j++) {
      const t = (((a + b) | 0) + e) | 0
      e = (e + 1) | 0
      a = b ^ (b >>> 9)
      b = (c + (c << 3)) | 0
      c = (((c << 21) | (c >>> 11)) + t) | 0
      sum += d[((t >>> 0) * scale) | 0] as number
    }
    means[r] = sum / n
  }
  return means
}

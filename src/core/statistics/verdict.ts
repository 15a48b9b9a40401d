import { pairedBootstrapMeanDiff, type BootstrapInterval, type BootstrapOptions } from './bootstrap'
import { mcnemarFromPairs, type McNemarResult } from './mcnemar'

/**
 * Comparing two runs on the same cases: the exact McNemar test on pass/fail, a paired bootstrap interval on the
 * mean-score difference (B − A, in points: score × 100), and one honest sentence.
 *
 * A winner is named only when both agree: McNemar's p < α AND the interval excludes 0, pointing the same way
 * (more cases flipped to the winner's pass, and a positive score difference for it). When only one of the two is
 * significant the verdict says "inconclusive" and which one; when neither is, "no significant difference".
 */
export interface PairedCase {
  passA: boolean
  passB: boolean
  /** Scores in 0..1. */
  scoreA: number
  scoreB: number
}

export interface CompareOptions extends BootstrapOptions {
  labelA?: string
  labelB?: string
  /** Significance level; default 0.05 (and the interval's confidence defaults to 1 − α). */
  alpha?: number
}

export type ComparisonOutcome = 'b_better' | 'a_better' | 'no_difference' | 'inconclusive' | 'identical' | 'no_data'

export interface RunComparison {
  n: number
  passRateA: number
  passRateB: number
  mcnemar: McNemarResult
  bootstrap: BootstrapInterval
  /** Mean-score difference B − A in points (×100), with its interval. */
  diffPoints: number
  lowPoints: number
  highPoints: number
  outcome: ComparisonOutcome
  verdict: string
}

/** "p = 0.004", "p = 0.41", "p < 0.001", "p = 1". */
export function formatP(p: number): string {
  if (p < 0.001) return 'p < 0.001'
  if (p >= 0.995) return 'p = 1'
  if (p < 0.01) return `p = ${p.toFixed(3)}`
  return `p = ${p.toFixed(2)}`
}

function points(x: number): string {
  const rounded = Math.abs(x) < 0.05 ? 0 : x
  return rounded.toFixed(1).replace('-', '−')
}

/** "2.1–10.3" when the interval starts at 0 or above, "−2.0 to 4.6" otherwise (a dash next to a minus misleads). */
export function formatRange(low: number, high: number): string {
  return low >= 0 ? `${points(low)}–${points(high)}` : `${points(low)} to ${points(high)}`
}

function percent(rate: number): string {
  return `${(rate * 100).toFixed(1)}%`
}

export function compareRuns(cases: readonly PairedCase[], options: CompareOptions = {}): RunComparison {
  const labelA = options.labelA ?? 'A'
  const labelB = options.labelB ?? 'B'
  const alpha = options.alpha ?? 0.05
  if (!(alpha > 0 && alpha < 1)) throw new RangeError(`alpha must be between 0 and 1; got ${alpha}`)
  const confidence = options.confidence ?? 1 - alpha
  const mcnemar = mcnemarFromPairs(
    cases.map((c) => c.passA),
    cases.map((c) => c.passB)
  )
  const bootstrap = pairedBootstrapMeanDiff(
    cases.map((c) => c.scoreA),
    cases.map((c) => c.scoreB),
    { resamples: options.resamples, seed: options.seed, confidence }
  )
  const n = cases.length
  const passRateA = n === 0 ? Number.NaN : (mcnemar.bothPass + mcnemar.aOnly) / n
  const passRateB = n === 0 ? Number.NaN : (mcnemar.bothPass + mcnemar.bOnly) / n
  const diffPoints = bootstrap.diff * 100
  const lowPoints = bootstrap.low * 100
  const highPoints = bootstrap.high * 100
  const base = { n, passRateA, passRateB, mcnemar, bootstrap, diffPoints, lowPoints, highPoints }

  if (n === 0) {
    return { ...base, outcome: 'no_data', verdict: `No comparison: ${labelA} and ${labelB} have no scored cases in common.` }
  }
  const ci = `${Math.round(confidence * 100)}% CI ${formatRange(lowPoints, highPoints)}`
  const cases_ = `${n} paired case${n === 1 ? '' : 's'}`
  const rates = `pass rate ${percent(passRateA)} → ${percent(passRateB)}`
  if (mcnemar.discordant === 0 && cases.every((c) => c.scoreA === c.scoreB)) {
    return {
      ...base,
      outcome: 'identical',
      verdict: `No difference: ${labelA} and ${labelB} passed the same cases with the same scores (${cases_}).`
    }
  }

  const passSignificant = mcnemar.p < alpha
  const passDirection = Math.sign(mcnemar.bOnly - mcnemar.aOnly) // +1: B won more flips
  const ciDirection = lowPoints > 0 ? 1 : highPoints < 0 ? -1 : 0
  const p = formatP(mcnemar.p)

  if (passSignificant && ciDirection !== 0 && passDirection === ciDirection) {
    const [winner, loser] = ciDirection > 0 ? [labelB, labelA] : [labelA, labelB]
    const lead = Math.abs(diffPoints)
    const range = ciDirection > 0 ? formatRange(lowPoints, highPoints) : formatRange(-highPoints, -lowPoints)
    return {
      ...base,
      outcome: ciDirection > 0 ? 'b_better' : 'a_better',
      verdict: `${winner} beats ${loser} by ${points(lead)} points (${Math.round(confidence * 100)}% CI ${range}, ${p}; ${rates}, ${cases_}).`
    }
  }
  if (!passSignificant && ciDirection === 0) {
    return {
      ...base,
      outcome: 'no_difference',
      verdict: `No significant difference: ${labelB} − ${labelA} = ${points(diffPoints)} points (${ci}, ${p}; ${rates}, ${cases_}).`
    }
  }
  const why = passSignificant
    ? ciDirection === 0
      ? `pass/fail changes are significant (${p}) but the score difference's interval includes 0 (${ci})`
      : `pass/fail changes (${p}) and the score difference (${ci}) point in opposite directions`
    : `the score difference's interval excludes 0 (${ci}) but pass/fail changes are not significant (${p})`
  return {
    ...base,
    outcome: 'inconclusive',
    verdict: `Inconclusive: ${labelB} − ${labelA} = ${points(diffPoints)} points; ${why}; ${rates}, ${cases_}.`
  }
}

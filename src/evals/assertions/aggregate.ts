import type { AssertionResult, AssertionStatus } from './types'

/**
 * Combining assertion results into one verdict, as promptfoo does, plus errors:
 * - score = weighted mean of the scores (weight defaults to 1; weight 0 reports a score that never counts);
 * - without a threshold, the group passes when every assertion passes; with one, when score ≥ threshold
 *   (the threshold then overrides individual failures);
 * - an assertion that errored has no score. The group's verdict is decided if it is the same whether each errored
 *   assertion would have passed (score 1) or failed (score 0); otherwise the group itself is an error. So a definite
 *   failure elsewhere still fails the group, and an error never turns into a silent pass or fail.
 * The reported score averages the assertions that could be scored.
 */

const EPSILON = 1e-12

/** A result with the range its score could take if its errors were resolved (equal ends when nothing errored). */
export interface Scored {
  result: AssertionResult
  low: number
  high: number
}

export function scoredLeaf(result: AssertionResult): Scored {
  return result.status === 'error' ? { result, low: 0, high: 1 } : { result, low: result.score, high: result.score }
}

export interface Combined {
  status: AssertionStatus
  score: number
  low: number
  high: number
  reason: string
  error?: string
}

function weightedMean(items: ReadonlyArray<{ w: number; v: number }>): number {
  let sum = 0
  let weights = 0
  for (const { w, v } of items) {
    sum += w * v
    weights += w
  }
  return weights > 0 ? sum / weights : 0
}

function label(r: AssertionResult): string {
  return r.metric ? `${r.type} (${r.metric})` : r.type
}

export function combine(items: readonly Scored[], threshold: number | undefined): Combined {
  if (items.length === 0) return { status: 'pass', score: 1, low: 1, high: 1, reason: 'No assertions' }
  const gating = items.filter((i) => i.result.weight > 0)
  const scored = gating.filter((i) => i.result.status !== 'error')
  const errors = gating.filter((i) => i.result.status === 'error')
  const failures = gating.filter((i) => i.result.status === 'fail')
  const score = weightedMean(scored.map((i) => ({ w: i.result.weight, v: i.result.score })))
  const low = weightedMean(gating.map((i) => ({ w: i.result.weight, v: i.low })))
  const high = weightedMean(gating.map((i) => ({ w: i.result.weight, v: i.high })))

  let best: boolean
  let worst: boolean
  if (threshold === undefined) {
    best = failures.length === 0
    worst = best && errors.length === 0
  } else {
    best = high >= threshold - EPSILON
    worst = low >= threshold - EPSILON
  }
  const status: AssertionStatus = worst ? 'pass' : best ? 'error' : 'fail'
  const shown = (n: number) => n.toFixed(2)

  if (status === 'pass') {
    const reason = threshold === undefined ? 'All assertions passed' : `Score ${shown(score)} ≥ threshold ${threshold}`
    return { status, score, low, high, reason }
  }
  if (status === 'fail') {
    const first = failures[0]?.result
    const firstText = first ? `${label(first)}: ${first.reason}` : ''
    const more = failures.length > 1 ? ` (and ${failures.length - 1} more failing)` : ''
    const reason =
      threshold === undefined
        ? `${firstText}${more}`
        : `Score ${errors.length ? `at most ${shown(high)}` : shown(score)} < threshold ${threshold}${first ? `; ${firstText}${more}` : ''}`
    return { status, score, low, high, reason }
  }
  const firstError = errors[0]?.result
  const errorText = firstError ? `${label(firstError)}: ${firstError.error ?? firstError.reason}` : 'unknown error'
  const count = `${errors.length} assertion${errors.length === 1 ? '' : 's'} could not be evaluated`
  const range = threshold === undefined ? '' : ` (the score would be ${shown(low)}–${shown(high)} against threshold ${threshold})`
  const reason = `${count}${range}: ${errorText}${errors.length > 1 ? ` (and ${errors.length - 1} more)` : ''}`
  return { status, score, low, high, reason, error: reason }
}

/** Mean score per `metric` name over every scored result (assert-set members included), weighted by weight. */
export function namedScores(results: readonly AssertionResult[]): Record<string, number> {
  const sums = new Map<string, { sum: number; weights: number; plain: number; count: number }>()
  const visit = (r: AssertionResult) => {
    if (r.metric && r.status !== 'error') {
      const s = sums.get(r.metric) ?? { sum: 0, weights: 0, plain: 0, count: 0 }
      s.sum += r.score * r.weight
      s.weights += r.weight
      s.plain += r.score
      s.count++
      sums.set(r.metric, s)
    }
    r.children?.forEach(visit)
  }
  results.forEach(visit)
  // All-zero weights (report-only metrics) fall back to the plain mean.
  return Object.fromEntries([...sums].map(([k, s]) => [k, s.weights > 0 ? s.sum / s.weights : s.plain / s.count]))
}

import type { CallPolicy } from '../core/schemas/playground'
import type { CallTarget, StreamCall } from '../providers/call-types'
import { evaluateAssertions } from './assertions/evaluate'
import type { AssertionResult, EmbedFn, JudgeFn } from './assertions/types'
import type { AssertionScore, CellScorer } from './runner/run-eval'

export interface CellScorerOptions {
  /** The suite's assertions, applied to every case before the case's own. */
  defaults: ReadonlyArray<Record<string, unknown>>
  judge?: JudgeFn
  embed?: EmbedFn
}

function reasonOf(result: AssertionResult): string {
  if (!result.children || result.children.length === 0) return result.reason
  const parts = result.children.map((c) => `${c.type}: ${c.status}${c.error ? ` (${c.error})` : ''}`)
  return `${result.reason} [${parts.join('; ')}]`
}

/** One stored score row per top-level assertion (an assert-set's members are summarised in its reason). */
export function assertionScores(results: readonly AssertionResult[]): AssertionScore[] {
  return results.map((r) => ({
    type: r.metric ? `${r.type}:${r.metric}` : r.type,
    pass: r.status === 'error' ? null : r.pass,
    score: r.status === 'error' ? null : r.score,
    reason: reasonOf(r),
    weight: r.weight,
    error: r.status === 'error' ? (r.error ?? r.reason) : null
  }))
}

/** The runner's scorer: suite defaults + the case's assertions, with the rendered prompt for model-graded checks. */
export function createCellScorer(options: CellScorerOptions): CellScorer {
  return async ({ cell, messages, output, metrics }) => {
    const assertions = [...options.defaults, ...cell.case.assertions]
    const prompt = messages.map((m) => `${m.role}: ${m.content}`).join('\n\n')
    const outcome = await evaluateAssertions(assertions, output, {
      vars: cell.case.vars,
      expected: cell.case.expected,
      prompt,
      metrics: { latencyMs: metrics.latencyMs, ttftMs: metrics.ttftMs, costUsd: metrics.costUsd },
      ...(options.judge ? { judge: options.judge } : {}),
      ...(options.embed ? { embed: options.embed } : {})
    })
    const errored = outcome.status === 'error'
    return {
      pass: errored ? null : outcome.pass,
      score: errored ? null : outcome.score,
      reason: errored ? (outcome.error ?? outcome.reason) : outcome.reason,
      assertions: assertionScores(outcome.results)
    }
  }
}

/** A judge that asks one model (temperature 0) and returns its text; a failed call throws with the reason. */
export function createJudge(target: CallTarget, policy: CallPolicy, streamCall: StreamCall, signal: AbortSignal): JudgeFn {
  return async (prompt) => {
    const attempts = await streamCall(target, { messages: [{ role: 'user', content: prompt }], temperature: 0, maxTokens: 1024, output: { kind: 'text' } }, policy, { signal })
    const last = attempts[attempts.length - 1]
    if (!last || last.status !== 'ok') {
      throw new Error(`judge ${target.provider.name}/${target.model.modelId} failed: ${last?.errorMessage ?? 'no answer'}`)
    }
    return last.text
  }
}

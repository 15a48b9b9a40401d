import { runSandboxed, type SandboxRun } from '../sandbox/quickjs-sandbox'
import type { Check, CheckOutcome } from './types'
import { errored, failed, passed, quote } from './values'

/**
 * `javascript`: an expression (`output.length < 200`) or a function body (`return …`) run in the QuickJS sandbox
 * with `output` and `context` ({ vars, expected, prompt, metrics, config }). It returns:
 * - a boolean: the verdict (score 1 or 0);
 * - a number: the score; passes when > 0, or ≥ threshold when the assertion has one (promptfoo's rule);
 * - `{ pass, score?, reason? }`: as given (a threshold still fails a score below it).
 * Scores are clamped to 0..1 for aggregation. Code that throws, loops past its limit or returns anything else is an
 * error with the sandbox's message. Captured console lines are appended to the reason.
 */

const MAX_LOG_TEXT = 300

function withLogs(text: string, run: SandboxRun): string {
  if (run.logs.length === 0) return text
  const logs = run.logs.join(' | ')
  return `${text} — console: ${logs.length > MAX_LOG_TEXT ? `${logs.slice(0, MAX_LOG_TEXT)}…` : logs}`
}

const clamp = (n: number) => Math.max(0, Math.min(1, n))

function fromNumber(n: number, threshold: number | undefined): CheckOutcome {
  if (!Number.isFinite(n)) return errored(`javascript assertion returned ${n}, not a usable score`)
  const pass = threshold === undefined ? n > 0 : n >= threshold
  const rule = threshold === undefined ? (pass ? '> 0' : '≤ 0') : pass ? `≥ threshold ${threshold}` : `< threshold ${threshold}`
  return { pass, score: clamp(n), reason: `javascript returned ${n} (${rule})` }
}

function fromObject(o: Record<string, unknown>, threshold: number | undefined): CheckOutcome {
  const hasPass = typeof o.pass === 'boolean'
  const hasScore = typeof o.score === 'number'
  if (!hasPass && !hasScore) {
    return errored(`javascript assertion returned an object without a boolean "pass" or a number "score": ${quote(JSON.stringify(o), 80)}`)
  }
  if (hasScore && !Number.isFinite(o.score as number)) return errored(`javascript assertion returned score ${String(o.score)}, not a usable score`)
  const reasonGiven = typeof o.reason === 'string' && o.reason.trim() ? o.reason.trim() : undefined
  if (!hasPass) {
    const verdict = fromNumber(o.score as number, threshold)
    return reasonGiven && 'pass' in verdict ? { ...verdict, reason: reasonGiven } : verdict
  }
  const score = hasScore ? (o.score as number) : o.pass ? 1 : 0
  let pass = o.pass as boolean
  let reason = reasonGiven ?? `javascript returned pass: ${String(pass)}${hasScore ? `, score: ${score}` : ''}`
  if (threshold !== undefined && score < threshold) {
    reason = pass ? `${reason} (score ${score} < threshold ${threshold})` : reason
    pass = false
  }
  return { pass, score: clamp(score), reason }
}

function describeReturn(run: Extract<SandboxRun, { ok: true }>): string {
  switch (run.type) {
    case 'undefined':
      return 'undefined (a function body needs a `return`)'
    case 'string':
      return `a string, ${quote(String(run.value), 60)}`
    case 'object':
      return `an object, ${quote(JSON.stringify(run.value), 60)}`
    default:
      return run.type === 'null' ? 'null' : `a ${run.type}`
  }
}

export const checkJavascript: Check<'javascript'> = async ({ assertion, value, output, context }) => {
  const sandboxContext = {
    vars: context.vars ?? {},
    expected: context.expected ?? null,
    prompt: context.prompt ?? null,
    metrics: context.metrics ?? {},
    config: assertion.config ?? {}
  }
  const run = await runSandboxed(String(value), { output, context: sandboxContext }, context.sandbox)
  if (!run.ok) return errored(withLogs(run.message, run))
  let outcome: CheckOutcome
  if (run.type === 'boolean') {
    outcome = run.value ? passed('javascript returned true') : failed('javascript returned false')
  } else if (run.type === 'number') {
    outcome = fromNumber(run.value as number, assertion.threshold)
  } else if (run.type === 'string' && (run.value === 'true' || run.value === 'false')) {
    outcome = run.value === 'true' ? passed('javascript returned "true"') : failed('javascript returned "false"')
  } else if (run.type === 'object' && run.value && !Array.isArray(run.value)) {
    outcome = fromObject(run.value as Record<string, unknown>, assertion.threshold)
  } else {
    outcome = errored(`javascript assertion must return a boolean, a number or { pass, score, reason }; it returned ${describeReturn(run)}`)
  }
  return 'error' in outcome ? errored(withLogs(outcome.error, run)) : { ...outcome, reason: withLogs(outcome.reason, run) }
}

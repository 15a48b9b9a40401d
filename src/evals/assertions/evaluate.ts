import {
  Assertion,
  EXPECTED_AS_VALUE_TYPES,
  assertionBaseType,
  isNegatedType,
  type AssertionSet,
  type SingleAssertion
} from '../../core/schemas/assertion'
import { renderTemplate } from '../../core/templating'
import { combine, namedScores, scoredLeaf, type Scored } from './aggregate'
import { CHECKS } from './registry'
import type { AssertionContext, AssertionResult, AssertionStatus, Check, CheckOutcome } from './types'

/**
 * Scores one output against a case's assertions (suite defaults plus the case's own, as the runner merges them).
 *
 * Per assertion: `{{var}}` in values is filled from context.vars; a missing value of equals/contains/icontains/
 * starts-with/levenshtein/similar/factuality is the case's expected output; `not-` flips pass and turns score s into
 * 1 − s (an error stays an error); weight 0 reports a score but always passes (promptfoo). An assertion that cannot be
 * parsed, whose check throws, or that lacks what it needs (judge, embeddings, a metric) is an error, never a fail.
 * The whole is combined as in aggregate.ts; `options.threshold` is the case's threshold (promptfoo's test threshold).
 */
export interface EvaluateOptions {
  threshold?: number
}

export interface AssertionsOutcome {
  status: AssertionStatus
  /** True only when status is 'pass'. */
  pass: boolean
  /** Weighted mean of the scored assertions, 0..1 (1 with no assertions). */
  score: number
  reason: string
  /** Set when status is 'error'. */
  error?: string
  results: AssertionResult[]
  /** Mean score per `metric` name. */
  namedScores: Record<string, number>
}

function errorResult(type: string, error: string, weight: number, metric: string | undefined): AssertionResult {
  return { type, status: 'error', pass: false, score: 0, reason: error, weight, ...(metric ? { metric } : {}), error }
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}

function fill(text: string, vars: Record<string, unknown>): string {
  return text.includes('{{') ? renderTemplate(text, vars) : text
}

/** The value the check compares with: the assertion's (templated) or the case's expected output. */
function resolveValue(assertion: SingleAssertion, context: AssertionContext): { value: unknown } | { error: string } {
  const base = assertionBaseType(assertion.type)
  const raw = 'value' in assertion ? assertion.value : undefined
  const vars = context.vars ?? {}
  if (raw === undefined) {
    if (!EXPECTED_AS_VALUE_TYPES.has(base)) return { value: undefined }
    if (context.expected === null || context.expected === undefined) {
      return { error: `${assertion.type} has no value and the case has no expected output to compare with` }
    }
    return { value: context.expected }
  }
  try {
    if (typeof raw === 'string') return { value: fill(raw, vars) }
    if (Array.isArray(raw)) return { value: raw.map((v) => (typeof v === 'string' ? fill(v, vars) : v)) }
    if (base === 'json-path') {
      const spec = raw as { path: string; equals?: unknown; matches?: string }
      return {
        value: {
          ...spec,
          ...(typeof spec.equals === 'string' ? { equals: fill(spec.equals, vars) } : {}),
          ...(spec.matches !== undefined ? { matches: fill(spec.matches, vars) } : {})
        }
      }
    }
    return { value: raw }
  } catch (error) {
    return { error: `${assertion.type} value: ${message(error)}` }
  }
}

async function runSingle(assertion: SingleAssertion, output: string, context: AssertionContext): Promise<AssertionResult> {
  const weight = assertion.weight ?? 1
  const metric = assertion.metric
  const resolved = resolveValue(assertion, context)
  if ('error' in resolved) return errorResult(assertion.type, resolved.error, weight, metric)
  const check = CHECKS[assertionBaseType(assertion.type)] as Check
  let outcome: CheckOutcome
  try {
    outcome = await check({ assertion, value: resolved.value, output, context })
  } catch (error) {
    outcome = { error: `${assertion.type} could not run: ${message(error)}` }
  }
  if ('error' in outcome) return errorResult(assertion.type, outcome.error, weight, metric)
  const negated = isNegatedType(assertion.type)
  let pass = negated ? !outcome.pass : outcome.pass
  const score = Math.max(0, Math.min(1, negated ? 1 - outcome.score : outcome.score))
  let reason = outcome.reason
  if (weight === 0 && !pass) {
    pass = true
    reason = `${reason} (weight 0: reported, never fails)`
  }
  const status: AssertionStatus = pass ? 'pass' : 'fail'
  return { type: assertion.type, status, pass, score, reason, weight, ...(metric ? { metric } : {}) }
}

async function runSet(set: AssertionSet, output: string, context: AssertionContext): Promise<Scored> {
  const children = await Promise.all(set.assert.map((a) => runSingle(a, output, context)))
  const combined = combine(children.map(scoredLeaf), set.threshold)
  const weight = set.weight ?? 1
  let status = combined.status
  let reason = combined.reason
  if (weight === 0 && status === 'fail') {
    status = 'pass'
    reason = `${reason} (weight 0: reported, never fails)`
  }
  const result: AssertionResult = {
    type: 'assert-set',
    status,
    pass: status === 'pass',
    score: combined.score,
    reason,
    weight,
    ...(set.metric ? { metric: set.metric } : {}),
    ...(combined.error ? { error: combined.error } : {}),
    children
  }
  return { result, low: combined.low, high: combined.high }
}

function invalidResult(raw: unknown, problem: string): AssertionResult {
  const record = raw && typeof raw === 'object' ? (raw as Record<string, unknown>) : {}
  const type = typeof record.type === 'string' ? record.type : '(invalid)'
  const weight = typeof record.weight === 'number' && record.weight >= 0 ? record.weight : 1
  return errorResult(type, `invalid assertion: ${problem}`, weight, typeof record.metric === 'string' ? record.metric : undefined)
}

/**
 * Parse results per assertion object: an eval scores thousands of cells with the same suite defaults and each case's
 * same assertion objects, so each object is validated once (assertion objects are never mutated once loaded).
 */
const parsedAssertions = new WeakMap<object, ReturnType<typeof Assertion.safeParse>>()

function parseAssertion(raw: unknown): ReturnType<typeof Assertion.safeParse> {
  if (raw === null || typeof raw !== 'object') return Assertion.safeParse(raw)
  let parsed = parsedAssertions.get(raw)
  if (!parsed) {
    parsed = Assertion.safeParse(raw)
    parsedAssertions.set(raw, parsed)
  }
  return parsed
}

/**
 * Evaluates assertions (parsed `Assertion`s, or raw stored objects: each is validated, and an invalid one becomes an
 * error result while the others still run) against one output.
 */
export async function evaluateAssertions(
  assertions: readonly unknown[],
  output: string,
  context: AssertionContext = {},
  options: EvaluateOptions = {}
): Promise<AssertionsOutcome> {
  const scored = await Promise.all(
    assertions.map(async (raw): Promise<Scored> => {
      const parsed = parseAssertion(raw)
      if (!parsed.success) {
        const issue = parsed.error.issues[0]
        const where = issue && issue.path.length > 0 ? `${issue.path.join('.')}: ` : ''
        return scoredLeaf(invalidResult(raw, `${where}${issue?.message ?? 'not an assertion'}`))
      }
      const assertion = parsed.data
      return assertion.type === 'assert-set' ? runSet(assertion, output, context) : scoredLeaf(await runSingle(assertion, output, context))
    })
  )
  const combined = combine(scored, options.threshold)
  const results = scored.map((s) => s.result)
  return {
    status: combined.status,
    pass: combined.status === 'pass',
    score: combined.score,
    reason: combined.reason,
    ...(combined.error ? { error: combined.error } : {}),
    results,
    namedScores: namedScores(results)
  }
}

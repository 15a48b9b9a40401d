import type { AssertionBaseType, SingleAssertion } from '../../core/schemas/assertion'
import type { SandboxLimits } from '../sandbox/quickjs-sandbox'

/** What a model-graded assertion asks of the judge model. `provider` is the assertion's override, if any. */
export type JudgeFn = (prompt: string, options: { provider?: unknown; type: 'llm-rubric' | 'factuality' }) => Promise<string>

/** Embeds texts with the configured embeddings provider; one vector per text, in order. */
export type EmbedFn = (texts: string[], options: { provider?: unknown }) => Promise<number[][]>

/** Measurements of the call being scored (null: not measured, e.g. no streaming → no TTFT; no price → no cost). */
export interface CallMetrics {
  latencyMs?: number | null
  ttftMs?: number | null
  costUsd?: number | null
}

/** Everything an assertion may need besides the output. All optional: a missing piece makes only the assertions
 * that need it an error. */
export interface AssertionContext {
  /** The case's variables: fill `{{name}}` in assertion values and are visible to javascript as `context.vars`. */
  vars?: Record<string, unknown>
  /** The case's expected output: the value of equals/contains/… when the assertion has none. */
  expected?: string | null
  /** The rendered prompt (shown to the judge as the question for factuality and llm-rubric). */
  prompt?: string
  metrics?: CallMetrics
  judge?: JudgeFn
  embed?: EmbedFn
  /** Limits for javascript assertions (default 1 s, 32 MB). */
  sandbox?: Partial<SandboxLimits>
}

export type AssertionStatus = 'pass' | 'fail' | 'error'

/** One assertion's verdict. An error is not a fail: the assertion could not be evaluated (see `error`). */
export interface AssertionResult {
  /** The type as written, e.g. `not-contains` or `assert-set`. */
  type: string
  status: AssertionStatus
  /** True only when status is 'pass'. */
  pass: boolean
  /** 0..1; 0 for an error (which never enters an aggregate score). */
  score: number
  reason: string
  weight: number
  metric?: string
  /** Why the assertion could not be evaluated: no judge, judge failed, unparseable judge reply, bad config… */
  error?: string
  /** The results inside an assert-set. */
  children?: AssertionResult[]
}

/** What a check decides before negation and weighting: a verdict, or why it could not decide. */
export type CheckOutcome = { pass: boolean; score: number; reason: string } | { error: string }

export interface CheckInput<T extends AssertionBaseType = AssertionBaseType> {
  assertion: Extract<SingleAssertion, { type: T | `not-${T}` }>
  /** The assertion's value after `{{var}}` filling, or the case's expected output when it has none. */
  value: unknown
  output: string
  context: AssertionContext
}

export type Check<T extends AssertionBaseType = AssertionBaseType> = (input: CheckInput<T>) => CheckOutcome | Promise<CheckOutcome>

import { z } from 'zod'
import { ErrorClass } from './run'

/**
 * Eval results as every face shows them: one column per prompt variant × model, one row per dataset case, and
 * per-column statistics. Numbers that cannot be computed (no data) are null, never NaN.
 */

export const EvalColumn = z.object({
  /** `variantId|providerId|modelId`: stable within a run. */
  key: z.string(),
  variantId: z.string(),
  variantLabel: z.string(),
  providerId: z.string(),
  modelId: z.string()
})
export type EvalColumn = z.infer<typeof EvalColumn>

export const CellStatus = z.enum(['passed', 'failed', 'score_error', 'error', 'pending'])
export type CellStatus = z.infer<typeof CellStatus>

/** One case × column: the outcome of each repeat, in repeat order. */
export const EvalCell = z.object({
  columnKey: z.string(),
  repeats: z.array(
    z.object({
      callId: z.string().nullable(),
      status: CellStatus,
      score: z.number().nullable(),
      latencyMs: z.number().nullable(),
      errorClass: ErrorClass.nullable()
    })
  ),
  /** Passed repeats ÷ decided repeats; null while none is decided. */
  passRate: z.number().nullable(),
  meanScore: z.number().nullable()
})
export type EvalCell = z.infer<typeof EvalCell>

export const EvalRow = z.object({
  caseId: z.string(),
  position: z.number().int().nonnegative(),
  /** A short label: the case's first variable values. */
  label: z.string(),
  cells: z.array(EvalCell),
  /** Columns disagree: some pass this case and some fail it. */
  disagree: z.boolean(),
  /** Some column passed it in one repeat and failed it in another. */
  flaky: z.boolean()
})
export type EvalRow = z.infer<typeof EvalRow>

export const Interval = z.object({ low: z.number(), high: z.number() })

export const ColumnStats = z.object({
  columnKey: z.string(),
  cells: z.number().int().nonnegative(),
  decided: z.number().int().nonnegative(),
  passed: z.number().int().nonnegative(),
  failed: z.number().int().nonnegative(),
  errored: z.number().int().nonnegative(),
  scoreErrors: z.number().int().nonnegative(),
  pending: z.number().int().nonnegative(),
  /** passed ÷ (passed + failed + errored): a provider error is a case the model did not serve. */
  passRate: z.number().nullable(),
  passRateInterval: Interval.nullable(),
  meanScore: z.number().nullable(),
  latencyP50Ms: z.number().nullable(),
  latencyP95Ms: z.number().nullable(),
  ttftP50Ms: z.number().nullable(),
  ttftP95Ms: z.number().nullable(),
  inputTokens: z.number().int().nonnegative(),
  outputTokens: z.number().int().nonnegative(),
  /** Everything spent, retries included (cache hits cost nothing). */
  costUsd: z.number().nonnegative(),
  /** costUsd ÷ passed; null when nothing passed. */
  costPerSuccessUsd: z.number().nullable(),
  calls: z.number().int().nonnegative(),
  retries: z.number().int().nonnegative(),
  cacheHits: z.number().int().nonnegative(),
  /** With repeats (k = repeats): mean over cases of pass@k and pass^k (consistency). */
  passAtK: z.number().nullable(),
  passHatK: z.number().nullable()
})
export type ColumnStats = z.infer<typeof ColumnStats>

export const GateResult = z.object({
  gate: z.enum(['minPassRate', 'maxP95LatencyMs', 'maxCostPerSuccessUsd']),
  columnKey: z.string(),
  limit: z.number(),
  actual: z.number().nullable(),
  pass: z.boolean(),
  message: z.string()
})
export type GateResult = z.infer<typeof GateResult>

export const EvalResults = z.object({
  runId: z.string(),
  status: z.string(),
  repeats: z.number().int().positive(),
  columns: z.array(EvalColumn),
  stats: z.array(ColumnStats),
  rows: z.array(EvalRow),
  totalRows: z.number().int().nonnegative(),
  gates: z.array(GateResult),
  /** pass: every gate passed; fail: one failed; none: the suite sets no gate. */
  verdict: z.enum(['pass', 'fail', 'none']),
  totals: z.object({ cells: z.number().int(), decided: z.number().int(), costUsd: z.number() })
})
export type EvalResults = z.infer<typeof EvalResults>

export const EvalThresholds = z
  .object({
    minPassRate: z.number().min(0).max(1).optional(),
    maxP95LatencyMs: z.number().positive().optional(),
    maxCostPerSuccessUsd: z.number().nonnegative().optional()
  })
  .strict()
export type EvalThresholds = z.infer<typeof EvalThresholds>

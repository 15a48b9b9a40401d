import { z } from 'zod'
import { ProgressEvent, StatusEvent } from './jobs'
import { ErrorClass } from './run'
import { ModelRef } from './workspace'

/** Requests, events and answers of the eval operations (src/core/api/eval-operations.ts). */

/** Overrides for one run of a suite (the suite's settings stay as they are). */
export const EvalRunOverrides = z
  .object({
    models: z.array(ModelRef).min(1, 'pick at least one model').max(16, 'at most 16 models in one run').optional(),
    repeats: z.number().int().min(1).max(20).optional(),
    /** Calls in flight per provider. */
    concurrency: z.number().int().min(1).max(256).optional(),
    cache: z.boolean().optional()
  })
  .strict()
export type EvalRunOverrides = z.infer<typeof EvalRunOverrides>

export const EvalEstimate = z.object({
  cases: z.number().int().nonnegative(),
  variants: z.number().int().nonnegative(),
  models: z.number().int().nonnegative(),
  repeats: z.number().int().positive(),
  /** cases × variants × models × repeats. */
  calls: z.number().int().nonnegative(),
  inputTokens: z.number().int().nonnegative(),
  maxOutputTokens: z.number().int().nonnegative(),
  /** Null when a model's price is unknown. */
  minCostUsd: z.number().nullable(),
  maxCostUsd: z.number().nullable(),
  perModel: z.array(
    z.object({
      providerId: z.string(),
      modelId: z.string(),
      calls: z.number().int(),
      minCostUsd: z.number().nullable(),
      maxCostUsd: z.number().nullable()
    })
  ),
  /** Assertions needing a judge or embeddings model that the suite does not name. */
  warnings: z.array(z.string())
})
export type EvalEstimate = z.infer<typeof EvalEstimate>

export const EvalCellEvent = z.object({
  caseId: z.string(),
  variantId: z.string(),
  providerId: z.string(),
  modelId: z.string(),
  repeatIndex: z.number().int().nonnegative(),
  status: z.enum(['passed', 'failed', 'score_error', 'error', 'cancelled']),
  score: z.number().nullable(),
  latencyMs: z.number().nullable(),
  costUsd: z.number().nullable(),
  attempts: z.number().int().nonnegative(),
  cached: z.boolean(),
  errorClass: ErrorClass.nullable()
})
export type EvalCellEvent = z.infer<typeof EvalCellEvent>

export const EvalTotalsSchema = z.object({
  cells: z.number().int(),
  skipped: z.number().int(),
  completed: z.number().int(),
  passed: z.number().int(),
  failed: z.number().int(),
  scoreErrors: z.number().int(),
  errored: z.number().int(),
  cancelled: z.number().int(),
  calls: z.number().int(),
  cacheHits: z.number().int(),
  costUsd: z.number()
})

export const EvalRunEvent = z.discriminatedUnion('type', [
  ProgressEvent,
  StatusEvent,
  z.object({
    type: z.literal('run-created'),
    runId: z.string(),
    resumed: z.boolean(),
    cells: z.number().int(),
    alreadyDone: z.number().int(),
    columns: z.array(z.object({ key: z.string(), variantId: z.string(), variantLabel: z.string(), providerId: z.string(), modelId: z.string() }))
  }),
  z.object({ type: z.literal('cells'), cells: z.array(EvalCellEvent) }),
  z.object({ type: z.literal('retry'), providerId: z.string(), modelId: z.string(), errorClass: ErrorClass, waitMs: z.number() }),
  z.object({ type: z.literal('totals'), totals: EvalTotalsSchema, verdict: z.enum(['pass', 'fail', 'none']) })
])
export type EvalRunEvent = z.infer<typeof EvalRunEvent>

export const EvalCellDetail = z.object({
  runId: z.string(),
  caseId: z.string(),
  columnKey: z.string(),
  repeatIndex: z.number().int(),
  vars: z.record(z.string(), z.unknown()),
  expected: z.string().nullable(),
  /** The prompt as sent (rendered messages). */
  messages: z.array(z.object({ role: z.string(), content: z.string() })),
  attempts: z.array(
    z.object({
      callId: z.string(),
      attempt: z.number().int(),
      status: z.enum(['ok', 'error', 'cancelled']),
      final: z.boolean(),
      cacheHit: z.boolean(),
      outputText: z.string().nullable(),
      errorClass: ErrorClass.nullable(),
      errorMessage: z.string().nullable(),
      latencyMs: z.number().nullable(),
      ttftMs: z.number().nullable(),
      costUsd: z.number().nullable(),
      inputTokens: z.number().nullable(),
      outputTokens: z.number().nullable(),
      scores: z.array(z.object({ type: z.string(), pass: z.boolean().nullable(), score: z.number().nullable(), reason: z.string().nullable(), weight: z.number(), error: z.string().nullable() }))
    })
  )
})
export type EvalCellDetail = z.infer<typeof EvalCellDetail>

export const CaseChange = z.object({
  caseId: z.string(),
  position: z.number().int(),
  label: z.string(),
  passA: z.boolean(),
  passB: z.boolean(),
  scoreA: z.number(),
  scoreB: z.number()
})

export const EvalComparison = z.object({
  runA: z.string(),
  runB: z.string(),
  columnA: z.string(),
  columnB: z.string(),
  /** Columns of each run, so a UI can offer the choice. */
  columnsA: z.array(z.object({ key: z.string(), label: z.string() })),
  columnsB: z.array(z.object({ key: z.string(), label: z.string() })),
  pairedCases: z.number().int(),
  /** Cases only one run decided (not compared). */
  unpaired: z.number().int(),
  passRateA: z.number().nullable(),
  passRateB: z.number().nullable(),
  /** Discordant pairs: A passed and B failed (regressions), and the reverse (improvements). */
  regressions: z.array(CaseChange),
  improvements: z.array(CaseChange),
  pValue: z.number().nullable(),
  diffPoints: z.number().nullable(),
  lowPoints: z.number().nullable(),
  highPoints: z.number().nullable(),
  outcome: z.enum(['b_better', 'a_better', 'no_difference', 'inconclusive', 'identical', 'no_data']),
  verdict: z.string()
})
export type EvalComparison = z.infer<typeof EvalComparison>

export const TrendPoint = z.object({
  runId: z.string(),
  finishedAt: z.string().nullable(),
  status: z.string(),
  contractVersion: z.number().int().nullable(),
  columnKey: z.string(),
  label: z.string(),
  passRate: z.number().nullable(),
  low: z.number().nullable(),
  high: z.number().nullable(),
  decided: z.number().int()
})
export type TrendPoint = z.infer<typeof TrendPoint>

export const PromptfooImportResult = z.object({
  contract: z.object({ id: z.string(), name: z.string(), versions: z.array(z.number().int()) }),
  dataset: z.object({ id: z.string(), name: z.string(), version: z.number().int(), caseCount: z.number().int() }),
  suite: z.object({ id: z.string(), name: z.string() }),
  /** Providers of the config and what each became (a model of a configured provider, or nothing). */
  providers: z.array(z.object({ id: z.string(), providerId: z.string().nullable(), modelId: z.string().nullable(), note: z.string() })),
  /** Everything not carried over, by place: never silently dropped. */
  unsupported: z.array(z.object({ where: z.string(), what: z.string() }))
})
export type PromptfooImportResult = z.infer<typeof PromptfooImportResult>

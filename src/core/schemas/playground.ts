import { z } from 'zod'
import { ProgressEvent, StatusEvent } from './jobs'
import { ErrorClass } from './run'
import { MessageTemplate, ModelRef } from './workspace'

/** What the model must return: free text, any JSON object, or JSON valid against a schema. */
export const OutputMode = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('text') }),
  z.object({ kind: z.literal('json_object') }),
  z.object({ kind: z.literal('json_schema'), name: z.string().min(1).max(64).default('output'), schema: z.record(z.string(), z.unknown()) })
])
export type OutputMode = z.infer<typeof OutputMode>

export const PlaygroundParams = z
  .object({
    temperature: z.number().min(0).max(2).optional(),
    topP: z.number().min(0).max(1).optional(),
    maxTokens: z.number().int().positive().max(200_000).optional(),
    seed: z.number().int().optional(),
    stop: z.array(z.string().min(1)).max(4).optional(),
    output: OutputMode.default({ kind: 'text' })
  })
  .strict()
export type PlaygroundParams = z.infer<typeof PlaygroundParams>

/** Retry and timeout policy for provider calls (SECURITY.md §4 defaults). */
export const CallPolicy = z
  .object({
    retries: z.number().int().min(0).max(10).default(2),
    connectTimeoutMs: z.number().int().positive().max(600_000).default(30_000),
    totalTimeoutMs: z.number().int().positive().max(3_600_000).default(300_000),
    maxRetryAfterMs: z.number().int().nonnegative().max(600_000).default(60_000)
  })
  .strict()
export type CallPolicy = z.infer<typeof CallPolicy>

export const PlaygroundRunRequest = z
  .object({
    title: z.string().max(200).optional(),
    messages: z.array(MessageTemplate).min(1, 'add at least one message'),
    variables: z.record(z.string(), z.unknown()).default({}),
    params: PlaygroundParams.default({ output: { kind: 'text' } }),
    models: z.array(ModelRef).min(1, 'pick at least one model').max(8, 'at most 8 models side by side'),
    repeat: z.number().int().min(1).max(20).default(1),
    policy: CallPolicy.partial().optional(),
    /** When the run starts from a contract version (Contracts → Open in playground). */
    contractVersionId: z.string().optional()
  })
  .strict()
export type PlaygroundRunRequest = z.infer<typeof PlaygroundRunRequest>

/** One column = one model × one repeat; its id is stable within a run: `<index>` in models, `.r<repeat>`. */
export const ColumnRef = z.object({ columnId: z.string(), providerId: z.string(), modelId: z.string(), repeatIndex: z.number().int().nonnegative() })
export type ColumnRef = z.infer<typeof ColumnRef>

export const ColumnMetrics = z.object({
  callId: z.string(),
  attempts: z.number().int().positive(),
  ok: z.boolean(),
  status: z.enum(['ok', 'error', 'cancelled']),
  firstByteMs: z.number().nullable(),
  ttftMs: z.number().nullable(),
  latencyMs: z.number().nullable(),
  outputTokensPerSecond: z.number().nullable(),
  inputTokens: z.number().nullable(),
  outputTokens: z.number().nullable(),
  cachedTokens: z.number().nullable(),
  usageEstimated: z.boolean(),
  costUsd: z.number().nullable(),
  finishReason: z.string().nullable(),
  errorClass: ErrorClass.nullable(),
  errorMessage: z.string().nullable(),
  httpStatus: z.number().nullable(),
  /** For JSON output: whether the text parsed and matched the requested schema, with the first errors. */
  json: z.object({ valid: z.boolean(), errors: z.array(z.string()) }).nullable()
})
export type ColumnMetrics = z.infer<typeof ColumnMetrics>

/** Events of `playground.run`. */
export const PlaygroundEvent = z.discriminatedUnion('type', [
  ProgressEvent,
  StatusEvent,
  z.object({ type: z.literal('run-created'), runId: z.string(), columns: z.array(ColumnRef) }),
  z.object({ type: z.literal('column-started'), columnId: z.string(), attempt: z.number().int().positive() }),
  z.object({ type: z.literal('delta'), columnId: z.string(), text: z.string() }),
  z.object({ type: z.literal('retry'), columnId: z.string(), attempt: z.number().int(), waitMs: z.number(), errorClass: ErrorClass, message: z.string() }),
  z.object({ type: z.literal('column-finished'), columnId: z.string(), metrics: ColumnMetrics })
])
export type PlaygroundEvent = z.infer<typeof PlaygroundEvent>

export const CostEstimate = z.object({
  providerId: z.string(),
  modelId: z.string(),
  inputTokens: z.number().int().nonnegative(),
  maxOutputTokens: z.number().int().nonnegative(),
  /** Cost if the model answers with nothing / with max tokens; null when a price is unknown. */
  minCostUsd: z.number().nullable(),
  maxCostUsd: z.number().nullable(),
  estimated: z.literal(true)
})
export type CostEstimate = z.infer<typeof CostEstimate>

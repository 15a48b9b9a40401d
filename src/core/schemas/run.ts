import { z } from 'zod'

export const RunKind = z.enum(['playground', 'eval', 'bench', 'simulation', 'probe'])
export type RunKind = z.infer<typeof RunKind>

export const RunStatus = z.enum(['queued', 'running', 'completed', 'failed', 'cancelled', 'interrupted'])
export type RunStatus = z.infer<typeof RunStatus>

/** Every failure is one of these classes (SECURITY.md §4). */
export const ErrorClass = z.enum([
  'rate_limited',
  'timeout_connect',
  'timeout_total',
  'server_error',
  'network',
  'auth',
  'bad_request',
  'not_found',
  'content_filter',
  'stream_interrupted',
  'malformed_response',
  'missing_key',
  'cancelled'
])
export type ErrorClass = z.infer<typeof ErrorClass>

export const RunSummary = z.object({
  id: z.string(),
  kind: RunKind,
  status: RunStatus,
  title: z.string(),
  /** The eval suite the run was started from, if any. */
  suiteId: z.string().nullable(),
  contractVersionId: z.string().nullable(),
  datasetVersionId: z.string().nullable(),
  startedAt: z.string().nullable(),
  finishedAt: z.string().nullable(),
  callCount: z.number().int().nonnegative(),
  errorCount: z.number().int().nonnegative(),
  costUsd: z.number().nonnegative().nullable()
})
export type RunSummary = z.infer<typeof RunSummary>

export const CallRecord = z.object({
  id: z.string(),
  runId: z.string(),
  caseId: z.string().nullable(),
  providerId: z.string(),
  modelId: z.string(),
  attempt: z.number().int().positive(),
  status: z.enum(['ok', 'error', 'cancelled']),
  startedAt: z.string(),
  /** Milliseconds from request start. */
  firstByteMs: z.number().nonnegative().nullable(),
  ttftMs: z.number().nonnegative().nullable(),
  latencyMs: z.number().nonnegative().nullable(),
  inputTokens: z.number().int().nonnegative().nullable(),
  outputTokens: z.number().int().nonnegative().nullable(),
  cachedTokens: z.number().int().nonnegative().nullable(),
  reasoningTokens: z.number().int().nonnegative().nullable(),
  usageEstimated: z.boolean(),
  costUsd: z.number().nonnegative().nullable(),
  finishReason: z.string().nullable(),
  errorClass: ErrorClass.nullable(),
  errorMessage: z.string().nullable(),
  httpStatus: z.number().int().nullable(),
  outputText: z.string().nullable()
})
export type CallRecord = z.infer<typeof CallRecord>

export const RunDetail = RunSummary.extend({
  /** The request that started the run (e.g. the playground's messages, variables, params and models), to reopen or re-run it. */
  config: z.record(z.string(), z.unknown()),
  calls: z.array(CallRecord)
})
export type RunDetail = z.infer<typeof RunDetail>

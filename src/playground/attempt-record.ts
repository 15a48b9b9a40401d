import { costOfUsage, type TokenPrices } from '../core/pricing'
import type { ColumnMetrics } from '../core/schemas/playground'
import type { AttemptResult } from '../providers/call-types'
import { redactSecrets } from '../providers/redact'
import type { NewCall } from '../store/repos/call-repo'
import type { JsonCheck } from './json-output-check'

export interface AttemptContext {
  runId: string
  providerId: string
  modelId: string
  repeatIndex: number
  prices: TokenPrices
  /** The key used for the call, so an error message that echoes it is redacted before it is stored. */
  apiKey: string | undefined
}

function nonNegative(n: number | null): number | null {
  return n === null || !Number.isFinite(n) ? null : Math.max(0, n)
}

/** The call row for one attempt: timings, usage, cost at the prices in force now, outcome and output. */
export function callOfAttempt(ctx: AttemptContext, a: AttemptResult, json: JsonCheck | null): NewCall {
  const secrets = ctx.apiKey ? [ctx.apiKey] : []
  return {
    runId: ctx.runId,
    providerId: ctx.providerId,
    modelId: ctx.modelId,
    repeatIndex: ctx.repeatIndex,
    attempt: Math.max(1, a.attempt),
    status: a.status,
    startedAt: a.startedAt,
    firstByteMs: nonNegative(a.timings.firstByteMs),
    ttftMs: nonNegative(a.timings.ttftMs),
    latencyMs: nonNegative(a.timings.latencyMs),
    itlP50Ms: nonNegative(a.timings.itlP50Ms),
    itlP95Ms: nonNegative(a.timings.itlP95Ms),
    tokenCountStream: a.timings.deltaCount,
    inputTokens: a.inputTokens,
    outputTokens: a.outputTokens,
    cachedTokens: a.cachedTokens,
    reasoningTokens: a.reasoningTokens,
    usageEstimated: a.usageEstimated,
    costUsd: costOfUsage(ctx.prices, { input: a.inputTokens, output: a.outputTokens, cached: a.cachedTokens }),
    finishReason: a.finishReason,
    errorClass: a.errorClass,
    errorMessage: a.errorMessage === null ? null : redactSecrets(a.errorMessage, secrets),
    httpStatus: a.httpStatus,
    requestId: a.requestId,
    retryAfterMs: nonNegative(a.retryAfterMs),
    outputText: a.text,
    outputJson: json?.parsed ? json.value : null
  }
}

/** Output tokens per second of streaming: output tokens over (latency − time to first token). */
export function outputTokensPerSecond(outputTokens: number | null, ttftMs: number | null, latencyMs: number | null): number | null {
  if (outputTokens === null || ttftMs === null || latencyMs === null) return null
  const streamingMs = latencyMs - ttftMs
  return streamingMs > 0 ? outputTokens / (streamingMs / 1000) : null
}

/** What `column-finished` reports for the column's last attempt. */
export function columnMetrics(callId: string, attempts: number, call: NewCall, json: JsonCheck | null): ColumnMetrics {
  const ttftMs = call.ttftMs ?? null
  const latencyMs = call.latencyMs ?? null
  const outputTokens = call.outputTokens ?? null
  return {
    callId,
    attempts: Math.max(1, attempts),
    ok: call.status === 'ok',
    status: call.status,
    firstByteMs: call.firstByteMs ?? null,
    ttftMs,
    latencyMs,
    outputTokensPerSecond: outputTokensPerSecond(outputTokens, ttftMs, latencyMs),
    inputTokens: call.inputTokens ?? null,
    outputTokens,
    cachedTokens: call.cachedTokens ?? null,
    usageEstimated: call.usageEstimated ?? false,
    costUsd: call.costUsd ?? null,
    finishReason: call.finishReason ?? null,
    errorClass: call.errorClass ?? null,
    errorMessage: call.errorMessage ?? null,
    httpStatus: call.httpStatus ?? null,
    json: json ? { valid: json.valid, errors: json.errors } : null
  }
}

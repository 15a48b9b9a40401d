import type { JSONSchema7, LanguageModelV3, LanguageModelV3CallOptions, LanguageModelV3Prompt } from '@ai-sdk/provider'
import { providerKindInfo } from '../core/provider-kinds'
import type { CallPolicy } from '../core/schemas/playground'
import type { AttemptResult, CallHooks, CallRequest, CallTarget, StreamCall, TransportTimings } from './call-types'
import { classifyError, redactWith } from './classify-error'
import type { ClassifiedError } from './classify-error'
import { DIRECT_CHAT_KINDS, streamChatCompletions, type StreamOutcome } from './openai-chat-stream'
import { cancellableSleep, isRetryable, retryDelayMs } from './retry-policy'
import { createTimedFetch } from './timed-fetch'
import type { FetchTimings, TimedFetch } from './timed-fetch'

/** CallHooks plus transport hooks for benchmarks and diagnostics. */
export interface TransportHooks extends CallHooks {
  /** Response headers of each attempt's HTTP response, as they arrive. */
  onResponseHeaders?(headers: Headers, status: number, attempt: number): void
  /** Randomness for backoff jitter (default Math.random). */
  random?: () => number
}

function quantile(sorted: readonly number[], q: number): number | null {
  if (sorted.length === 0) return null
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))
  return sorted[index] ?? null
}

export function transportTimings(t: FetchTimings, deltaCount: number, failedAtMs: number): TransportTimings {
  const gaps: number[] = []
  for (let i = 1; i < t.textChunkTimes.length; i++) gaps.push((t.textChunkTimes[i] ?? 0) - (t.textChunkTimes[i - 1] ?? 0))
  gaps.sort((a, b) => a - b)
  return {
    firstByteMs: t.firstByteMs,
    ttftMs: t.firstTokenMs ?? t.textChunkTimes[0] ?? null,
    latencyMs: t.startedAt === null ? null : (t.endMs ?? failedAtMs),
    itlP50Ms: quantile(gaps, 0.5),
    itlP95Ms: quantile(gaps, 0.95),
    deltaCount
  }
}

/** An attempt that failed (or was cancelled) before any response: no timings, no usage, no text. */
export function emptyAttempt(attempt: number, failure: ClassifiedError, startedAt: number = Date.now()): AttemptResult {
  return {
    attempt,
    status: failure.errorClass === 'cancelled' ? 'cancelled' : 'error',
    startedAt,
    timings: { firstByteMs: null, ttftMs: null, latencyMs: null, itlP50Ms: null, itlP95Ms: null, deltaCount: 0 },
    inputTokens: null,
    outputTokens: null,
    cachedTokens: null,
    reasoningTokens: null,
    usageEstimated: false,
    finishReason: null,
    errorClass: failure.errorClass,
    errorMessage: failure.message,
    httpStatus: failure.httpStatus,
    retryAfterMs: failure.retryAfterMs,
    requestId: null,
    text: ''
  }
}

function responseFormat(request: CallRequest): LanguageModelV3CallOptions['responseFormat'] {
  const output = request.output
  if (output.kind === 'json_schema') return { type: 'json', schema: output.schema as JSONSchema7, name: output.name }
  if (output.kind === 'json_object') return { type: 'json' }
  return undefined
}

/** Our rendered messages in the provider-neutral prompt shape the AI SDK's provider models take. */
function toPrompt(messages: CallRequest['messages']): LanguageModelV3Prompt {
  return messages.map((m) =>
    m.role === 'system' ? { role: 'system' as const, content: m.content } : { role: m.role, content: [{ type: 'text' as const, text: m.content }] }
  )
}

/**
 * Each attempt's timed fetch, found by the abort signal the SDK hands to fetch with every request (doStream's
 * abortSignal, passed through unchanged by the provider packages). This lets one language model per target serve
 * every attempt: building a model costs more than the call itself on a fast provider (the SDK builds its chunk
 * schemas in the model's constructor), and an eval runs thousands of calls on one target.
 */
const attemptFetches = new WeakMap<AbortSignal, typeof globalThis.fetch>()
const routedFetch = ((input: RequestInfo | URL, init?: RequestInit) => {
  const fetch = init?.signal ? attemptFetches.get(init.signal) : undefined
  if (!fetch) return Promise.reject(new Error('Internal error: the provider SDK sent a request without the attempt\'s abort signal.'))
  return fetch(input, init)
}) as typeof globalThis.fetch
/** Models by target object: a target rebuilt after a provider edit gets a new model; unused ones are collected. */
const models = new WeakMap<CallTarget, LanguageModelV3>()

/** The SDK (all its provider packages) is loaded on first use: the direct kinds never need it. */
async function modelFor(target: CallTarget): Promise<LanguageModelV3> {
  let model = models.get(target)
  if (!model) {
    const { createLanguageModel } = await import('./language-model')
    model = createLanguageModel(target, routedFetch) as LanguageModelV3
    models.set(target, model)
  }
  return model
}

/** The stream through the AI SDK provider model of the target's kind (every kind without a direct path). */
async function streamWithSdk(target: CallTarget, request: CallRequest, tf: TimedFetch, onText: (delta: string) => void): Promise<StreamOutcome> {
  const outcome: StreamOutcome = { finishReason: null, usage: null, failure: null, sawFailure: false }
  try {
    // The provider model's own stream (the AI SDK provider package does the wire format), without streamText's
    // extra layers: less work per chunk on the event loop that time-stamps the chunks.
    const model = await modelFor(target)
    attemptFetches.set(tf.signal, tf.fetch)
    const format = responseFormat(request)
    const { stream } = await model.doStream({
      prompt: toPrompt(request.messages),
      ...(request.temperature === undefined ? {} : { temperature: request.temperature }),
      ...(request.topP === undefined ? {} : { topP: request.topP }),
      ...(request.maxTokens === undefined ? {} : { maxOutputTokens: request.maxTokens }),
      ...(request.seed === undefined ? {} : { seed: request.seed }),
      ...(request.stop === undefined ? {} : { stopSequences: request.stop }),
      ...(format ? { responseFormat: format } : {}),
      abortSignal: tf.signal,
      includeRawChunks: false
    })
    const reader = stream.getReader()
    try {
      for (;;) {
        const { done, value: part } = await reader.read()
        if (done) break
        if (part.type === 'text-delta') {
          if (part.delta !== '') onText(part.delta)
        } else if (part.type === 'error') {
          if (!outcome.sawFailure) outcome.failure = part.error
          outcome.sawFailure = true
        } else if (part.type === 'finish') {
          outcome.finishReason = part.finishReason.unified
          const u = part.usage
          outcome.usage = { input: u.inputTokens.total, output: u.outputTokens.total, cached: u.inputTokens.cacheRead, reasoning: u.outputTokens.reasoning }
        }
      }
    } finally {
      reader.releaseLock()
    }
  } catch (error) {
    if (!outcome.sawFailure) outcome.failure = error
    outcome.sawFailure = true
  }
  return outcome
}

async function runAttempt(target: CallTarget, request: CallRequest, policy: CallPolicy, hooks: TransportHooks, attempt: number): Promise<AttemptResult> {
  const startedAt = Date.now()
  const tf = createTimedFetch({
    connectTimeoutMs: policy.connectTimeoutMs,
    totalTimeoutMs: policy.totalTimeoutMs,
    signal: hooks.signal,
    // Only when someone listens: building a Headers object per response is not free.
    ...(hooks.onResponseHeaders ? { onResponseHeaders: (headers: Headers, status: number) => hooks.onResponseHeaders?.(headers, status, attempt) } : {})
  })
  const secrets = [target.apiKey]
  let text = ''
  let deltaCount = 0
  const onText = (delta: string): void => {
    tf.markTextChunk()
    text += delta
    deltaCount++
    hooks.onDelta?.(delta)
  }
  const streamed = DIRECT_CHAT_KINDS.has(target.provider.kind) ? await streamChatCompletions(target, request, tf, onText) : await streamWithSdk(target, request, tf, onText)
  let { failure, sawFailure } = streamed
  const { finishReason, usage } = streamed
  if (!sawFailure && tf.signal.aborted) {
    failure = new DOMException('aborted', 'AbortError')
    sawFailure = true
  }
  if (!sawFailure && finishReason === 'error') {
    failure = new Error('The provider ended the stream with an error')
    sawFailure = true
  }
  const raw = tf.timings()
  const failedAt = raw.startedAt === null ? 0 : performance.now() - raw.startedAt
  const abortClass = tf.abortClass()
  tf.dispose()
  const timings = transportTimings(raw, deltaCount, failedAt)
  const classified = sawFailure || abortClass ? classifyError(failure, { abortClass, sawOutput: text.length > 0, secrets }) : null
  const response = tf.response()
  const requestId = tf.header('x-request-id') ?? tf.header('request-id')
  const sent = raw.startedAt !== null
  const provided = usage !== null && usage.input !== undefined && usage.output !== undefined
  const estimate = !provided && sent && (classified === null || text.length > 0)
  // The tokenizer (tens of MB of tables) is loaded only when a provider sends no usage.
  const tokens = estimate ? await import('../catalog/token-estimate') : null
  return {
    attempt,
    status: classified === null ? 'ok' : classified.errorClass === 'cancelled' ? 'cancelled' : 'error',
    startedAt: raw.startedAtEpoch ?? startedAt,
    timings,
    inputTokens: usage?.input ?? (tokens ? tokens.estimateMessagesTokens(request.messages) : null),
    outputTokens: usage?.output ?? (tokens ? tokens.estimateTextTokens(text) : null),
    cachedTokens: usage?.cached ?? null,
    reasoningTokens: usage?.reasoning ?? null,
    usageEstimated: estimate,
    finishReason: classified ? (finishReason ?? null) : finishReason,
    errorClass: classified?.errorClass ?? null,
    errorMessage: classified ? redactWith(classified.message, secrets) : null,
    httpStatus: classified?.httpStatus ?? (classified && response && response.status >= 400 ? response.status : null),
    retryAfterMs: classified?.retryAfterMs ?? null,
    requestId,
    text
  }
}

/** A call whose kind needs a key and has none: one attempt, no network. */
function missingKey(target: CallTarget): AttemptResult | null {
  if (!providerKindInfo(target.provider.kind).needsKey || (target.apiKey ?? '') !== '') return null
  return emptyAttempt(1, {
    errorClass: 'missing_key',
    message: `No API key for provider "${target.provider.name}": set a key in Providers.`,
    httpStatus: null,
    retryAfterMs: null
  })
}

/**
 * Streams one rendered request with our own retry loop: each attempt is one AttemptResult. Retries only
 * retryable classes, never once text has streamed, honours Retry-After up to the policy's cap, and waits
 * are cancellable.
 */
export async function streamCallWithTransport(target: CallTarget, request: CallRequest, policy: CallPolicy, hooks: TransportHooks): Promise<AttemptResult[]> {
  const noKey = missingKey(target)
  if (noKey) {
    hooks.onAttemptFinished?.(noKey)
    return [noKey]
  }
  const results: AttemptResult[] = []
  const random = hooks.random ?? Math.random
  for (let attempt = 1; attempt <= policy.retries + 1; attempt++) {
    if (hooks.signal.aborted) {
      if (results.length === 0) {
        const cancelled = emptyAttempt(attempt, { errorClass: 'cancelled', message: 'Cancelled', httpStatus: null, retryAfterMs: null })
        results.push(cancelled)
        hooks.onAttemptFinished?.(cancelled)
      }
      break
    }
    hooks.onAttemptStarted?.(attempt)
    const result = await runAttempt(target, request, policy, hooks, attempt)
    results.push(result)
    const waitMs = nextRetryWait(result, attempt, policy, random)
    // The attempt is final now (its message may have gained the Retry-After note): hand it over before waiting.
    hooks.onAttemptFinished?.(result)
    if (waitMs === null || result.errorClass === null) break
    hooks.onRetry?.({ attempt, waitMs, errorClass: result.errorClass, message: result.errorMessage ?? '' })
    if (!(await cancellableSleep(waitMs, hooks.signal))) break
  }
  return results
}

/** How long to wait before retrying this attempt, or null for no retry (annotating a capped Retry-After). */
function nextRetryWait(result: AttemptResult, attempt: number, policy: CallPolicy, random: () => number): number | null {
  if (result.status !== 'error' || result.errorClass === null) return null
  if (!isRetryable(result.errorClass) || result.text.length > 0 || attempt > policy.retries) return null
  const waitMs = retryDelayMs(attempt - 1, { retryAfterMs: result.retryAfterMs, maxRetryAfterMs: policy.maxRetryAfterMs, random })
  if (waitMs === null) {
    result.errorMessage = `${result.errorMessage ?? 'Rate limited'} (the provider asked to wait ${Math.round((result.retryAfterMs ?? 0) / 1000)} s, beyond the ${Math.round(policy.maxRetryAfterMs / 1000)} s cap: not retried)`
  }
  return waitMs
}

export const streamCall: StreamCall = (target, request, policy, hooks) => streamCallWithTransport(target, request, policy, hooks)

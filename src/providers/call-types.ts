import type { CallPolicy, OutputMode } from '../core/schemas/playground'
import type { Model, Provider } from '../core/schemas/provider'
import type { ErrorClass } from '../core/schemas/run'
import type { TemplateMessage } from '../core/templating'

/**
 * The seam between the provider adapters (src/providers/) and the runners that use them (playground, evals,
 * benchmarks). A runner hands `streamCall` a target, a rendered request and a policy; it gets one result per
 * attempt, each with transport-level timings.
 */
export interface CallTarget {
  provider: Provider
  model: Model
  /** The key from the SecretStore; undefined when none is configured. Never logged, stored or echoed. */
  apiKey: string | undefined
  /** Base URL of the in-process emulator, for the built-in provider. */
  emulatorUrl: string | null
}

export interface CallRequest {
  messages: TemplateMessage[]
  temperature?: number
  topP?: number
  maxTokens?: number
  seed?: number
  stop?: string[]
  output: OutputMode
}

/** Milliseconds from request start, measured at the transport (our fetch), not inside the SDK. */
export interface TransportTimings {
  /** Response headers received. */
  firstByteMs: number | null
  /** Arrival of the network chunk that carried the first text token. */
  ttftMs: number | null
  /** Last byte of the response body. */
  latencyMs: number | null
  /** Gaps between chunks that carried text after the first (inter-token latency), summarised. */
  itlP50Ms: number | null
  itlP95Ms: number | null
  /** Number of streamed text deltas (chunks, not tokens). */
  deltaCount: number
}

export interface AttemptResult {
  attempt: number
  status: 'ok' | 'error' | 'cancelled'
  /** Epoch ms when the attempt's request started. */
  startedAt: number
  timings: TransportTimings
  inputTokens: number | null
  outputTokens: number | null
  cachedTokens: number | null
  reasoningTokens: number | null
  /** True when the provider sent no usage and the counts come from a tokenizer. */
  usageEstimated: boolean
  finishReason: string | null
  errorClass: ErrorClass | null
  /** Redacted: never contains a key. */
  errorMessage: string | null
  httpStatus: number | null
  retryAfterMs: number | null
  requestId: string | null
  /** Text received (partial when the stream broke: errorClass `stream_interrupted`). */
  text: string
}

export interface CallHooks {
  signal: AbortSignal
  onDelta?(text: string): void
  /** Called before waiting to retry (429 Retry-After or backoff). */
  onRetry?(info: { attempt: number; waitMs: number; errorClass: ErrorClass; message: string }): void
  onAttemptStarted?(attempt: number): void
  /** Called as each attempt ends, before any retry wait, so a runner can commit it at once. */
  onAttemptFinished?(result: AttemptResult): void
}

/** streamCall's signature, implemented in src/providers/stream-call.ts. */
export type StreamCall = (target: CallTarget, request: CallRequest, policy: CallPolicy, hooks: CallHooks) => Promise<AttemptResult[]>

import type { ErrorClass } from '../core/schemas/run'

/** Backoff base and cap (openai-node's defaults: 0.5 s doubling, at most 8 s). */
export const BACKOFF_BASE_MS = 500
export const BACKOFF_CAP_MS = 8000
/** Jitter removes up to this share of the backoff delay. */
export const BACKOFF_JITTER = 0.25

export interface RetryDelayOptions {
  /** From Retry-After / retry-after-ms; null when the provider sent none. */
  retryAfterMs: number | null
  /** A Retry-After above this is not honoured: the call gives up instead of waiting. */
  maxRetryAfterMs: number
  /** Uniform in [0, 1); injectable for tests. */
  random: () => number
}

/**
 * How long to wait before retry number `attempt` (0 for the first retry). Returns null when the provider asks
 * for a wait beyond `maxRetryAfterMs`: do not wait that long, give up (the call stays `rate_limited`).
 */
export function retryDelayMs(attempt: number, options: RetryDelayOptions): number | null {
  const { retryAfterMs } = options
  if (retryAfterMs !== null && Number.isFinite(retryAfterMs) && retryAfterMs >= 0) {
    return retryAfterMs > options.maxRetryAfterMs ? null : retryAfterMs
  }
  const base = Math.min(BACKOFF_BASE_MS * 2 ** Math.max(0, attempt), BACKOFF_CAP_MS)
  return base * (1 - options.random() * BACKOFF_JITTER)
}

/** Parses Retry-After style headers: `retry-after-ms`, then `retry-after` in seconds or as an HTTP date. */
export function parseRetryAfterMs(get: (name: string) => string | null | undefined, now = Date.now()): number | null {
  const ms = get('retry-after-ms')
  if (ms !== null && ms !== undefined && ms.trim() !== '' && Number.isFinite(Number(ms))) return Math.max(0, Number(ms))
  const value = get('retry-after')
  if (value === null || value === undefined || value.trim() === '') return null
  if (Number.isFinite(Number(value))) return Math.max(0, Number(value) * 1000)
  const date = Date.parse(value)
  return Number.isNaN(date) ? null : Math.max(0, date - now)
}

const RETRYABLE: ReadonlySet<ErrorClass> = new Set<ErrorClass>(['rate_limited', 'server_error', 'network', 'timeout_connect'])

export function isRetryable(errorClass: ErrorClass): boolean {
  return RETRYABLE.has(errorClass)
}

/** Resolves after `ms`, or false early when `signal` aborts (the timer is cleared). */
export function cancellableSleep(ms: number, signal: AbortSignal): Promise<boolean> {
  if (signal.aborted) return Promise.resolve(false)
  return new Promise((resolve) => {
    const onAbort = (): void => {
      clearTimeout(timer)
      resolve(false)
    }
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort)
      resolve(true)
    }, ms)
    signal.addEventListener('abort', onAbort, { once: true })
  })
}

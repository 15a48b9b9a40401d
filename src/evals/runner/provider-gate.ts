/**
 * Per-provider admission for eval and benchmark runners: at most `concurrency` calls in flight, and a shared
 * backoff — when one call is rate limited the whole provider pauses (for its Retry-After, or an exponential
 * backoff) and its concurrency is halved; successes then raise it again one step at a time (AIMD), so a run
 * settles just under the provider's limit instead of hammering it with retries.
 */

export interface ProviderGateOptions {
  /** Upper bound of calls in flight (what the user chose). */
  concurrency: number
  /** Successes needed to raise the reduced limit by one. Default: the current limit (one step per "round"). */
  successesPerStep?: number
  now?: () => number
}

export interface GateStats {
  limit: number
  maxLimit: number
  inFlight: number
  waiting: number
  pausedUntil: number
  rateLimitedCount: number
}

interface Waiter {
  grant: (release: () => void) => void
  reject: (error: unknown) => void
  signal: AbortSignal | undefined
  onAbort: () => void
}

/** Backoff when a 429 carries no Retry-After: 1 s doubling per consecutive limit, at most 30 s. */
const PAUSE_BASE_MS = 1000
const PAUSE_CAP_MS = 30_000

export class ProviderGate {
  readonly maxLimit: number
  private limit: number
  private inFlight = 0
  private pausedUntil = 0
  private consecutiveLimits = 0
  private successes = 0
  private rateLimitedCount = 0
  private timer: ReturnType<typeof setTimeout> | null = null
  private readonly queue: Waiter[] = []
  private readonly successesPerStep: number | undefined
  private readonly now: () => number

  constructor(options: ProviderGateOptions) {
    if (!Number.isInteger(options.concurrency) || options.concurrency < 1) {
      throw new RangeError(`concurrency must be a whole number ≥ 1; got ${options.concurrency}`)
    }
    this.maxLimit = options.concurrency
    this.limit = options.concurrency
    this.successesPerStep = options.successesPerStep
    this.now = options.now ?? Date.now
  }

  /** Waits for a slot; resolves with the function that gives it back (call it exactly once). */
  acquire(signal?: AbortSignal): Promise<() => void> {
    if (signal?.aborted) return Promise.reject(abortError(signal))
    return new Promise((resolve, reject) => {
      const waiter: Waiter = {
        grant: resolve,
        reject,
        signal,
        onAbort: () => {
          const index = this.queue.indexOf(waiter)
          if (index >= 0) this.queue.splice(index, 1)
          reject(abortError(signal))
        }
      }
      signal?.addEventListener('abort', waiter.onAbort, { once: true })
      this.queue.push(waiter)
      this.pump()
    })
  }

  /** A call of this provider was rate limited: pause everyone and halve the limit. */
  noteRateLimited(retryAfterMs: number | null): number {
    this.rateLimitedCount++
    this.consecutiveLimits++
    this.successes = 0
    this.limit = Math.max(1, Math.floor(this.limit / 2))
    const pause =
      retryAfterMs !== null && Number.isFinite(retryAfterMs) && retryAfterMs >= 0
        ? retryAfterMs
        : Math.min(PAUSE_BASE_MS * 2 ** (this.consecutiveLimits - 1), PAUSE_CAP_MS)
    this.pausedUntil = Math.max(this.pausedUntil, this.now() + pause)
    this.schedule()
    return pause
  }

  /** A call succeeded: after enough of them the limit grows back by one, up to the chosen concurrency. */
  noteSuccess(): void {
    this.consecutiveLimits = 0
    if (this.limit >= this.maxLimit) return
    this.successes++
    if (this.successes >= (this.successesPerStep ?? this.limit)) {
      this.successes = 0
      this.limit++
      this.pump()
    }
  }

  stats(): GateStats {
    return {
      limit: this.limit,
      maxLimit: this.maxLimit,
      inFlight: this.inFlight,
      waiting: this.queue.length,
      pausedUntil: this.pausedUntil,
      rateLimitedCount: this.rateLimitedCount
    }
  }

  /** Rejects every waiter (the run is over); calls in flight give their slots back as usual. */
  close(reason: unknown = new Error('the run ended')): void {
    if (this.timer) clearTimeout(this.timer)
    this.timer = null
    for (const waiter of this.queue.splice(0)) {
      waiter.signal?.removeEventListener('abort', waiter.onAbort)
      waiter.reject(reason)
    }
  }

  private pump(): void {
    if (this.now() < this.pausedUntil) {
      this.schedule()
      return
    }
    while (this.inFlight < this.limit && this.queue.length > 0) {
      const waiter = this.queue.shift() as Waiter
      waiter.signal?.removeEventListener('abort', waiter.onAbort)
      this.inFlight++
      let released = false
      waiter.grant(() => {
        if (released) return
        released = true
        this.inFlight--
        this.pump()
      })
    }
  }

  private schedule(): void {
    if (this.timer || this.queue.length === 0) return
    const wait = Math.max(0, this.pausedUntil - this.now())
    this.timer = setTimeout(() => {
      this.timer = null
      this.pump()
    }, wait)
  }
}

function abortError(signal: AbortSignal | undefined): unknown {
  return signal?.reason ?? new DOMException('The operation was aborted.', 'AbortError')
}

/**
 * Batches completed results into one transaction at most `maxDelayMs` after the first of them arrived (or at once
 * when `maxBatch` are waiting). Runners use it so thousands of calls per second cost a handful of fsyncs, while a
 * crash loses at most the last `maxDelayMs` of results — never a half-written one (each batch is one transaction).
 *
 * The write may be synchronous (SQLite on this thread) or return a promise (a background writer thread). One batch
 * is in flight at a time, so batches commit in order; what arrives meanwhile waits for the next batch, which is
 * sent as soon as the one in flight is committed if its delay has already passed.
 */

export interface GroupCommitOptions<T> {
  /** Writes a batch in its own transaction; throwing (or rejecting) fails the batch. */
  write: (items: T[]) => void | Promise<void>
  maxDelayMs?: number
  maxBatch?: number
  /** Told of a failed batch (the items are kept and retried after `maxDelayMs`). */
  onError?: (error: unknown, items: readonly T[]) => void
}

export interface GroupCommitter<T> {
  add(item: T): void
  pending(): number
  /** Writes everything pending and waits for it; rejects with the write's error (the items stay pending). */
  close(): Promise<void>
}

export function createGroupCommitter<T>(options: GroupCommitOptions<T>): GroupCommitter<T> {
  const maxDelayMs = options.maxDelayMs ?? 100
  const maxBatch = options.maxBatch ?? 1000
  let buffer: T[] = []
  let timer: ReturnType<typeof setTimeout> | null = null
  let inFlight: Promise<void> | null = null
  /** The delay of what is buffered has passed while a batch was in flight: send it when that one is done. */
  let due = false

  function clear(batch: Promise<void>): void {
    if (inFlight === batch) inFlight = null
  }

  function schedule(ms: number): void {
    if (!timer) timer = setTimeout(onTimer, ms)
  }

  /** Sends the buffer as one batch. Resolves when it is committed; rejects (items back in the buffer) on failure. */
  function send(): Promise<void> {
    if (timer) clearTimeout(timer)
    timer = null
    due = false
    const batch = buffer
    buffer = []
    const restore = (error: unknown): Promise<never> => {
      buffer = batch.concat(buffer)
      return Promise.reject(error)
    }
    let result: void | Promise<void>
    try {
      result = options.write(batch)
    } catch (error) {
      return restore(error)
    }
    if (!(result instanceof Promise)) return Promise.resolve()
    const settled = result.then(() => undefined, restore)
    // Registered before any caller's handler, so `inFlight` is clear when they run; never rejects.
    const tracker: Promise<void> = settled.then(
      () => clear(tracker),
      () => clear(tracker)
    )
    inFlight = tracker
    return settled
  }

  function sendInBackground(): void {
    send().then(
      () => {
        if (buffer.length > 0 && (due || buffer.length >= maxBatch)) sendInBackground()
      },
      (error: unknown) => {
        options.onError?.(error, buffer)
        schedule(maxDelayMs)
      }
    )
  }

  function onTimer(): void {
    timer = null
    if (buffer.length === 0) return
    if (inFlight) due = true
    else sendInBackground()
  }

  return {
    add(item) {
      buffer.push(item)
      if (buffer.length >= maxBatch && !inFlight) sendInBackground()
      else schedule(maxDelayMs)
    },
    pending: () => buffer.length,
    async close() {
      if (timer) clearTimeout(timer)
      timer = null
      // Whatever is in flight settles first (its failure puts its items back), then the rest goes in one batch.
      while (inFlight) await inFlight
      if (buffer.length > 0) await send()
    }
  }
}

/**
 * Batches completed results into one transaction at most `maxDelayMs` after the first of them arrived (or at once
 * when `maxBatch` are waiting). Runners use it so thousands of calls per second cost a handful of fsyncs, while a
 * crash loses at most the last `maxDelayMs` of results — never a half-written one (each batch is one transaction).
 */

export interface GroupCommitOptions<T> {
  /** Writes a batch; called inside nothing — it must open its own transaction. Throwing fails the batch. */
  write: (items: T[]) => void
  maxDelayMs?: number
  maxBatch?: number
  /** Told of a failed batch (the items are kept and retried on the next flush). */
  onError?: (error: unknown, items: readonly T[]) => void
}

export interface GroupCommitter<T> {
  add(item: T): void
  /** Writes everything pending now; throws when the write fails (the items stay pending). */
  flush(): void
  pending(): number
  /** Flushes and stops the timer. */
  close(): void
}

export function createGroupCommitter<T>(options: GroupCommitOptions<T>): GroupCommitter<T> {
  const maxDelayMs = options.maxDelayMs ?? 100
  const maxBatch = options.maxBatch ?? 1000
  let buffer: T[] = []
  let timer: ReturnType<typeof setTimeout> | null = null

  function flush(): void {
    if (timer) clearTimeout(timer)
    timer = null
    if (buffer.length === 0) return
    const batch = buffer
    buffer = []
    try {
      options.write(batch)
    } catch (error) {
      buffer = batch.concat(buffer)
      throw error
    }
  }

  function flushFromTimer(): void {
    try {
      flush()
    } catch (error) {
      options.onError?.(error, buffer)
      if (!timer) timer = setTimeout(flushFromTimer, maxDelayMs)
    }
  }

  return {
    add(item) {
      buffer.push(item)
      if (buffer.length >= maxBatch) flushFromTimer()
      else if (!timer) timer = setTimeout(flushFromTimer, maxDelayMs)
    },
    flush,
    pending: () => buffer.length,
    close() {
      flush()
    }
  }
}

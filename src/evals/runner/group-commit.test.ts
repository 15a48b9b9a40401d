import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createGroupCommitter } from './group-commit'

beforeEach(() => {
  vi.useFakeTimers()
})
afterEach(() => {
  vi.useRealTimers()
})

describe('createGroupCommitter', () => {
  it('writes everything that arrived within the delay as one batch', async () => {
    const batches: number[][] = []
    const committer = createGroupCommitter<number>({ write: (items) => void batches.push(items), maxDelayMs: 100 })
    committer.add(1)
    await vi.advanceTimersByTimeAsync(60)
    committer.add(2)
    expect(batches).toEqual([])
    await vi.advanceTimersByTimeAsync(40)
    expect(batches).toEqual([[1, 2]])
    committer.add(3)
    await vi.advanceTimersByTimeAsync(100)
    expect(batches).toEqual([[1, 2], [3]])
  })

  it('writes at once when the batch is full', async () => {
    const batches: number[][] = []
    const committer = createGroupCommitter<number>({ write: (items) => void batches.push(items), maxBatch: 3 })
    for (let i = 0; i < 7; i++) committer.add(i)
    expect(batches).toEqual([[0, 1, 2], [3, 4, 5]])
    expect(committer.pending()).toBe(1)
    await committer.close()
    expect(batches.at(-1)).toEqual([6])
  })

  it('keeps a failed batch and writes it with the next one', async () => {
    const batches: number[][] = []
    let fail = true
    const errors: unknown[] = []
    const committer = createGroupCommitter<number>({
      write: (items) => {
        if (fail) throw new Error('SQLITE_BUSY')
        batches.push(items)
      },
      onError: (error) => errors.push(error),
      maxDelayMs: 50
    })
    committer.add(1)
    await vi.advanceTimersByTimeAsync(50)
    expect(errors).toHaveLength(1)
    expect(committer.pending()).toBe(1)
    fail = false
    committer.add(2)
    await vi.advanceTimersByTimeAsync(50)
    expect(batches).toEqual([[1, 2]])
  })

  it('close rejects with the write error and keeps the items', async () => {
    const committer = createGroupCommitter<number>({
      write: () => {
        throw new Error('disk full')
      }
    })
    committer.add(1)
    await expect(committer.close()).rejects.toThrow('disk full')
    expect(committer.pending()).toBe(1)
  })
})

describe('createGroupCommitter with a background writer (the write returns a promise)', () => {
  function deferredWriter() {
    const calls: Array<{ items: number[]; resolve: () => void; reject: (error: Error) => void }> = []
    const write = (items: number[]): Promise<void> =>
      new Promise<void>((resolve, reject) => {
        calls.push({ items, resolve, reject })
      })
    return { calls, write }
  }

  it('keeps one batch in flight and sends what arrived meanwhile as soon as it is committed', async () => {
    const writer = deferredWriter()
    const committer = createGroupCommitter<number>({ write: writer.write, maxDelayMs: 100 })
    committer.add(1)
    await vi.advanceTimersByTimeAsync(100)
    expect(writer.calls.map((c) => c.items)).toEqual([[1]])
    committer.add(2)
    committer.add(3)
    // The second batch's delay passes while the first is still being committed: it waits for it, in order.
    await vi.advanceTimersByTimeAsync(150)
    expect(writer.calls).toHaveLength(1)
    writer.calls[0]?.resolve()
    await vi.advanceTimersByTimeAsync(0)
    expect(writer.calls.map((c) => c.items)).toEqual([[1], [2, 3]])
    writer.calls[1]?.resolve()
    await vi.advanceTimersByTimeAsync(0)
    expect(committer.pending()).toBe(0)
  })

  it('puts a rejected batch back in front, tells onError and retries it after the delay', async () => {
    const writer = deferredWriter()
    const errors: string[] = []
    const committer = createGroupCommitter<number>({ write: writer.write, maxDelayMs: 50, onError: (error) => errors.push((error as Error).message) })
    committer.add(1)
    await vi.advanceTimersByTimeAsync(50)
    committer.add(2)
    writer.calls[0]?.reject(new Error('SQLITE_BUSY'))
    await vi.advanceTimersByTimeAsync(0)
    expect(errors).toEqual(['SQLITE_BUSY'])
    expect(committer.pending()).toBe(2)
    await vi.advanceTimersByTimeAsync(50)
    expect(writer.calls.map((c) => c.items)).toEqual([[1], [1, 2]])
  })

  it('close waits for the batch in flight, then commits the rest, and resolves only when all is written', async () => {
    const writer = deferredWriter()
    const committer = createGroupCommitter<number>({ write: writer.write, maxDelayMs: 100 })
    committer.add(1)
    await vi.advanceTimersByTimeAsync(100)
    committer.add(2)
    let closed = false
    const closing = committer.close().then(() => (closed = true))
    await vi.advanceTimersByTimeAsync(0)
    expect(writer.calls).toHaveLength(1)
    writer.calls[0]?.resolve()
    await vi.advanceTimersByTimeAsync(0)
    expect(writer.calls.map((c) => c.items)).toEqual([[1], [2]])
    expect(closed).toBe(false)
    writer.calls[1]?.resolve()
    await closing
    expect(closed).toBe(true)
  })

  it('close rejects when the last batch fails, keeping its items', async () => {
    const writer = deferredWriter()
    const committer = createGroupCommitter<number>({ write: writer.write })
    committer.add(1)
    const closing = committer.close()
    await vi.advanceTimersByTimeAsync(0)
    writer.calls[0]?.reject(new Error('disk full'))
    await expect(closing).rejects.toThrow('disk full')
    expect(committer.pending()).toBe(1)
  })
})

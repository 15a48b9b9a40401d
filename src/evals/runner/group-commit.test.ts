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
    const committer = createGroupCommitter<number>({ write: (items) => batches.push(items), maxDelayMs: 100 })
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

  it('writes at once when the batch is full', () => {
    const batches: number[][] = []
    const committer = createGroupCommitter<number>({ write: (items) => batches.push(items), maxBatch: 3 })
    for (let i = 0; i < 7; i++) committer.add(i)
    expect(batches).toEqual([[0, 1, 2], [3, 4, 5]])
    expect(committer.pending()).toBe(1)
    committer.close()
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

  it('flush throws the write error and keeps the items', () => {
    const committer = createGroupCommitter<number>({
      write: () => {
        throw new Error('disk full')
      }
    })
    committer.add(1)
    expect(() => committer.flush()).toThrow('disk full')
    expect(committer.pending()).toBe(1)
  })
})

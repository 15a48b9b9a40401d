import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { ProviderGate } from './provider-gate'

beforeEach(() => {
  vi.useFakeTimers()
})
afterEach(() => {
  vi.useRealTimers()
})

async function settle(): Promise<void> {
  await vi.advanceTimersByTimeAsync(0)
}

describe('ProviderGate', () => {
  it('admits at most `concurrency` calls and lets the next in when one releases', async () => {
    const gate = new ProviderGate({ concurrency: 2 })
    const granted: number[] = []
    const releases: Array<() => void> = []
    for (let i = 0; i < 4; i++) {
      void gate.acquire().then((release) => {
        granted.push(i)
        releases.push(release)
      })
    }
    await settle()
    expect(granted).toEqual([0, 1])
    expect(gate.stats()).toMatchObject({ inFlight: 2, waiting: 2 })
    releases[0]!()
    releases[0]!() // a second release of the same slot is ignored
    await settle()
    expect(granted).toEqual([0, 1, 2])
    expect(gate.stats().inFlight).toBe(2)
  })

  it('a rate limit pauses the whole provider for Retry-After and halves its limit', async () => {
    const gate = new ProviderGate({ concurrency: 8 })
    const held = await Promise.all(Array.from({ length: 8 }, () => gate.acquire()))
    expect(gate.noteRateLimited(2000)).toBe(2000)
    held.forEach((release) => release())
    let admitted = 0
    for (let i = 0; i < 6; i++) void gate.acquire().then(() => admitted++)
    await vi.advanceTimersByTimeAsync(1999)
    expect(admitted).toBe(0)
    await vi.advanceTimersByTimeAsync(1)
    expect(admitted).toBe(4)
    expect(gate.stats()).toMatchObject({ limit: 4, maxLimit: 8, rateLimitedCount: 1 })
  })

  it('without Retry-After it backs off 1 s, doubling while the limits continue', () => {
    const gate = new ProviderGate({ concurrency: 4 })
    expect(gate.noteRateLimited(null)).toBe(1000)
    expect(gate.noteRateLimited(null)).toBe(2000)
    expect(gate.noteRateLimited(null)).toBe(4000)
    expect(gate.stats().limit).toBe(1)
    gate.noteSuccess()
    expect(gate.noteRateLimited(null)).toBe(1000)
  })

  it('successes raise a reduced limit back step by step, never above the chosen concurrency', () => {
    const gate = new ProviderGate({ concurrency: 4, successesPerStep: 2 })
    gate.noteRateLimited(0)
    expect(gate.stats().limit).toBe(2)
    gate.noteSuccess()
    expect(gate.stats().limit).toBe(2)
    gate.noteSuccess()
    expect(gate.stats().limit).toBe(3)
    for (let i = 0; i < 10; i++) gate.noteSuccess()
    expect(gate.stats().limit).toBe(4)
  })

  it('an aborted waiter leaves the queue and rejects with the abort reason', async () => {
    const gate = new ProviderGate({ concurrency: 1 })
    const release = await gate.acquire()
    const controller = new AbortController()
    const waiting = gate.acquire(controller.signal)
    controller.abort(new Error('cancelled by the user'))
    await expect(waiting).rejects.toThrow('cancelled by the user')
    expect(gate.stats().waiting).toBe(0)
    release()
    await expect(gate.acquire(controller.signal)).rejects.toThrow('cancelled by the user')
  })

  it('close rejects everyone still waiting', async () => {
    const gate = new ProviderGate({ concurrency: 1 })
    await gate.acquire()
    const waiting = gate.acquire()
    gate.close(new Error('run finished'))
    await expect(waiting).rejects.toThrow('run finished')
  })

  it('refuses a concurrency below 1 with the value in the message', () => {
    expect(() => new ProviderGate({ concurrency: 0 })).toThrow(/≥ 1; got 0/)
  })
})

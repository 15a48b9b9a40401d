import { describe, expect, it } from 'vitest'
import { runPool } from './run-pool'

describe('runPool', () => {
  it('caps work in flight, runs every item and collects failures', async () => {
    let inFlight = 0
    let peak = 0
    const seen: number[] = []
    const failures = await runPool([1, 2, 3, 4, 5, 6, 7], 3, async (n) => {
      inFlight += 1
      peak = Math.max(peak, inFlight)
      await new Promise((r) => setTimeout(r, 5))
      seen.push(n)
      inFlight -= 1
      if (n === 4) throw new Error('four')
    })
    expect(peak).toBe(3)
    expect(seen.sort()).toEqual([1, 2, 3, 4, 5, 6, 7])
    expect(failures).toHaveLength(1)
  })
})

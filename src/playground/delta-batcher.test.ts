import { describe, expect, it } from 'vitest'
import { DeltaBatcher } from './delta-batcher'

describe('DeltaBatcher', () => {
  it('coalesces deltas within the interval and flushes on demand', async () => {
    const sent: string[] = []
    const batcher = new DeltaBatcher((t) => sent.push(t), 20)
    batcher.push('a')
    batcher.push('b')
    batcher.push('')
    expect(sent).toEqual([])
    await new Promise((r) => setTimeout(r, 40))
    expect(sent).toEqual(['ab'])
    batcher.push('c')
    batcher.flush()
    expect(sent).toEqual(['ab', 'c'])
    batcher.push('d')
    batcher.close()
    await new Promise((r) => setTimeout(r, 40))
    expect(sent).toEqual(['ab', 'c', 'd'])
  })
})

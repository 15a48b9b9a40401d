import { describe, expect, it } from 'vitest'
import type { DatasetCase } from '../../src/core/schemas/workspace'
import { CasePages, PAGE_SIZE } from './dataset-grid-pages'

const caseAt = (p: number): DatasetCase => ({ id: `c${p}`, position: p, vars: {}, expected: null, assertions: [], tags: [], notes: '', source: '' })

function harness(total: number) {
  const requests: number[] = []
  const resolvers: Array<() => void> = []
  let changes = 0
  const pages = new CasePages(
    (offset, limit) => {
      requests.push(offset)
      return new Promise((resolve) => resolvers.push(() => resolve(Array.from({ length: Math.min(limit, total - offset) }, (_, i) => caseAt(offset + i)))))
    },
    () => changes++,
    total,
    3,
    2
  )
  const flush = async () => {
    while (resolvers.length) {
      resolvers.shift()!()
      await new Promise((r) => setTimeout(r, 0))
    }
  }
  return { pages, requests, flush, changes: () => changes }
}

describe('case pages', () => {
  it('fetches only the wanted pages, two at a time, skipping pages scrolled away', async () => {
    const h = harness(100_000)
    h.pages.want([0, 150, 250])
    expect(h.requests).toEqual([0, 100])
    h.pages.want([99_950])
    await h.flush()
    expect(h.requests).toEqual([0, 100, 99_900])
    expect(h.pages.get(99_999)?.id).toBe('c99999')
    expect(h.pages.get(250)).toBeUndefined()
    expect(h.changes()).toBe(3)
  })

  it('drops the least recently used pages past its capacity and loads pages on demand for a paste', async () => {
    const h = harness(1000)
    const loading = h.pages.ensure([0, 1 * PAGE_SIZE, 2 * PAGE_SIZE, 3 * PAGE_SIZE + 5])
    await h.flush()
    const lookup = await loading
    expect([0, 1, 2, 3].map((p) => h.pages.isLoaded(p * PAGE_SIZE))).toEqual([false, true, true, true])
    // The paste still sees every page it asked for.
    expect(lookup(5)?.id).toBe('c5')
    expect(lookup(3 * PAGE_SIZE + 5)?.id).toBe('c305')
  })
})

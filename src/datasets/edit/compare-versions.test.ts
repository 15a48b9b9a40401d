import { describe, expect, it } from 'vitest'
import { changedFields, compareVersions, KeyInterner } from './compare-versions'

/** A case as [vars text, rest text]; the interner turns both versions into keys. */
type Row = [string, string]
function diff(from: Row[], to: Row[]) {
  const interner = new KeyInterner()
  const keys = (rows: Row[]) => interner.keysOf(rows.map(([vars, rest]) => ({ vars, rest })))
  return compareVersions(keys(from), keys(to))
}

describe('compareVersions', () => {
  it('finds nothing between equal versions', () => {
    const rows: Row[] = [['a', '1'], ['b', '2']]
    expect(diff(rows, rows)).toEqual({ entries: [], summary: { added: 0, removed: 0, changed: 0, unchanged: 2 } })
  })

  it('reports an edited expected output as changed, an appended case as added and a deleted one as removed', () => {
    const v1: Row[] = [['a', '1'], ['b', '2'], ['c', '3'], ['d', '4']]
    const v2: Row[] = [['a', '1'], ['b', 'two'], ['d', '4'], ['e', '5']]
    const result = diff(v1, v2)
    expect(result.summary).toEqual({ added: 1, removed: 1, changed: 1, unchanged: 2 })
    expect(result.entries).toEqual([
      { kind: 'changed', from: 1, to: 1 },
      { kind: 'removed', from: 2, to: null },
      { kind: 'added', from: null, to: 3 }
    ])
  })

  it('pairs a case whose variables were edited in place with its old self, between the same neighbours', () => {
    const result = diff(
      [['a', '1'], ['b', '2'], ['c', '3']],
      [['a', '1'], ['B!', '2'], ['c', '3']]
    )
    expect(result.entries).toEqual([{ kind: 'changed', from: 1, to: 1 }])
  })

  it('treats moved cases as unchanged and matches duplicates k-th with k-th', () => {
    const result = diff(
      [['a', '1'], ['b', '2'], ['a', '1']],
      [['b', '2'], ['a', '1'], ['a', '1'], ['a', '1']]
    )
    expect(result.summary).toEqual({ added: 1, removed: 0, changed: 0, unchanged: 3 })
    expect(result.entries).toEqual([{ kind: 'added', from: null, to: 3 }])
  })

  it('handles empty versions on either side', () => {
    expect(diff([], [['a', '1']]).entries).toEqual([{ kind: 'added', from: null, to: 0 }])
    expect(diff([['a', '1']], []).entries).toEqual([{ kind: 'removed', from: 0, to: null }])
  })

  it('orders removed cases after the new position of their matched predecessor', () => {
    const result = diff(
      [['x', '0'], ['a', '1'], ['y', '0'], ['b', '2']],
      [['a', '1'], ['new', '9'], ['b', '2']]
    )
    // x and y have no neighbours to pair with and no equal variables: removed; "new" sits between a and b where y was → changed.
    expect(result.entries).toEqual([
      { kind: 'removed', from: 0, to: null },
      { kind: 'changed', from: 2, to: 1 }
    ])
  })

  it('compares 100k cases with a few edits quickly', () => {
    const v1: Row[] = Array.from({ length: 100_000 }, (_, i) => [`{"q":"${i}"}`, `["answer ${i}"]`])
    const v2 = v1.slice()
    v2.splice(500, 1)
    v2[70_000] = [`{"q":"70001"}`, '["edited"]']
    v2.push(['{"q":"new"}', '[]'])
    const t0 = performance.now()
    const result = diff(v1, v2)
    // Linear: about 1 s here on a busy 2-core machine; the bound only catches a quadratic slip.
    expect(performance.now() - t0).toBeLessThan(6000)
    expect(result.summary).toEqual({ added: 1, removed: 1, changed: 1, unchanged: 99_998 })
  })
})

describe('changedFields', () => {
  const base = { vars: { a: 1, b: 'x' }, expected: 'e', assertions: [{ type: 'contains', value: 'x' }], tags: ['t'], notes: '' }
  it('names each variable and field that differs', () => {
    expect(changedFields(base, { ...base, vars: { a: 2, c: true }, tags: ['t', 'u'] })).toEqual(['vars.a', 'vars.b', 'vars.c', 'tags'])
    expect(changedFields(base, { ...base, expected: null, notes: 'n', assertions: [] })).toEqual(['expected', 'assertions', 'notes'])
    expect(changedFields(base, { ...base })).toEqual([])
  })
})

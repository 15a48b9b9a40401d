import { afterEach, describe, expect, it } from 'vitest'
import { createTempSpace } from '../testing/temp-store'
import { okCall } from '../testing/fixtures'

const space = createTempSpace()
afterEach(() => space.cleanup())

function storeWithCalls(n = 3) {
  const store = space.open()
  const runId = store.runs.create({ kind: 'playground', title: 'Summaries', config: { variables: { text: 'hello' }, messages: [] } })
  const callIds = Array.from({ length: n }, (_, i) => store.calls.insert(okCall(runId, i, { outputText: `answer ${i}` })))
  return { store, runId, callIds }
}

describe('feedback.set and forCalls', () => {
  it('replaces a call’s feedback, and clears it with no rating and no note', () => {
    const { store, callIds } = storeWithCalls()
    const [a, b] = callIds as [string, string]
    store.feedback.insert({ callId: a, rating: 1 })
    expect(store.feedback.set(a, -1, 'wrong tone')).toMatchObject({ callId: a, rating: -1, note: 'wrong tone' })
    expect(store.feedback.listByCall(a)).toHaveLength(1)
    store.feedback.set(b, 1, '')
    expect(store.feedback.forCalls([a, b, 'unknown']).map((f) => [f.callId, f.rating, f.note])).toEqual([
      [a, -1, 'wrong tone'],
      [b, 1, '']
    ])
    expect(store.feedback.set(b, null, '  ')).toBeNull()
    expect(store.feedback.forCalls([b])).toEqual([])
    expect(() => store.feedback.set('nope', 1, '')).toThrow(expect.objectContaining({ code: 'NOT_FOUND' }))
  })
})

describe('feedback.list', () => {
  it('filters by rating, note and whether a case was made, with the call’s variables and datasets', () => {
    const { store, callIds } = storeWithCalls(3)
    const [a, b, c] = callIds as [string, string, string]
    store.feedback.set(a, -1, 'too long')
    store.feedback.set(b, 1, '')
    store.feedback.set(c, 0, 'odd phrasing')
    const all = { rating: 'any', withNote: false, notYetCase: false, limit: 100, offset: 0 } as const
    const listed = store.feedback.list(all)
    expect(listed.total).toBe(3)
    expect(listed.items.map((i) => i.callId).sort()).toEqual([a, b, c].sort())
    expect(listed.items.find((i) => i.callId === a)).toMatchObject({ runTitle: 'Summaries', rating: -1, note: 'too long', output: 'answer 0', outputLength: 8, vars: { text: 'hello' }, inDatasets: [] })
    expect(store.feedback.list({ ...all, rating: 'down' }).items.map((i) => i.callId)).toEqual([a])
    expect(store.feedback.list({ ...all, rating: 'up' }).items.map((i) => i.callId)).toEqual([b])
    expect(store.feedback.list({ ...all, withNote: true }).total).toBe(2)

    store.datasets.create({ name: 'From feedback' }, [{ vars: {}, source: `call:${a}` }])
    expect(store.feedback.list({ ...all, notYetCase: true }).items.map((i) => i.callId).sort()).toEqual([b, c].sort())
    expect(store.feedback.list(all).items.find((i) => i.callId === a)!.inDatasets).toEqual(['From feedback'])
    expect(store.feedback.list({ ...all, limit: 1, offset: 1 })).toMatchObject({ total: 3, items: [expect.anything()] })
  })

  it('gives what a case needs: whole output, variables (the case’s for an eval call) and feedback', () => {
    const { store, callIds } = storeWithCalls(1)
    store.feedback.set(callIds[0]!, 1, 'great')
    expect(store.feedback.source(callIds[0]!)).toMatchObject({ outputText: 'answer 0', vars: { text: 'hello' }, rating: 1, note: 'great', modelId: 'emu-swift' })
    const ds = store.datasets.create({ name: 'Golden' }, [{ vars: { ticket: 'refund please' } }])
    const caseId = store.datasets.cases(ds.id).cases[0]!.id
    const evalRun = store.runs.create({ kind: 'eval' })
    const evalCall = store.calls.insert(okCall(evalRun, 0, { caseId }))
    expect(store.feedback.source(evalCall)).toMatchObject({ vars: { ticket: 'refund please' }, rating: null, note: '' })
    expect(store.feedback.source('nope')).toBeNull()
  })
})

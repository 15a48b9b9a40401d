import { afterEach, describe, expect, it } from 'vitest'
import { createTempSpace } from '../testing/temp-store'
import { okCall } from '../testing/fixtures'

const space = createTempSpace()
afterEach(() => space.cleanup())

const catalog = { prices: { inputPricePerMTok: 1, outputPricePerMTok: 2, cachedInputPricePerMTok: 0.5 }, source: 'catalog' as const }

describe('models: add, price overrides, refresh', () => {
  it('adds one model; adding it again is a CONFLICT', () => {
    const store = space.open()
    store.providers.create({ id: 'az', kind: 'azure-openai', name: 'Azure', baseUrl: null })
    const m = store.models.add('az', { modelId: 'my-deployment', displayName: 'My deployment', inputPricePerMTok: 1, outputPricePerMTok: 2 })
    expect(m).toMatchObject({ modelId: 'my-deployment', displayName: 'My deployment', priceSource: 'catalog', enabled: true })
    expect(() => store.models.add('az', { modelId: 'my-deployment' })).toThrow(expect.objectContaining({ code: 'CONFLICT' }))
    expect(() => store.models.add('nope', { modelId: 'x' })).toThrow(expect.objectContaining({ code: 'NOT_FOUND' }))
    expect(store.models.add('az', { modelId: 'bare' })).toMatchObject({ priceSource: 'unknown', inputPricePerMTok: null })
  })

  it('a user override survives a refresh; clearing it restores catalog prices, or unknown without them', () => {
    const store = space.open()
    store.providers.create({ id: 'oa', kind: 'openai', name: 'OpenAI', baseUrl: null })
    store.models.upsertMany('oa', [
      { modelId: 'a', inputPricePerMTok: 1, outputPricePerMTok: 2 },
      { modelId: 'b', inputPricePerMTok: 1, outputPricePerMTok: 2 }
    ])
    const prices = { inputPricePerMTok: 10, outputPricePerMTok: 20, cachedInputPricePerMTok: null }
    expect(store.models.setPriceOverride('oa', 'a', prices)).toMatchObject({ ...prices, priceSource: 'user' })
    store.models.update('oa', 'a', { enabled: false })
    store.models.upsertMany('oa', [{ modelId: 'a', inputPricePerMTok: 3, outputPricePerMTok: 4 }, { modelId: 'c' }])
    expect(store.models.get('oa', 'a')).toMatchObject({ ...prices, priceSource: 'user', enabled: false })
    expect(store.models.get('oa', 'c')).toMatchObject({ priceSource: 'unknown', enabled: true })

    expect(store.models.setPriceOverride('oa', 'a', null, catalog)).toMatchObject({ ...catalog.prices, priceSource: 'catalog', enabled: false })
    store.models.setPriceOverride('oa', 'b', prices)
    expect(store.models.setPriceOverride('oa', 'b', null, null)).toMatchObject({ inputPricePerMTok: null, outputPricePerMTok: null, priceSource: 'unknown' })
    expect(() => store.models.setPriceOverride('oa', 'b', { ...prices, inputPricePerMTok: -1 })).toThrow(expect.objectContaining({ code: 'VALIDATION_FAILED' }))
    expect(() => store.models.setPriceOverride('oa', 'zz', prices)).toThrow(expect.objectContaining({ code: 'NOT_FOUND' }))
  })
})

describe('providers: remove with models', () => {
  it('removes the provider and its models; its calls stay', () => {
    const store = space.open()
    store.providers.create({ id: 'oa', kind: 'openai', name: 'OpenAI', baseUrl: null })
    store.models.upsertMany('oa', [{ modelId: 'a' }, { modelId: 'b' }])
    const runId = store.runs.create({ kind: 'playground', title: 't' })
    store.calls.insert(okCall(runId, 0, { providerId: 'oa', modelId: 'a' }))
    store.providers.remove('oa')
    expect(store.providers.find('oa')).toBeNull()
    expect(store.models.list('oa')).toEqual([])
    expect(store.runs.get(runId).calls).toEqual([expect.objectContaining({ providerId: 'oa', modelId: 'a' })])
  })
})

describe('runs: list with a query', () => {
  it('finds runs by title, prompt text and call output, case-insensitively, with %/_ literal', () => {
    const store = space.open()
    const byTitle = store.runs.create({ kind: 'playground', title: 'Invoice triage' })
    const byPrompt = store.runs.create({ kind: 'playground', title: 'x', config: { messages: [{ role: 'user', content: 'Summarise the Zebra report' }] } })
    const byProbe = store.runs.create({ kind: 'probe', title: 'probe', config: { prompt: 'say hello like a walrus' } })
    const byOutput = store.runs.create({ kind: 'playground', title: 'y' })
    store.calls.insert(okCall(byOutput, 0, { outputText: 'The answer is 100% quokka_like' }))
    const keysOnly = store.runs.create({ kind: 'playground', title: 'z', config: { messages: [{ role: 'user', content: 'hi' }] } })

    const ids = (query: string, kind?: 'probe' | 'playground') => store.runs.list({ query, ...(kind ? { kind } : {}) }).map((r) => r.id)
    expect(ids('invoice')).toEqual([byTitle])
    expect(ids('zebra')).toEqual([byPrompt])
    expect(ids('WALRUS')).toEqual([byProbe])
    expect(ids('walrus', 'playground')).toEqual([])
    expect(ids('quokka')).toEqual([byOutput])
    expect(ids('100%')).toEqual([byOutput])
    expect(ids('0%_q')).toEqual([])
    expect(ids('messages')).toEqual([])
    expect(ids('   ')).toHaveLength(5)
    expect(ids('hi')).toContain(keysOnly)
  })
})

describe('datasets: add one case', () => {
  it('creates a dataset with version 1, then saves version 2 with the old cases and the new one', () => {
    const store = space.open()
    const first = store.datasets.addCase({ newDataset: { name: 'From playground' } }, { vars: { q: 'one' }, expected: 'A' })
    expect(first).toMatchObject({ version: 1 })
    expect(store.datasets.cases(first.datasetId).cases).toEqual([expect.objectContaining({ id: first.caseId, vars: { q: 'one' }, expected: 'A', position: 0 })])

    const second = store.datasets.addCase({ datasetId: first.datasetId }, { vars: { q: 'two' }, notes: 'ref', tags: ['t'] })
    expect(second).toMatchObject({ datasetId: first.datasetId, version: 2 })
    const page = store.datasets.cases(first.datasetId)
    expect(page).toMatchObject({ version: 2, total: 2 })
    expect(page.cases.map((c) => c.vars)).toEqual([{ q: 'one' }, { q: 'two' }])
    expect(page.cases[1]).toMatchObject({ id: second.caseId, notes: 'ref', tags: ['t'] })
    expect(store.datasets.cases(first.datasetId, { version: 1 }).total).toBe(1)

    expect(() => store.datasets.addCase({ newDataset: { name: 'from PLAYGROUND' } }, { vars: {} })).toThrow(expect.objectContaining({ code: 'CONFLICT' }))
    expect(() => store.datasets.addCase({ datasetId: 'nope' }, { vars: {} })).toThrow(expect.objectContaining({ code: 'NOT_FOUND' }))
    expect(store.datasets.list()).toHaveLength(1)
  })
})

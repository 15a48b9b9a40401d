import { afterEach, describe, expect, it } from 'vitest'
import { Model } from '../../core/schemas/provider'
import { createTempSpace } from '../testing/temp-store'

const space = createTempSpace()
afterEach(() => space.cleanup())

function storeWithProvider() {
  const store = space.open()
  const provider = store.providers.create({ id: 'openai', kind: 'openai', name: 'OpenAI', baseUrl: null })
  return { store, provider }
}

describe('models', () => {
  it('upserts a catalog, lists by provider and gets one as core Model objects', () => {
    const { store } = storeWithProvider()
    store.providers.create({ id: 'groq', kind: 'groq', name: 'Groq', baseUrl: null })
    const models = store.models.upsertMany('openai', [
      { modelId: 'gpt-mini', displayName: 'GPT mini', contextWindow: 128_000, inputPricePerMTok: 0.15, outputPricePerMTok: 0.6 },
      { modelId: 'gpt-big', displayName: 'GPT big', contextWindow: 200_000, inputPricePerMTok: 2.5, outputPricePerMTok: 10, cachedInputPricePerMTok: 1.25 }
    ])
    store.models.upsertMany('groq', [{ modelId: 'llama-fast' }])
    expect(models.map((m) => m.modelId)).toEqual(['gpt-big', 'gpt-mini'])
    for (const m of store.models.list()) expect(Model.parse(m)).toEqual(m)
    expect(store.models.list()).toHaveLength(3)
    expect(store.models.list('groq')).toEqual([expect.objectContaining({ modelId: 'llama-fast', displayName: 'llama-fast', priceSource: 'unknown', inputPricePerMTok: null })])
    expect(store.models.get('openai', 'gpt-big')).toMatchObject({ providerId: 'openai', cachedInputPricePerMTok: 1.25, priceSource: 'catalog', enabled: true })
  })

  it('a refresh updates catalog prices but keeps user prices and the enabled choice', () => {
    const { store } = storeWithProvider()
    store.models.upsertMany('openai', [
      { modelId: 'a', inputPricePerMTok: 1, outputPricePerMTok: 2 },
      { modelId: 'b', inputPricePerMTok: 1, outputPricePerMTok: 2 }
    ])
    const idBefore = store.models.get('openai', 'a').id
    store.models.update('openai', 'a', { inputPricePerMTok: 0.5, enabled: false })
    expect(store.models.get('openai', 'a')).toMatchObject({ inputPricePerMTok: 0.5, outputPricePerMTok: 2, priceSource: 'user', enabled: false })
    store.models.upsertMany('openai', [
      { modelId: 'a', inputPricePerMTok: 3, outputPricePerMTok: 4 },
      { modelId: 'b', inputPricePerMTok: 3, outputPricePerMTok: 4 }
    ])
    expect(store.models.get('openai', 'a')).toMatchObject({ id: idBefore, inputPricePerMTok: 0.5, priceSource: 'user', enabled: false })
    expect(store.models.get('openai', 'b')).toMatchObject({ inputPricePerMTok: 3, outputPricePerMTok: 4, priceSource: 'catalog', enabled: true })
    expect(store.models.list('openai')).toHaveLength(2)
  })

  it('NOT_FOUND for an unknown provider or model; VALIDATION_FAILED for bad prices, all or nothing', () => {
    const { store } = storeWithProvider()
    expect(() => store.models.upsertMany('nope', [{ modelId: 'x' }])).toThrow(expect.objectContaining({ code: 'NOT_FOUND', message: expect.stringContaining('"nope"') }))
    expect(() => store.models.get('openai', 'missing')).toThrow(expect.objectContaining({ code: 'NOT_FOUND', message: expect.stringContaining('openai/missing') }))
    expect(store.models.find('openai', 'missing')).toBeNull()
    expect(() => store.models.upsertMany('openai', [{ modelId: 'ok' }, { modelId: 'bad', inputPricePerMTok: -1 }])).toThrow(
      expect.objectContaining({ code: 'VALIDATION_FAILED', message: expect.stringContaining('1.inputPricePerMTok') })
    )
    expect(store.models.list('openai')).toEqual([])
  })
})

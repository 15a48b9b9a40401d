import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ProviderWithStatus } from '../../src/core/schemas/provider'
import type { Model } from '../../src/core/schemas/provider'
import type { RunDetail } from '../../src/core/schemas/run'
import { startEngineFixture, type EngineFixture } from '../support/engine-fixture'
import { startJob } from '../support/job-events'

let fixture: EngineFixture
beforeAll(async () => {
  fixture = await startEngineFixture()
})
afterAll(async () => fixture.close())

const dispatch = (op: string, request: unknown) => fixture.engine.dispatch(op, request)

describe('providers and models through dispatch', () => {
  it('creates, updates and removes a provider, rejecting bad options by field', async () => {
    const created = (await dispatch('providers.create', {
      kind: 'openai-compatible',
      name: 'My server',
      baseUrl: 'http://127.0.0.1:9/v1',
      options: { headers: 'X-Team: search\nX-Trace: on' }
    })) as ProviderWithStatus
    expect(created).toMatchObject({ kind: 'openai-compatible', options: { headers: { 'X-Team': 'search', 'X-Trace': 'on' } }, key: { configured: false } })

    const bad = async (request: unknown, path: string) =>
      expect(dispatch('providers.create', request)).rejects.toMatchObject({ code: 'VALIDATION_FAILED', issues: [expect.objectContaining({ path })] })
    await bad({ kind: 'openai-compatible', name: 'x' }, 'baseUrl')
    await bad({ kind: 'azure-openai', name: 'x', options: { resourceName: 'res' } }, 'options.apiVersion')
    await bad({ kind: 'azure-openai', name: 'x', options: { apiVersion: '2024-10-21' } }, 'options.resourceName')
    await bad({ kind: 'openai', name: 'x', options: { apiKey: 'sk-nope-nope-nope' } }, 'options.apiKey')
    await bad({ kind: 'vllm', name: 'x', baseUrl: 'http://127.0.0.1:8000/v1', options: { headers: 'Authorization: Bearer abcdefgh' } }, 'options.headers.Authorization')
    await bad({ kind: 'vllm', name: 'x', baseUrl: 'http://127.0.0.1:8000/v1', options: { headers: 'no colon here' } }, 'options.headers')
    await bad({ kind: 'vllm', name: 'x', baseUrl: 'http://127.0.0.1:8000/v1', options: { headers: 'X-Auth-Token: abcdefgh' } }, 'options.headers.X-Auth-Token')
    await bad({ kind: 'vllm', name: 'x', baseUrl: 'http://127.0.0.1:8000/v1', options: { accessToken: 'abcdefgh' } }, 'options.accessToken')
    // A header that merely mentions tokens (the emulator's reply length) is not a credential.
    const ok = (await dispatch('providers.create', { kind: 'vllm', name: 'long replies', baseUrl: 'http://127.0.0.1:8000/v1', options: { headers: 'x-emulator-reply-tokens: 1000' } })) as ProviderWithStatus
    expect(ok.options).toEqual({ headers: { 'x-emulator-reply-tokens': '1000' } })
    const azure = (await dispatch('providers.create', { kind: 'azure-openai', name: 'Azure', options: { resourceName: 'res', apiVersion: '2024-10-21' } })) as ProviderWithStatus
    expect(azure.options).toEqual({ resourceName: 'res', apiVersion: '2024-10-21' })
    const ollama = (await dispatch('providers.create', { kind: 'ollama', name: 'Ollama' })) as ProviderWithStatus
    expect(ollama.baseUrl).toBe('http://127.0.0.1:11434/v1')

    const updated = (await dispatch('providers.update', { id: created.id, name: 'Renamed', enabled: false, options: { headers: { 'X-Team': 'ads' } } })) as ProviderWithStatus
    expect(updated).toMatchObject({ name: 'Renamed', enabled: false, baseUrl: 'http://127.0.0.1:9/v1', options: { headers: { 'X-Team': 'ads' } } })
    await expect(dispatch('providers.update', { id: created.id, baseUrl: null })).rejects.toMatchObject({ code: 'VALIDATION_FAILED', issues: [{ path: 'baseUrl', message: expect.any(String) }] })
    await expect(dispatch('providers.update', { id: 'nope', name: 'x' })).rejects.toMatchObject({ code: 'NOT_FOUND' })

    await dispatch('models.add', { providerId: created.id, modelId: 'local-model' })
    await dispatch('secrets.set', { providerId: created.id, key: 'sk-test-1234567890' })
    expect(await dispatch('providers.remove', { id: created.id })).toEqual({ removed: true })
    expect(fixture.engine.context.secretStore.reveal(created.id, 'OPENAI_COMPATIBLE_API_KEY')).toBeUndefined()
    expect(await dispatch('models.list', { providerId: created.id })).toEqual([])
    await expect(dispatch('providers.remove', { id: 'local-emulator' })).rejects.toMatchObject({ code: 'CONFLICT' })
  })

  it('adds a model, overrides its price (changing the next call’s cost), clears it and toggles it', async () => {
    const run = async () => {
      const job = await startJob(fixture.engine, 'playground.run', { messages: [{ role: 'user', content: 'Price check' }], params: { maxTokens: 20 }, models: [{ providerId: 'local-emulator', modelId: 'emu-instant' }] })
      const info = await job.settled()
      return ((await dispatch('runs.get', { id: info.runId })) as RunDetail).calls[0]!
    }
    const free = await run()
    expect(free.costUsd).toBe(0)
    const priced = (await dispatch('models.update', { providerId: 'local-emulator', modelId: 'emu-instant', prices: { inputPricePerMTok: 1000, outputPricePerMTok: 2000 } })) as Model
    expect(priced).toMatchObject({ priceSource: 'user', inputPricePerMTok: 1000 })
    const paid = await run()
    expect(paid.costUsd).toBeCloseTo(((paid.inputTokens ?? 0) * 1000 + (paid.outputTokens ?? 0) * 2000) / 1e6, 9)
    expect(paid.costUsd).toBeGreaterThan(0)
    const cleared = (await dispatch('models.update', { providerId: 'local-emulator', modelId: 'emu-instant', prices: null, enabled: false })) as Model
    expect(cleared).toMatchObject({ priceSource: 'emulator', inputPricePerMTok: 0, enabled: false })
    await expect(dispatch('playground.run', { messages: [{ role: 'user', content: 'x' }], models: [{ providerId: 'local-emulator', modelId: 'emu-instant' }] })).rejects.toMatchObject({ code: 'VALIDATION_FAILED' })
    await dispatch('models.update', { providerId: 'local-emulator', modelId: 'emu-instant', enabled: true })

    const azure = (await dispatch('providers.create', { kind: 'azure-openai', name: 'Azure 2', options: { resourceName: 'res2', apiVersion: '2024-10-21' } })) as ProviderWithStatus
    const deployment = (await dispatch('models.add', { providerId: azure.id, modelId: 'prod-deployment', displayName: 'Prod' })) as Model
    expect(deployment).toMatchObject({ modelId: 'prod-deployment', displayName: 'Prod', enabled: true })
    await expect(dispatch('models.add', { providerId: azure.id, modelId: 'prod-deployment' })).rejects.toMatchObject({ code: 'CONFLICT' })
  })

  it('refreshes the emulator provider from its listing', async () => {
    const result = (await dispatch('models.refresh', { providerId: 'local-emulator' })) as { added: number; updated: number; total: number; source: string }
    expect(result).toMatchObject({ added: 0, source: 'endpoint' })
    expect(result.updated).toBe(result.total)
    expect(result.total).toBeGreaterThan(5)
  })

  it('searches the catalog', async () => {
    const found = (await dispatch('catalog.search', { query: 'gpt', limit: 5 })) as { catalogDate: string | null; entries: unknown[] }
    expect(found.entries.length).toBeGreaterThan(0)
    expect(found.entries.length).toBeLessThanOrEqual(5)
  })
})

describe('datasets.addCase', () => {
  it('creates a dataset from a case, then adds a second case as version 2', async () => {
    const first = (await dispatch('datasets.addCase', { newDatasetName: 'Saved from playground', vars: { q: 'one' }, output: 'Answer one', use: 'expected' })) as {
      datasetId: string
      version: number
      caseId: string
    }
    expect(first.version).toBe(1)
    const second = (await dispatch('datasets.addCase', { datasetId: first.datasetId, vars: { q: 'two' }, output: 'Answer two', use: 'reference', tags: ['ref'] })) as typeof first
    expect(second).toMatchObject({ datasetId: first.datasetId, version: 2 })
    const page = (await dispatch('datasets.cases', { datasetId: first.datasetId })) as { version: number; total: number; cases: Array<{ id: string; expected: string | null; notes: string }> }
    expect(page).toMatchObject({ version: 2, total: 2 })
    expect(page.cases[0]).toMatchObject({ expected: 'Answer one' })
    expect(page.cases[1]).toMatchObject({ id: second.caseId, expected: null, notes: expect.stringContaining('Answer two') })
    await expect(dispatch('datasets.addCase', { vars: {}, output: 'x', use: 'expected' })).rejects.toMatchObject({ code: 'VALIDATION_FAILED' })
    await expect(dispatch('datasets.addCase', { datasetId: 'nope', vars: {}, output: 'x', use: 'expected' })).rejects.toMatchObject({ code: 'NOT_FOUND' })
  })
})

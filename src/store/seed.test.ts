import { afterEach, describe, expect, it } from 'vitest'
import { Model, Provider } from '../core/schemas/provider'
import { ContractDetail, ContractVersionBody, DatasetCase, DatasetSummary } from '../core/schemas/workspace'
import { EMULATOR_PROVIDER_ID, loadSampleWorkspace, seedFreshStore } from './seed'
import { createTempSpace } from './testing/temp-store'

const space = createTempSpace()
afterEach(() => space.cleanup())

const emulatorModels = [
  { id: 'emu-swift', displayName: 'Emulator Swift', contextWindow: 32_000, inputPricePerMTok: 0.1, outputPricePerMTok: 0.4 },
  { id: 'emu-steady', displayName: 'Emulator Steady', contextWindow: 128_000, inputPricePerMTok: 0.5, outputPricePerMTok: 1.5 },
  { id: 'emu-deep', displayName: 'Emulator Deep', contextWindow: 200_000, inputPricePerMTok: 3, outputPricePerMTok: 12 }
]

describe('seedFreshStore', () => {
  it('gives a new store the built-in emulator provider and its models', () => {
    const store = space.open()
    expect(seedFreshStore(store, { emulatorModels })).toEqual({ seeded: true })
    const [provider] = store.providers.list()
    expect(provider && Provider.parse(provider)).toEqual(provider)
    expect(provider).toMatchObject({ id: EMULATOR_PROVIDER_ID, kind: 'emulator', name: 'Local emulator', baseUrl: null, builtIn: true, enabled: true })
    const models = store.models.list(EMULATOR_PROVIDER_ID)
    for (const m of models) expect(Model.parse(m)).toEqual(m)
    expect(models.map((m) => [m.modelId, m.priceSource, m.contextWindow]).sort()).toEqual([
      ['emu-deep', 'emulator', 200_000],
      ['emu-steady', 'emulator', 128_000],
      ['emu-swift', 'emulator', 32_000]
    ])
  })

  it('adds the sample contract and golden set, valid against the core schemas', () => {
    const store = space.open()
    seedFreshStore(store, { emulatorModels })
    const [summary] = store.contracts.list()
    const contract = store.contracts.get(summary?.id ?? '')
    expect(ContractDetail.parse(contract)).toEqual(contract)
    expect(contract).toMatchObject({ name: 'Support ticket triage', feature: 'support-triage', latestVersion: 1 })
    const body = contract.latest
    expect(body?.messages.some((m) => m.content.includes('{{ticket}}'))).toBe(true)
    expect(body?.messages.some((m) => m.content.includes('{{customer_tier}}'))).toBe(true)
    expect(body?.variables.map((v) => v.name)).toEqual(['ticket', 'customer_tier'])
    expect(body?.budgets).toEqual({ p95LatencyMs: 2000, p95TtftMs: 800, maxCostPerRequestUsd: 0.002, minPassRate: 0.9 })
    expect(body?.candidates.map((c) => `${c.providerId}/${c.modelId}`)).toEqual(['local-emulator/emu-swift', 'local-emulator/emu-steady', 'local-emulator/emu-deep'])
    expect(body?.fallback).toMatchObject({ retries: 2, fallbacks: [{ providerId: 'local-emulator', modelId: 'emu-steady' }] })
    const schema = body?.output.kind === 'json_schema' ? body.output.schema : null
    expect(schema).toMatchObject({
      properties: {
        category: { enum: ['billing', 'bug', 'how_to', 'account', 'feature_request'] },
        priority: { enum: ['low', 'normal', 'high', 'urgent'] },
        summary: { type: 'string', maxLength: 200 }
      }
    })

    const [dataset] = store.datasets.list()
    expect(dataset && DatasetSummary.parse(dataset)).toEqual(dataset)
    expect(dataset).toMatchObject({ name: 'Triage golden set', contractId: contract.id, latestVersion: 1, caseCount: 10 })
    const { cases } = store.datasets.cases(dataset?.id ?? '', { limit: 100 })
    expect(cases).toHaveLength(10)
    const categories = new Set<string>()
    const priorities = new Set<string>()
    for (const c of cases) {
      expect(DatasetCase.parse(c)).toEqual(c)
      expect(Object.keys(c.vars).sort()).toEqual(['customer_tier', 'ticket'])
      const expected = JSON.parse(c.expected ?? 'null') as { category: string; priority: string }
      categories.add(expected.category)
      priorities.add(expected.priority)
      expect(c.assertions).toContainEqual({ type: 'is-json' })
      expect(c.assertions).toContainEqual({ type: 'json-path', value: { path: '$.category', equals: expected.category } })
      expect(c.tags.length).toBeGreaterThan(0)
      expect(c.notes.length).toBeGreaterThan(0)
    }
    expect([...categories].sort()).toEqual(['account', 'billing', 'bug', 'feature_request', 'how_to'])
    expect([...priorities].sort()).toEqual(['high', 'low', 'normal', 'urgent'])
    expect(new Set(cases.map((c) => c.vars.ticket)).size).toBe(10)
  })

  it('is idempotent: a second seed, or a reopened store, changes nothing', () => {
    const store = space.open()
    seedFreshStore(store, { emulatorModels })
    const counts = () => ['provider', 'model', 'contract', 'contract_version', 'dataset', 'dataset_case'].map((t) => store.db.prepare(`SELECT count(*) FROM ${t}`).pluck().get())
    const before = counts()
    expect(seedFreshStore(store, { emulatorModels })).toEqual({ seeded: false })
    expect(counts()).toEqual(before)
    store.close()
    const again = space.open(store.path)
    expect(seedFreshStore(again, { emulatorModels })).toEqual({ seeded: false })
    expect(again.contracts.list()).toHaveLength(1)
  })

  it('leaves a store that already has providers alone', () => {
    const store = space.open()
    store.providers.create({ kind: 'openai', name: 'OpenAI', baseUrl: null })
    expect(seedFreshStore(store, { emulatorModels })).toEqual({ seeded: false })
    expect(store.contracts.list()).toEqual([])
  })

  it('the bundled sample file itself validates against the core schemas', () => {
    const sample = loadSampleWorkspace()
    expect(ContractVersionBody.safeParse(sample.contract.body).success).toBe(true)
    expect(sample.dataset.cases).toHaveLength(10)
  })
})

import { describe, expect, it } from 'vitest'
import type { Suite } from '../../src/core/schemas/suite'
import { buildSuiteRequest, emptySuiteForm, formFromSuite, modelKey, parseAssertions, parseModelKey, problemsFor } from './eval-suite-form'
import type { SuiteForm } from './eval-suite-form'

const filled = (change: Partial<SuiteForm> = {}): SuiteForm => ({
  ...emptySuiteForm(),
  name: 'Triage smoke',
  contractId: 'c1',
  contractVersionId: 'cv1',
  datasetId: 'd1',
  datasetVersionId: 'dv1',
  ...change
})

describe('suite form', () => {
  it('accepts an empty or valid assertions array, keeping what was written', () => {
    expect(parseAssertions('')).toEqual({ ok: true, value: [] })
    const text = '[{ "type": "icontains", "value": "billing" }, { "type": "contains-any", "value": "a, b" }]'
    expect(parseAssertions(text)).toEqual({ ok: true, value: [{ type: 'icontains', value: 'billing' }, { type: 'contains-any', value: 'a, b' }] })
  })

  it('names JSON syntax errors by line and column', () => {
    const result = parseAssertions('[\n  { "type": "contains", }\n]')
    expect(result.ok).toBe(false)
    if (!result.ok) expect(result.problems[0]).toMatch(/^Not valid JSON at line 2, column \d+/)
  })

  it('names each invalid assertion by its number and type', () => {
    const notArray = parseAssertions('{ "type": "contains" }')
    expect(notArray.ok).toBe(false)
    if (!notArray.ok) expect(notArray.problems[0]).toMatch(/JSON array/)
    const result = parseAssertions('[{ "type": "is-json" }, { "type": "containz", "value": "x" }, { "type": "regex", "value": "(" }]')
    expect(result.ok).toBe(false)
    if (!result.ok) {
      expect(result.problems.some((p) => p.startsWith('Assertion 2 (containz)') && p.includes('unknown assertion type'))).toBe(true)
      expect(result.problems.some((p) => p.startsWith('Assertion 3 (regex) value') && p.includes('not a valid regular expression'))).toBe(true)
    }
  })

  it('builds a request with gates in engine units and only the settings that are set', () => {
    const { request, problems } = buildSuiteRequest(
      filled({
        assertionsText: '[{ "type": "icontains", "value": "billing" }]',
        modelsMode: 'custom',
        models: [{ providerId: 'local-emulator', modelId: 'emu-swift' }],
        repeats: '3',
        concurrency: '4',
        minPassRatePct: '90',
        maxP95LatencyMs: '2000',
        cache: true,
        variants: [{ name: 'Support ticket triage', version: 1 }, { name: 'Other', version: null }],
        embeddings: { providerId: 'local-emulator', modelId: 'emu-embed' }
      })
    )
    expect(problems).toEqual([])
    expect(request).toEqual({
      name: 'Triage smoke',
      contractVersionId: 'cv1',
      datasetVersionId: 'dv1',
      settings: {
        models: [{ providerId: 'local-emulator', modelId: 'emu-swift' }],
        assertions: [{ type: 'icontains', value: 'billing' }],
        repeats: 3,
        concurrency: 4,
        cache: true,
        thresholds: { minPassRate: 0.9, maxP95LatencyMs: 2000 },
        variants: [{ name: 'Support ticket triage', version: 1 }, { name: 'Other' }],
        embeddings: { providerId: 'local-emulator', modelId: 'emu-embed' }
      }
    })
  })

  it('leaves models out to run the candidates, and lists every problem by field', () => {
    expect(buildSuiteRequest(filled()).request?.settings.models).toBeUndefined()
    const { request, problems } = buildSuiteRequest({
      ...emptySuiteForm(),
      modelsMode: 'custom',
      assertionsText: '[',
      repeats: '0',
      concurrency: 'x',
      minPassRatePct: '120',
      maxP95LatencyMs: '-1',
      maxCostPerSuccessUsd: 'abc',
      variants: [{ name: 'A', version: 2 }, { name: 'a', version: 2 }]
    })
    expect(request).toBeNull()
    expect(new Set(problems.map((p) => p.field))).toEqual(
      new Set(['name', 'contract', 'dataset', 'models', 'assertions', 'repeats', 'concurrency', 'minPassRate', 'maxP95LatencyMs', 'maxCostPerSuccessUsd', 'variants'])
    )
    expect(problemsFor(problems, 'minPassRate')[0]).toMatch(/between 0 and 100/)
  })

  it('reads a stored suite back, keeping settings it does not edit', () => {
    const suite: Suite = {
      id: 's1',
      name: 'Stored',
      contractId: 'c1',
      contractName: 'Support ticket triage',
      contractVersionId: 'cv1',
      contractVersion: 1,
      datasetId: 'd1',
      datasetName: 'Triage golden set',
      datasetVersionId: 'dv1',
      datasetVersion: 1,
      settings: { repeats: 2, thresholds: { minPassRate: 0.85, maxCostPerSuccessUsd: 0.01 }, assertions: [{ type: 'is-json' }], futureSetting: 'kept' },
      createdAt: '2025-01-01T00:00:00Z',
      updatedAt: '2025-01-01T00:00:00Z'
    }
    const form = formFromSuite(suite)
    expect(form).toMatchObject({ repeats: '2', minPassRatePct: '85', maxCostPerSuccessUsd: '0.01', maxP95LatencyMs: '', modelsMode: 'candidates', extra: { futureSetting: 'kept' } })
    const rebuilt = buildSuiteRequest(form).request
    expect(rebuilt?.settings).toMatchObject({ futureSetting: 'kept', repeats: 2, thresholds: { minPassRate: 0.85, maxCostPerSuccessUsd: 0.01 }, assertions: [{ type: 'is-json' }] })
  })

  it('keys models for selects, model ids with slashes included', () => {
    expect(modelKey({ providerId: 'or', modelId: 'openai/gpt-4.1' })).toBe('or/openai/gpt-4.1')
    expect(parseModelKey('or/openai/gpt-4.1')).toEqual({ providerId: 'or', modelId: 'openai/gpt-4.1' })
    expect(parseModelKey('nope')).toBeNull()
    expect(parseModelKey('')).toBeNull()
  })
})

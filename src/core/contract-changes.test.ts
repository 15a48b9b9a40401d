import { describe, expect, it } from 'vitest'
import { canonicalBodyJson, sameBody, summarizeChange } from './contract-changes'
import { ContractVersionBody } from './schemas/workspace'

const base = ContractVersionBody.parse({
  messages: [
    { role: 'system', content: 'Be brief.' },
    { role: 'user', content: 'Summarise {{text}}' }
  ],
  variables: [{ name: 'text', type: 'string' }],
  output: { kind: 'text' },
  params: { temperature: 0 },
  budgets: { p95LatencyMs: 1500 },
  candidates: [{ providerId: 'p', modelId: 'a' }],
  fallback: {}
})

describe('canonical bodies', () => {
  it('ignores key order and undefined fields', () => {
    const reordered = JSON.parse(JSON.stringify({ fallback: base.fallback, candidates: base.candidates, budgets: base.budgets, params: base.params, output: base.output, variables: base.variables, messages: base.messages }))
    expect(canonicalBodyJson(reordered)).toBe(canonicalBodyJson(base))
    expect(sameBody(base, { ...base, params: { temperature: 0, seed: undefined } })).toBe(true)
    expect(sameBody(base, { ...base, params: { temperature: 0.1 } })).toBe(false)
  })
})

describe('summarizeChange', () => {
  it('says "First version" for v1 and "No change" for equal bodies', () => {
    expect(summarizeChange(null, base)).toBe('First version')
    expect(summarizeChange(base, structuredClone(base))).toBe('No change')
  })

  it('names every kind of change in one line', () => {
    const next: ContractVersionBody = {
      ...base,
      messages: [base.messages[0]!, { role: 'user', content: 'Summarise {{text}} in a {{tone}} tone' }],
      variables: [{ ...base.variables[0]!, description: 'the text' }, { name: 'tone', type: 'string', description: '', required: true }],
      output: { kind: 'json_schema', name: 'out', schema: { type: 'object' } },
      params: { temperature: 0.2 },
      budgets: { ...base.budgets, p95LatencyMs: 1200, minPassRate: 0.9 },
      candidates: [{ providerId: 'p', modelId: 'b' }],
      fallback: { ...base.fallback, retries: 3 }
    }
    expect(summarizeChange(base, next)).toBe(
      'message 2 edited; variable tone added; variable text edited; output text → json schema; parameters edited; p95 latency 1,500 ms → 1,200 ms; min pass rate none → 90%; candidate p/b added; candidate p/a removed; fallback policy edited'
    )
  })

  it('tells a reorder and a count change of messages', () => {
    const swapped = { ...base, candidates: [{ providerId: 'p', modelId: 'b' }, { providerId: 'p', modelId: 'a' }] }
    const twoCandidates = { ...base, candidates: [{ providerId: 'p', modelId: 'a' }, { providerId: 'p', modelId: 'b' }] }
    expect(summarizeChange(twoCandidates, swapped)).toBe('candidates reordered')
    expect(summarizeChange(base, { ...base, messages: [base.messages[1]!] })).toBe('messages 2 → 1')
  })
})

import { describe, expect, it } from 'vitest'
import { ContractVersionBody } from '../../src/core/schemas/workspace'
import { contractVersionText } from './contract-text'

const body = ContractVersionBody.parse({
  messages: [{ role: 'user', content: 'Line one {{x}}\nLine two' }],
  variables: [{ name: 'x', type: 'string' }],
  output: { kind: 'text' },
  params: {},
  budgets: { p95LatencyMs: 1500 },
  candidates: [{ providerId: 'p', modelId: 'a' }],
  fallback: {}
})

describe('contractVersionText', () => {
  it('is readable YAML with the template as a literal block', () => {
    const text = contractVersionText(body)
    expect(text).toContain('content: |-\n      Line one {{x}}\n      Line two\n')
    expect(text).toContain('candidates:\n  - p/a\n')
    expect(text.indexOf('messages:')).toBeLessThan(text.indexOf('variables:'))
  })

  it('is stable whatever the key order of the stored body', () => {
    const shuffled = JSON.parse(JSON.stringify({ fallback: body.fallback, candidates: body.candidates, budgets: body.budgets, params: body.params, output: body.output, variables: body.variables, messages: body.messages }))
    expect(contractVersionText(shuffled)).toBe(contractVersionText(body))
  })
})

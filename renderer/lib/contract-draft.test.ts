import { describe, expect, it } from 'vitest'
import { ContractVersion } from '../../src/core/schemas/workspace'
import { draftFromContractVersion, exampleValues } from './contract-draft'
import { buildRequest } from './playground-draft'

const version = ContractVersion.parse({
  id: 'v1',
  contractId: 'c1',
  version: 1,
  createdAt: '2026-01-01T00:00:00.000Z',
  messages: [
    { role: 'system', content: 'Triage.' },
    { role: 'user', content: 'Tier {{tier}}: {{ticket}}' }
  ],
  variables: [
    { name: 'ticket', type: 'string', example: 'Refund please' },
    { name: 'tier', type: 'string' }
  ],
  output: { kind: 'json_schema', name: 'out', schema: { type: 'object' } },
  params: { temperature: 0.2, maxTokens: 200, stop: ['END'] },
  budgets: {},
  candidates: Array.from({ length: 10 }, (_, i) => ({ providerId: 'p', modelId: `m${i}` })),
  fallback: {}
})

describe('a contract version as a playground draft', () => {
  it('carries the template, parameters, output and at most 8 candidates, with a case’s variables', () => {
    const draft = draftFromContractVersion(version, { ticket: 'My invoice is wrong', tier: 'pro', extra: { a: 1 } })
    expect(draft.messages.map((m) => [m.role, m.content])).toEqual([
      ['system', 'Triage.'],
      ['user', 'Tier {{tier}}: {{ticket}}']
    ])
    expect(draft).toMatchObject({ temperature: '0.2', maxTokens: '200', topP: '', stop: 'END', output: 'json_schema', repeat: '1' })
    expect(JSON.parse(draft.schemaText)).toEqual({ type: 'object' })
    expect(draft.models).toHaveLength(8)
    expect(draft.values).toEqual({ ticket: 'My invoice is wrong', tier: 'pro', extra: '{"a":1}' })
    const { request } = buildRequest(draft)
    expect(request?.variables).toEqual({ tier: 'pro', ticket: 'My invoice is wrong' })
    expect(request?.params).toMatchObject({ temperature: 0.2, maxTokens: 200, output: { kind: 'json_schema' } })
  })

  it('uses the examples when there is no case', () => {
    expect(exampleValues(version.variables)).toEqual({ ticket: 'Refund please' })
  })
})

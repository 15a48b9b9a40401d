import { describe, expect, it } from 'vitest'
import { ContractDetail } from '../../src/core/schemas/workspace'
import { buildBody, emptyForm, formFromContract, formSnapshot, jsonErrorPlace, problemsAt } from './contract-form'

const detail = ContractDetail.parse({
  id: 'c1',
  name: 'Triage',
  description: 'Sorts tickets',
  feature: 'triage',
  archived: false,
  latestVersion: 2,
  updatedAt: '2026-01-01T00:00:00.000Z',
  latest: {
    id: 'v2',
    contractId: 'c1',
    version: 2,
    createdAt: '2026-01-01T00:00:00.000Z',
    messages: [{ role: 'user', content: 'Sort: {{ticket}}' }],
    variables: [{ name: 'ticket', type: 'string', example: 'Refund please' }],
    output: { kind: 'json_schema', name: 'triage', schema: { type: 'object', properties: { category: { type: 'string' } } } },
    params: { temperature: 0, stop: ['END', '###'] },
    budgets: { p95LatencyMs: 1500, minPassRate: 0.9 },
    candidates: [{ providerId: 'p', modelId: 'a' }],
    fallback: { retries: 1, timeoutMs: 20000, fallbacks: [{ providerId: 'p', modelId: 'b' }] }
  }
})

describe('contract form', () => {
  it('round-trips a stored version: form → body gives the same body back', () => {
    const form = formFromContract(detail)
    expect(form).toMatchObject({ name: 'Triage', feature: 'triage', minPassRatePercent: '90', stop: 'END\n###', temperature: '0', outputKind: 'json_schema', schemaName: 'triage' })
    const { id: _id, contractId: _c, version: _v, createdAt: _t, ...stored } = detail.latest!
    expect(buildBody(form)).toEqual({ body: stored, problems: [] })
  })

  it('starts a new contract with a template that already uses a declared variable', () => {
    const { body, problems } = buildBody(emptyForm())
    expect(problems).toEqual([])
    expect(body?.messages[1]?.content).toBe('{{input}}')
    expect(body?.variables.map((v) => v.name)).toEqual(['input'])
  })

  it('names the field of every number out of range', () => {
    const form = { ...emptyForm(), temperature: '3', maxTokens: '1.5', p95LatencyMs: '0', minPassRatePercent: '120', retries: '-1' }
    const { body, problems } = buildBody(form)
    expect(body).toBeNull()
    expect(problems.map((p) => p.path)).toEqual(['params.temperature', 'params.maxTokens', 'budgets.p95LatencyMs', 'budgets.minPassRate', 'fallback.retries'])
    expect(problems[0]!.message).toBe('Temperature must be a number from 0 to 2; correct it or leave it empty.')
    expect(problems[2]!.message).toBe('The p95 latency budget must be a number above 0; correct it or leave it empty.')
  })

  it('points at the place of a JSON syntax error in the schema', () => {
    const { problems } = buildBody({ ...emptyForm(), outputKind: 'json_schema', schemaText: '{\n  "type": "object",\n  "properties": {,}\n}' })
    expect(problems).toEqual([expect.objectContaining({ path: 'output.schema', message: expect.stringMatching(/^The output schema is not valid JSON at line 3, column \d+/) })])
    expect(buildBody({ ...emptyForm(), outputKind: 'json_schema', schemaText: '[1]' }).problems[0]!.message).toMatch(/must be a JSON object/)
  })

  it('refuses a bad variable name and an empty message list with words', () => {
    const badName = buildBody({ ...emptyForm(), variables: [{ key: 'k', name: '1st', type: 'string', description: '', required: true, example: '' }] })
    expect(badName.problems).toEqual([expect.objectContaining({ path: 'variables.0.name', message: expect.stringMatching(/"1st" is not a variable name/) })])
    const noMessages = buildBody({ ...emptyForm(), messages: [] })
    expect(noMessages.problems).toEqual([expect.objectContaining({ path: 'messages', message: expect.stringMatching(/no message: add at least one/) })])
  })

  it('snapshots ignore row keys, so reloading the same contract is not an edit', () => {
    expect(formSnapshot(formFromContract(detail))).toBe(formSnapshot(formFromContract(detail)))
    expect(formSnapshot({ ...formFromContract(detail), name: 'x' })).not.toBe(formSnapshot(formFromContract(detail)))
  })

  it('finds problems at or under a path', () => {
    const problems = [
      { path: 'messages', severity: 'error' as const, message: 'a' },
      { path: 'messages.1.content', severity: 'error' as const, message: 'b' },
      { path: 'messages10', severity: 'error' as const, message: 'c' }
    ]
    expect(problemsAt(problems, 'messages').map((p) => p.message)).toEqual(['a', 'b'])
    expect(problemsAt(problems, 'messages.1').map((p) => p.message)).toEqual(['b'])
  })

  it('turns a JSON.parse position into a line and column', () => {
    expect(jsonErrorPlace('{\n  "a": x\n}', 'Unexpected token x in JSON at position 9')).toBe('line 2, column 8')
    expect(jsonErrorPlace('', 'Expected property name (line 3 column 5)')).toBe('line 3, column 5')
    expect(jsonErrorPlace('', 'Unexpected end')).toBeNull()
  })
})

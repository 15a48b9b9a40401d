import { describe, expect, it } from 'vitest'
import { buildRequest, draftFromConfig, draftVariables, emptyDraft } from './playground-draft'

const models = [{ providerId: 'local-emulator', modelId: 'emu-swift' }]

describe('playground draft', () => {
  it('derives variables from the messages', () => {
    const d = emptyDraft()
    expect(draftVariables(d.messages)).toEqual(['text'])
  })

  it('builds a run request with only the parameters that are set', () => {
    const d = { ...emptyDraft(), models, temperature: '0.2', stop: 'END\n\nSTOP', values: { text: 'hi' }, repeat: '3' }
    const { request, problems } = buildRequest(d)
    expect(problems).toEqual([])
    expect(request).toMatchObject({ variables: { text: 'hi' }, repeat: 3, params: { temperature: 0.2, maxTokens: 256, stop: ['END', 'STOP'], output: { kind: 'text' } } })
    expect(request?.params.seed).toBeUndefined()
  })

  it('reports bad numbers, a bad schema and missing models', () => {
    const d = { ...emptyDraft(), temperature: '3', output: 'json_schema' as const, schemaText: '[1]', repeat: '21' }
    const fields = buildRequest(d).problems.map((p) => p.field)
    expect(fields).toEqual(expect.arrayContaining(['Temperature', 'Repeat', 'JSON schema', 'Models']))
    expect(buildRequest(d).request).toBeNull()
  })

  it('round-trips a stored run config back into the editor', () => {
    const d = { ...emptyDraft(), models, seed: '7', output: 'json_object' as const, values: { text: 'x' } }
    const request = buildRequest(d).request
    const back = draftFromConfig(request)
    expect(back).toMatchObject({ seed: '7', output: 'json_object', models, values: { text: 'x' } })
    expect(back?.messages.map((m) => m.content)).toEqual(d.messages.map((m) => m.content))
    expect(draftFromConfig({ modelIds: [] })).toBeNull()
  })
})

import { afterEach, describe, expect, it } from 'vitest'
import { AppError } from '../../core/errors'
import { Provider } from '../../core/schemas/provider'
import { createTempSpace } from '../testing/temp-store'

const space = createTempSpace()
afterEach(() => space.cleanup())

describe('providers', () => {
  it('creates, lists, gets, updates and removes providers as core Provider objects', () => {
    const store = space.open()
    const openai = store.providers.create({ kind: 'openai', name: 'OpenAI', baseUrl: 'https://api.openai.com/v1', options: { organization: 'org-1' } })
    const local = store.providers.create({ id: 'local-emulator', kind: 'emulator', name: 'Local emulator', baseUrl: null, builtIn: true })
    expect(Provider.parse(openai)).toEqual(openai)
    expect(openai.id).toMatch(/^[0-9a-f]{16}$/)
    expect(openai).toMatchObject({ enabled: true, builtIn: false, options: { organization: 'org-1' } })
    expect(store.providers.list().map((p) => p.id)).toEqual(['local-emulator', openai.id])
    expect(store.providers.get('local-emulator')).toEqual(local)

    const updated = store.providers.update(openai.id, { name: 'OpenAI (work)', enabled: false })
    expect(updated).toMatchObject({ name: 'OpenAI (work)', enabled: false, baseUrl: 'https://api.openai.com/v1', options: { organization: 'org-1' } })
    expect(Date.parse(updated.updatedAt)).toBeGreaterThanOrEqual(Date.parse(openai.updatedAt))
    expect(store.providers.update(openai.id, { baseUrl: null }).baseUrl).toBeNull()

    store.providers.remove(openai.id)
    expect(store.providers.find(openai.id)).toBeNull()
    expect(store.providers.count()).toBe(1)
  })

  it('removing a provider removes its models', () => {
    const store = space.open()
    const p = store.providers.create({ kind: 'mistral', name: 'Mistral', baseUrl: null })
    store.models.upsertMany(p.id, [{ modelId: 'mistral-small' }])
    store.providers.remove(p.id)
    expect(store.models.list()).toEqual([])
  })

  it('answers NOT_FOUND for an unknown provider, naming it', () => {
    const store = space.open()
    for (const attempt of [() => store.providers.get('nope'), () => store.providers.update('nope', { name: 'x' }), () => store.providers.remove('nope')]) {
      expect(attempt).toThrow(expect.objectContaining({ code: 'NOT_FOUND', message: expect.stringContaining('"nope"') }))
    }
  })

  it('answers CONFLICT for a duplicate id and for removing a built-in provider', () => {
    const store = space.open()
    store.providers.create({ id: 'local-emulator', kind: 'emulator', name: 'Local emulator', baseUrl: null, builtIn: true })
    expect(() => store.providers.create({ id: 'local-emulator', kind: 'openai', name: 'Other', baseUrl: null })).toThrow(
      expect.objectContaining({ code: 'CONFLICT', message: expect.stringMatching(/"local-emulator" already exists/) })
    )
    expect(() => store.providers.remove('local-emulator')).toThrow(expect.objectContaining({ code: 'CONFLICT', message: expect.stringMatching(/disable it instead/) }))
  })

  it('rejects invalid input with VALIDATION_FAILED naming the field', () => {
    const store = space.open()
    let caught: unknown
    try {
      store.providers.create({ kind: 'not-a-kind' as 'openai', name: '', baseUrl: 'nope' })
    } catch (error) {
      caught = error
    }
    expect(caught).toBeInstanceOf(AppError)
    expect((caught as AppError).code).toBe('VALIDATION_FAILED')
    expect((caught as AppError).issues?.map((i) => i.path).sort()).toEqual(['baseUrl', 'kind', 'name'])
  })

  it('refuses anything that looks like a key in provider options', () => {
    const store = space.open()
    expect(() => store.providers.create({ kind: 'openai', name: 'Leaky', baseUrl: null, options: { apiKey: 'sk-123' } })).toThrow(
      expect.objectContaining({ code: 'VALIDATION_FAILED', message: expect.stringMatching(/options\.apiKey.*secret store/) })
    )
    const p = store.providers.create({ kind: 'openai-compatible', name: 'Gateway', baseUrl: 'http://localhost:8080/v1' })
    expect(() => store.providers.update(p.id, { options: { headers: { Authorization: 'Bearer x' } } })).toThrow(
      expect.objectContaining({ code: 'VALIDATION_FAILED', message: expect.stringContaining('options.headers.Authorization') })
    )
    expect(store.providers.get(p.id).options).toEqual({})
    const json = store.db.prepare('SELECT options_json FROM provider').pluck().all()
    expect(json.join('')).not.toContain('sk-123')
  })
})

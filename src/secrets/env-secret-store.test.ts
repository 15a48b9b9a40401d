import { describe, expect, it } from 'vitest'
import { EnvSecretStore } from './env-secret-store'

describe('EnvSecretStore', () => {
  it('reads a key from the environment variable and shows only its last four characters', () => {
    const store = new EnvSecretStore({ OPENAI_API_KEY: 'sk-test-abcdefgh1234' })
    const status = store.status('p1', 'OPENAI_API_KEY')
    expect(status).toEqual({ providerId: 'p1', configured: true, source: 'environment', last4: '1234', envVar: 'OPENAI_API_KEY', storage: 'memory' })
    expect(JSON.stringify(status)).not.toContain('abcdefgh')
    expect(store.reveal('p1', 'OPENAI_API_KEY')).toBe('sk-test-abcdefgh1234')
  })

  it('prefers a session key over the environment and forgets it on clear', () => {
    const store = new EnvSecretStore({ OPENAI_API_KEY: 'sk-env-000000009999' })
    expect(store.set('p1', '  sk-session-77775555  ', 'OPENAI_API_KEY')).toMatchObject({ source: 'session', last4: '5555' })
    expect(store.reveal('p1', 'OPENAI_API_KEY')).toBe('sk-session-77775555')
    expect(store.clear('p1', 'OPENAI_API_KEY')).toMatchObject({ source: 'environment', last4: '9999' })
  })

  it('reports not configured when nothing supplies a key', () => {
    const store = new EnvSecretStore({})
    expect(store.status('p2', 'GROQ_API_KEY')).toMatchObject({ configured: false, source: 'none' })
    expect(store.reveal('p2', 'GROQ_API_KEY')).toBeUndefined()
    expect(store.status('local', undefined)).toEqual({ providerId: 'local', configured: false, source: 'none', storage: 'memory' })
  })
})

import { describe, expect, it } from 'vitest'
import { findSecretPath, looksLikeSecretName } from './secret-names'

describe('looksLikeSecretName', () => {
  it('flags credential-looking names', () => {
    for (const name of ['apiKey', 'api_key', 'Authorization', 'X-Auth-Token', 'accessToken', 'token', 'client_secret', 'password', 'x-goog-api-key', 'x-portkey-key', 'Cookie']) {
      expect(looksLikeSecretName(name), name).toBe(true)
    }
  })
  it('leaves ordinary names alone', () => {
    for (const name of ['x-emulator-reply-tokens', 'maxTokens', 'resourceName', 'apiVersion', 'X-Team', 'headers']) {
      expect(looksLikeSecretName(name), name).toBe(false)
    }
  })
  it('finds the first credential path inside nested options', () => {
    expect(findSecretPath({ headers: { 'X-Team': 'a', Authorization: 'b' } }, 'options')).toBe('options.headers.Authorization')
    expect(findSecretPath({ list: [{ ok: 1 }, { apiKey: 'x' }] }, 'options')).toBe('options.list.1.apiKey')
    expect(findSecretPath({ resourceName: 'r' }, 'options')).toBeNull()
  })
})

import { describe, expect, it } from 'vitest'
import { cookieValue, guardRequest, newSessionToken, tokensEqual } from './request-guard'

const expected = { port: 4321, token: 'tok-abcdefghijklmnop' }
const ok = { host: '127.0.0.1:4321', origin: undefined, secFetchSite: undefined, cookie: 'switchyard_token=tok-abcdefghijklmnop', authorization: undefined }

describe('guardRequest', () => {
  it('lets a same-origin request with the session cookie or a bearer token through', () => {
    expect(guardRequest(ok, expected)).toEqual({ ok: true })
    expect(guardRequest({ ...ok, host: 'localhost:4321', origin: 'http://localhost:4321', secFetchSite: 'same-origin' }, expected)).toEqual({ ok: true })
    expect(guardRequest({ ...ok, cookie: undefined, authorization: 'Bearer tok-abcdefghijklmnop' }, expected)).toEqual({ ok: true })
  })

  it('refuses a missing or wrong token with 401', () => {
    expect(guardRequest({ ...ok, cookie: undefined }, expected)).toMatchObject({ ok: false, status: 401, message: expect.stringContaining('missing') })
    expect(guardRequest({ ...ok, cookie: 'switchyard_token=nope' }, expected)).toMatchObject({ ok: false, status: 401, message: expect.stringContaining('wrong') })
  })

  it('refuses foreign Host (DNS rebinding) and Origin with 403, even with the right token', () => {
    for (const host of ['evil.example:4321', '127.0.0.1:9999', '127.0.0.1', undefined]) {
      expect(guardRequest({ ...ok, host }, expected)).toMatchObject({ ok: false, status: 403 })
    }
    for (const origin of ['https://evil.example', 'http://127.0.0.1:9999', 'null']) {
      expect(guardRequest({ ...ok, origin }, expected)).toMatchObject({ ok: false, status: 403 })
    }
    expect(guardRequest({ ...ok, secFetchSite: 'cross-site' }, expected)).toMatchObject({ ok: false, status: 403 })
  })
})

describe('tokens and cookies', () => {
  it('makes long random tokens and compares them exactly', () => {
    const a = newSessionToken()
    expect(a).toMatch(/^[A-Za-z0-9_-]{32}$/)
    expect(newSessionToken()).not.toBe(a)
    expect(tokensEqual(a, a)).toBe(true)
    expect(tokensEqual(a, a.slice(0, -1))).toBe(false)
    expect(tokensEqual(a, undefined)).toBe(false)
  })
  it('reads one cookie among several', () => {
    expect(cookieValue('a=1; switchyard_token=xyz; b=2', 'switchyard_token')).toBe('xyz')
    expect(cookieValue('a=1', 'switchyard_token')).toBeUndefined()
  })
})

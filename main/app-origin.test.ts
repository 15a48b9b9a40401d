import { describe, expect, it } from 'vitest'
import { APP_ENTRY_URL, APP_ORIGIN, originOf, resolveDevServerUrl, sameOrigin } from './app-origin'

describe('originOf', () => {
  it.each([
    ['app://switchyard/index.html', 'app://switchyard'],
    ['app://SwitchYard/x', 'app://switchyard'],
    ['https://Example.com:443/a?b', 'https://example.com'],
    ['http://localhost:5173/', 'http://localhost:5173'],
    ['file:///etc/passwd', null],
    ['javascript:alert(1)', null],
    ['data:text/html,x', null],
    ['about:blank', null],
    ['', null]
  ])('%s → %s', (url, expected) => {
    expect(originOf(url)).toBe(expected)
  })

  it('the entry URL is on the app origin', () => {
    expect(sameOrigin(APP_ENTRY_URL, APP_ORIGIN)).toBe(true)
    expect(sameOrigin('file:///a', 'file:///a')).toBe(false)
  })
})

describe('resolveDevServerUrl', () => {
  it.each([
    [{ ELECTRON_RENDERER_URL: 'http://localhost:5173' }, false, 'http://localhost:5173'],
    [{ ELECTRON_RENDERER_URL: 'http://127.0.0.1:5173/' }, false, 'http://127.0.0.1:5173'],
    [{ ELECTRON_RENDERER_URL: 'http://localhost:5173' }, true, null],
    [{ ELECTRON_RENDERER_URL: 'https://evil.example.com' }, false, null],
    [{ ELECTRON_RENDERER_URL: 'http://localhost.evil.com:5173' }, false, null],
    [{ ELECTRON_RENDERER_URL: 'file:///tmp/index.html' }, false, null],
    [{ ELECTRON_RENDERER_URL: 'http://u:p@localhost:5173' }, false, null],
    [{ ELECTRON_RENDERER_URL: 'nonsense' }, false, null],
    [{}, false, null]
  ])('%o packaged=%s → %s', (env, isPackaged, expected) => {
    expect(resolveDevServerUrl(env, isPackaged)).toBe(expected)
  })
})

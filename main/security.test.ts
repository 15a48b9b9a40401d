import { describe, expect, it, vi } from 'vitest'
import {
  applySecurity,
  buildCsp,
  createCspHeaderListener,
  createWindowOpenHandler,
  denyPermissionCheck,
  denyPermissionRequest,
  hardenWebContents,
  isAllowedExternalUrl,
  isAllowedNavigation,
  type HardenableContents,
  type PreventableEvent
} from './security'

describe('isAllowedNavigation (parsed-origin compare)', () => {
  it.each([
    ['https://example.com/page', 'https://example.com', true],
    ['https://example.com:443/page', 'https://example.com', true],
    ['https://EXAMPLE.com/', 'https://example.com', true],
    ['https://example.com.attacker.com', 'https://example.com', false],
    ['https://example.com@attacker.com/', 'https://example.com', false],
    ['https://attacker.com/?https://example.com', 'https://example.com', false],
    ['http://example.com', 'https://example.com', false],
    ['https://example.com:8443', 'https://example.com', false],
    ['app://switchyard/index.html#/runs', 'app://switchyard', true],
    ['app://switchyard.attacker.com/index.html', 'app://switchyard', false],
    ['app://other/index.html', 'app://switchyard', false],
    ['file:///app/out/renderer/index.html', 'app://switchyard', false],
    ['javascript:alert(1)', 'app://switchyard', false],
    ['data:text/html,<h1>x</h1>', 'app://switchyard', false],
    ['not a url', 'app://switchyard', false],
    ['http://localhost:5173/', 'http://localhost:5173', true],
    ['http://localhost:5174/', 'http://localhost:5173', false]
  ])('%s against %s → %s', (url, origin, expected) => {
    expect(isAllowedNavigation(url, origin)).toBe(expected)
  })

  it('accepts any of several origins', () => {
    expect(isAllowedNavigation('http://localhost:5173/x', ['app://switchyard', 'http://localhost:5173'])).toBe(true)
    expect(isAllowedNavigation('https://x.test/', ['app://switchyard', 'http://localhost:5173'])).toBe(false)
  })
})

describe('isAllowedExternalUrl (openExternal allowlist)', () => {
  it.each([
    ['https://x', true],
    ['https://platform.openai.com/api-keys', true],
    ['http://example.com', false],
    ['file:///etc/passwd', false],
    ['javascript:alert(1)', false],
    ['smb://host/share', false],
    ['ms-msdt:/id PCWDiagnostic /skip force', false],
    ['https://user:pass@host', false],
    ['https://user@host', false],
    ['mailto:a@b.c', false],
    ['data:text/html,x', false],
    ['', false],
    ['not a url', false]
  ])('%s → %s', (url, expected) => {
    expect(isAllowedExternalUrl(url)).toBe(expected)
  })
})

describe('window open handler', () => {
  it('always denies; opens allowed https URLs externally, normalised', () => {
    const openExternal = vi.fn(async () => undefined)
    const handler = createWindowOpenHandler(openExternal)
    expect(handler({ url: 'https://x' })).toEqual({ action: 'deny' })
    expect(openExternal).toHaveBeenCalledExactlyOnceWith('https://x/')
    for (const url of ['http://x', 'file:///etc/passwd', 'javascript:alert(1)', 'https://u:p@x', 'app://switchyard/']) {
      expect(handler({ url })).toEqual({ action: 'deny' })
    }
    expect(openExternal).toHaveBeenCalledTimes(1)
  })

  it('survives a rejecting openExternal', async () => {
    const handler = createWindowOpenHandler(() => Promise.reject(new Error('no browser')))
    expect(handler({ url: 'https://x' })).toEqual({ action: 'deny' })
    await Promise.resolve()
  })
})

describe('permissions', () => {
  it.each(['media', 'notifications', 'geolocation', 'clipboard-read', 'openExternal', 'unknown'])('denies %s', (permission) => {
    const callback = vi.fn()
    denyPermissionRequest({}, permission, callback)
    expect(callback).toHaveBeenCalledExactlyOnceWith(false)
    expect(denyPermissionCheck()).toBe(false)
  })
})

describe('buildCsp', () => {
  const directives = (csp: string): Map<string, string> =>
    new Map(csp.split('; ').map((d) => [d.slice(0, d.indexOf(' ')), d.slice(d.indexOf(' ') + 1)]))

  it('is strict in production', () => {
    const csp = directives(buildCsp({ dev: false }))
    expect(csp.get('default-src')).toBe("'self'")
    expect(csp.get('script-src')).toBe("'self'")
    expect(csp.get('style-src')).toBe("'self' 'unsafe-inline'")
    expect(csp.get('img-src')).toBe("'self' data:")
    expect(csp.get('font-src')).toBe("'self' data:")
    expect(csp.get('worker-src')).toBe("'self' blob:")
    expect(csp.get('connect-src')).toBe("'self'")
    expect(csp.get('object-src')).toBe("'none'")
    expect(csp.get('frame-ancestors')).toBe("'none'")
  })

  it('never allows provider hosts or eval', () => {
    for (const csp of [buildCsp({ dev: false }), buildCsp({ dev: true, devServerUrl: 'http://localhost:5173' })]) {
      expect(csp).not.toMatch(/openai|anthropic|googleapis|https:\/\/|\*/)
      expect(csp).not.toContain('unsafe-eval')
    }
  })

  it('adds the dev server http and ws origins in dev', () => {
    const csp = directives(buildCsp({ dev: true, devServerUrl: 'http://localhost:5173' }))
    expect(csp.get('connect-src')).toBe("'self' http://localhost:5173 ws://localhost:5173")
    expect(csp.get('script-src')).toBe("'self' http://localhost:5173 'unsafe-inline'")
  })
})

describe('CSP header listener', () => {
  const listener = createCspHeaderListener('default-src x', 'http://localhost:5173')

  it('sets the header on dev-server responses, replacing any sent', () => {
    const callback = vi.fn()
    listener(
      { url: 'http://localhost:5173/index.html', responseHeaders: { 'content-security-policy': ['*'], 'Content-Type': ['text/html'] } },
      callback
    )
    expect(callback).toHaveBeenCalledWith({
      responseHeaders: { 'Content-Type': ['text/html'], 'Content-Security-Policy': ['default-src x'] }
    })
  })

  it('leaves other responses untouched', () => {
    const callback = vi.fn()
    listener({ url: 'https://example.com/', responseHeaders: {} }, callback)
    expect(callback).toHaveBeenCalledWith({})
  })
})

/** A stand-in for Electron's WebContents: records listeners by event name. */
function fakeContents() {
  const listeners = new Map<string, ((event: PreventableEvent, url?: string) => void)[]>()
  let windowOpen: ((details: { url: string }) => { action: 'deny' }) | undefined
  const contents = {
    setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }) {
      windowOpen = handler
    },
    on(event: string, listener: (event: PreventableEvent, url?: string) => void) {
      listeners.set(event, [...(listeners.get(event) ?? []), listener])
      return contents
    }
  }
  const emit = (event: string, url?: string): boolean => {
    let prevented = false
    for (const listener of listeners.get(event) ?? []) listener({ preventDefault: () => (prevented = true) }, url)
    return prevented
  }
  return { contents: contents as HardenableContents, emit, windowOpen: () => windowOpen }
}

describe('hardenWebContents', () => {
  const policy = { allowedOrigins: ['app://switchyard'], openExternal: vi.fn(async () => undefined) }

  it('blocks navigation and redirects off the app origin, keeps in-app ones', () => {
    const { contents, emit } = fakeContents()
    hardenWebContents(contents, policy)
    expect(emit('will-navigate', 'https://example.com')).toBe(true)
    expect(emit('will-redirect', 'https://example.com')).toBe(true)
    expect(emit('will-navigate', 'app://switchyard.attacker.com/')).toBe(true)
    expect(emit('will-navigate', 'app://switchyard/index.html')).toBe(false)
    expect(policy.openExternal).not.toHaveBeenCalled()
  })

  it('prevents every <webview> attach and installs a deny window-open handler', () => {
    const { contents, emit, windowOpen } = fakeContents()
    hardenWebContents(contents, policy)
    expect(emit('will-attach-webview')).toBe(true)
    expect(windowOpen()?.({ url: 'app://switchyard/' })).toEqual({ action: 'deny' })
  })
})

describe('applySecurity', () => {
  it('installs deny-all permission handlers and hardens each new webContents', () => {
    const session = { setPermissionRequestHandler: vi.fn(), setPermissionCheckHandler: vi.fn() }
    let created: ((event: unknown, contents: HardenableContents) => void) | undefined
    const app = {
      on: (_event: 'web-contents-created', listener: (event: unknown, contents: HardenableContents) => void) => {
        created = listener
      }
    }
    applySecurity({ app, session, policy: { allowedOrigins: ['app://switchyard'], openExternal: async () => undefined } })
    expect(session.setPermissionRequestHandler).toHaveBeenCalledWith(denyPermissionRequest)
    expect(session.setPermissionCheckHandler).toHaveBeenCalledWith(denyPermissionCheck)
    const { contents, emit } = fakeContents()
    created?.({}, contents)
    expect(emit('will-navigate', 'https://example.com')).toBe(true)
    expect(emit('will-attach-webview')).toBe(true)
  })
})

import { describe, expect, it } from 'vitest'
import { isTrustedSender, isTrustedSenderUrl, type SenderEventLike } from './validate-sender'

// Ported from Cherry Studio's validateSender.test.ts, with our app:// origin in place of file://.
const DEV = 'http://localhost:5173'

describe('isTrustedSenderUrl', () => {
  it('trusts the packaged app page served from app://switchyard', () => {
    expect(isTrustedSenderUrl('app://switchyard/index.html')).toBe(true)
    expect(isTrustedSenderUrl('app://switchyard/index.html#/runs?x=1')).toBe(true)
  })

  it('does not trust file:// pages (we never load the renderer from file://)', () => {
    expect(isTrustedSenderUrl('file:///Applications/Switchyard.app/Contents/Resources/app/out/renderer/index.html')).toBe(false)
  })

  it('rejects look-alike app hosts', () => {
    expect(isTrustedSenderUrl('app://switchyard.evil/index.html')).toBe(false)
    expect(isTrustedSenderUrl('app://other/index.html')).toBe(false)
  })

  it('trusts a frame whose origin matches the dev server', () => {
    expect(isTrustedSenderUrl('http://localhost:5173/index.html', { devServerUrl: DEV })).toBe(true)
  })

  it('rejects an origin that does not match the dev server', () => {
    expect(isTrustedSenderUrl('http://localhost:6666/index.html', { devServerUrl: DEV })).toBe(false)
    expect(isTrustedSenderUrl('http://127.0.0.1:5173/index.html', { devServerUrl: DEV })).toBe(false)
  })

  it('rejects the dev-server origin when not in dev', () => {
    expect(isTrustedSenderUrl('http://localhost:5173/index.html')).toBe(false)
  })

  it('rejects remote https origins', () => {
    expect(isTrustedSenderUrl('https://evil.example.com/page')).toBe(false)
    expect(isTrustedSenderUrl('https://evil.example.com/page', { devServerUrl: DEV })).toBe(false)
  })

  it('rejects empty or malformed urls', () => {
    expect(isTrustedSenderUrl('')).toBe(false)
    expect(isTrustedSenderUrl('not a url')).toBe(false)
    expect(isTrustedSenderUrl('about:blank')).toBe(false)
  })
})

describe('isTrustedSender', () => {
  // `parent` defaults to null (a top-level frame); pass a non-null frame to model a sub-frame.
  const evt = (type: string | undefined, url: string | null, parent: unknown = null): SenderEventLike => ({
    sender: type === undefined ? {} : { getType: () => type },
    senderFrame: url === null ? null : { url, parent }
  })

  it('rejects embedded <webview> guests regardless of url', () => {
    expect(isTrustedSender(evt('webview', 'app://switchyard/index.html'))).toBe(false)
  })

  it('rejects a null senderFrame', () => {
    expect(isTrustedSender(evt('window', null))).toBe(false)
  })

  it('accepts a top-level window loading the packaged app:// page', () => {
    expect(isTrustedSender(evt('window', 'app://switchyard/index.html'))).toBe(true)
  })

  it('accepts a sender without getType (older shapes)', () => {
    expect(isTrustedSender(evt(undefined, 'app://switchyard/index.html'))).toBe(true)
  })

  it('rejects a sub-frame (iframe) even when its url is an app page', () => {
    const parentFrame = { url: 'app://switchyard/index.html' }
    expect(isTrustedSender(evt('window', 'app://switchyard/embedded.html', parentFrame))).toBe(false)
  })

  it('rejects a window navigated to a remote origin', () => {
    expect(isTrustedSender(evt('window', 'https://evil.example.com'))).toBe(false)
  })

  it('accepts the exact dev-server origin in dev only', () => {
    expect(isTrustedSender(evt('window', 'http://localhost:5173/'), { devServerUrl: DEV })).toBe(true)
    expect(isTrustedSender(evt('window', 'http://localhost:5173/'))).toBe(false)
  })
})

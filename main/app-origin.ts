/**
 * Where the renderer is loaded from. Packaged builds serve `out/renderer/` through the privileged `app://switchyard`
 * scheme (see app-protocol.ts); `file://` is never used, so a `file://` page is never trusted. In development the
 * renderer comes from the electron-vite dev server (ELECTRON_RENDERER_URL), honoured only when the app is not packaged
 * and only on a loopback host.
 */
export const APP_SCHEME = 'app'
export const APP_HOST = 'switchyard'
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`

const ORIGIN_SCHEMES = new Set(['http:', 'https:', 'ws:', 'wss:', `${APP_SCHEME}:`])
const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]'])

/**
 * Origin of a URL as a comparable string (`https://example.com`, `app://switchyard`), or null when the URL does not
 * parse or has no host-based origin (`file:`, `javascript:`, `data:`, …). Node's URL gives `origin === 'null'` for
 * custom schemes, so those are built from protocol and host (Chromium treats `app:` as a standard scheme).
 */
export function originOf(url: string): string | null {
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    return null
  }
  if (!ORIGIN_SCHEMES.has(parsed.protocol) || parsed.host === '') return null
  if (parsed.protocol === `${APP_SCHEME}:`) return `${parsed.protocol}//${parsed.host.toLowerCase()}`
  return parsed.origin
}

/** Whether two URLs share an origin, by parsed-URL compare (never `startsWith`). */
export function sameOrigin(a: string, b: string): boolean {
  const left = originOf(a)
  return left !== null && left === originOf(b)
}

/**
 * The dev-server origin to load and trust, or null. Ignored in packaged builds (an attacker-set environment variable
 * must not make the app load and trust a remote page) and for anything but http(s) on a loopback host.
 */
export function resolveDevServerUrl(env: Record<string, string | undefined>, isPackaged: boolean): string | null {
  const raw = env['ELECTRON_RENDERER_URL']
  if (isPackaged || !raw) return null
  let parsed: URL
  try {
    parsed = new URL(raw)
  } catch {
    return null
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return null
  if (!LOOPBACK_HOSTS.has(parsed.hostname)) return null
  if (parsed.username || parsed.password) return null
  return parsed.origin
}

import { buildContentSecurityPolicy } from '../src/core/content-security-policy'
import { sameOrigin } from './app-origin'

/**
 * Electron hardening as pure decisions plus thin installers that take Electron objects structurally (so tests run in
 * plain Node). Covers SECURITY.md §1: navigation limited by parsed-origin compare, window.open denied (allowed https
 * links open in the browser), openExternal allowlist, permissions denied, <webview> never attached, and the CSP.
 */

export interface PreventableEvent {
  preventDefault(): void
}
export type OpenExternal = (url: string) => Promise<void>

/** Navigation stays on the app's own origin(s); compared on parsed URLs, so `https://example.com.attacker.com` fails. */
export function isAllowedNavigation(url: string, appOrigin: string | readonly string[]): boolean {
  const origins = typeof appOrigin === 'string' ? [appOrigin] : appOrigin
  return origins.some((origin) => sameOrigin(url, origin))
}

/**
 * Whether a URL may be handed to the OS browser: `https:` only, with a host and without credentials. Rejects
 * `http:`, `file:`, `javascript:`, `smb:`, `ms-msdt:` and any other scheme an OS handler could turn into code execution.
 */
export function isAllowedExternalUrl(url: string): boolean {
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    return false
  }
  return parsed.protocol === 'https:' && parsed.hostname !== '' && parsed.username === '' && parsed.password === ''
}

/** Opens an allowed URL externally (normalised), swallowing the handler's rejection. Returns whether it opened. */
export function openExternalIfAllowed(url: string, openExternal: OpenExternal): boolean {
  if (!isAllowedExternalUrl(url)) return false
  openExternal(new URL(url).href).catch(() => undefined)
  return true
}

/** `setWindowOpenHandler`: never a new Electron window; allowed https links go to the OS browser. */
export function createWindowOpenHandler(openExternal: OpenExternal): (details: { url: string }) => { action: 'deny' } {
  return ({ url }) => {
    openExternalIfAllowed(url, openExternal)
    return { action: 'deny' }
  }
}

/** `setPermissionRequestHandler`: camera, microphone, notifications, geolocation, … are all refused. */
export function denyPermissionRequest(_contents: unknown, _permission: string, callback: (granted: boolean) => void): void {
  callback(false)
}
/** `setPermissionCheckHandler`: every synchronous permission check answers no. */
export function denyPermissionCheck(): boolean {
  return false
}

/**
 * The Content-Security-Policy: the one shared with web mode (src/core/content-security-policy.ts). Provider hosts are
 * deliberately absent from connect-src: provider calls go through main. In dev it adds the Vite server's http and ws
 * origins (HMR), and script-src allows inline scripts for the react-refresh preamble that @vitejs/plugin-react
 * injects into index.html (not needed if the renderer entry imports '@vitejs/plugin-react/preamble').
 */
export function buildCsp({ dev, devServerUrl }: { dev: boolean; devServerUrl?: string | null }): string {
  if (!dev) return buildContentSecurityPolicy()
  const devServerOrigin = new URL(devServerUrl ?? 'http://localhost:5173').origin
  return buildContentSecurityPolicy({ devServerOrigin }).replace(/script-src ([^;]*)/, "script-src $1 'unsafe-inline'")
}

type HeaderMap = Record<string, string | string[]>
export interface HeadersReceivedDetails {
  url: string
  responseHeaders?: HeaderMap
}

/** Returns headers with the CSP set (replacing any the server sent, whatever its case). */
export function withCspHeader(headers: HeaderMap | undefined, csp: string): HeaderMap {
  const next: HeaderMap = {}
  for (const [name, value] of Object.entries(headers ?? {})) {
    if (name.toLowerCase() !== 'content-security-policy') next[name] = value
  }
  next['Content-Security-Policy'] = [csp]
  return next
}

/** `session.webRequest.onHeadersReceived` listener adding the CSP to responses from `origin` (the dev server). */
export function createCspHeaderListener(
  csp: string,
  origin: string
): (details: HeadersReceivedDetails, callback: (response: { responseHeaders?: HeaderMap }) => void) => void {
  return (details, callback) => {
    if (!sameOrigin(details.url, origin)) {
      callback({})
      return
    }
    callback({ responseHeaders: withCspHeader(details.responseHeaders, csp) })
  }
}

/** The webContents surface hardened here (Electron's WebContents fits it). */
export interface HardenableContents {
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }): void
  on(event: 'will-navigate', listener: (event: PreventableEvent, url: string) => void): unknown
  on(event: 'will-redirect', listener: (event: PreventableEvent, url: string) => void): unknown
  on(event: 'will-attach-webview', listener: (event: PreventableEvent) => void): unknown
}

export interface SecurityPolicy {
  /** Origins the window may show: `app://switchyard`, plus the dev server in dev. */
  allowedOrigins: readonly string[]
  openExternal: OpenExternal
}

/** Hardens one webContents: called for every webContents from `app.on('web-contents-created')`. */
export function hardenWebContents(contents: HardenableContents, policy: SecurityPolicy): void {
  contents.setWindowOpenHandler(createWindowOpenHandler(policy.openExternal))
  const guard = (event: PreventableEvent, url: string): void => {
    if (!isAllowedNavigation(url, policy.allowedOrigins)) event.preventDefault()
  }
  contents.on('will-navigate', guard)
  contents.on('will-redirect', guard)
  contents.on('will-attach-webview', (event) => event.preventDefault())
}

export interface SessionLike {
  setPermissionRequestHandler(handler: typeof denyPermissionRequest): void
  setPermissionCheckHandler(handler: typeof denyPermissionCheck): void
}
export interface AppLike<C extends HardenableContents> {
  on(event: 'web-contents-created', listener: (event: unknown, contents: C) => void): unknown
}

/** Installs the session's permission handlers and hardens every webContents created from now on. */
export function applySecurity<C extends HardenableContents>({
  app,
  session,
  policy
}: {
  app: AppLike<C>
  session: SessionLike
  policy: SecurityPolicy
}): void {
  session.setPermissionRequestHandler(denyPermissionRequest)
  session.setPermissionCheckHandler(denyPermissionCheck)
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents, policy))
}

import { readFile as fsReadFile } from 'node:fs/promises'
import { extname, resolve, sep } from 'node:path'
import { APP_HOST, APP_SCHEME } from './app-origin'

/**
 * The `app://switchyard` protocol that serves the built renderer (out/renderer/). Registered as privileged
 * (standard, secure, fetch) before app ready, then handled with `protocol.handle(APP_SCHEME, handler)`. The handler
 * sets the CSP header itself on every response, so no webRequest hook is needed for app:// pages.
 */
export const APP_SCHEME_PRIVILEGES = {
  scheme: APP_SCHEME,
  privileges: { standard: true, secure: true, supportFetchAPI: true }
} as const

const MIME_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8'
}

export function mimeTypeOf(filePath: string): string {
  return MIME_TYPES[extname(filePath).toLowerCase()] ?? 'application/octet-stream'
}

/**
 * The file under `rootDir` that an `app://switchyard/...` URL names, or null when the URL is not ours or would leave
 * `rootDir` (`..`, encoded `%2e%2e` or `%2F`, backslashes, NUL). `/` is `index.html`.
 */
export function resolveAppFile(rootDir: string, requestUrl: string): string | null {
  let url: URL
  try {
    url = new URL(requestUrl)
  } catch {
    return null
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.host.toLowerCase() !== APP_HOST) return null
  let path: string
  try {
    path = decodeURIComponent(url.pathname)
  } catch {
    return null
  }
  if (path.includes('\0') || path.includes('\\')) return null
  const relative = path.replace(/^\/+/, '') || 'index.html'
  const root = resolve(rootDir)
  const file = resolve(root, relative)
  return file.startsWith(root + sep) ? file : null
}

export interface AppProtocolOptions {
  rootDir: string
  csp: string
  readFile?: (path: string) => Promise<Uint8Array>
}

/** The `protocol.handle` handler: GET/HEAD only, files from rootDir, an SPA fallback to index.html for routes. */
export function createAppProtocolHandler({ rootDir, csp, readFile = fsReadFile }: AppProtocolOptions) {
  const headersFor = (file: string): Record<string, string> => ({
    'Content-Type': mimeTypeOf(file),
    'Content-Security-Policy': csp,
    'X-Content-Type-Options': 'nosniff',
    'Cache-Control': 'no-cache'
  })
  const text = (status: number, body: string): Response =>
    new Response(body, { status, headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Content-Security-Policy': csp } })

  return async (request: { url: string; method: string }): Promise<Response> => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return text(405, 'Method not allowed')
    const file = resolveAppFile(rootDir, request.url)
    if (file === null) return text(403, 'Forbidden')
    const candidates = extname(file) === '' ? [file, resolve(rootDir, 'index.html')] : [file]
    for (const candidate of candidates) {
      try {
        const body = await readFile(candidate)
        return new Response(request.method === 'HEAD' ? null : new Uint8Array(body), { status: 200, headers: headersFor(candidate) })
      } catch {
        // Try the next candidate (a missing route falls back to index.html).
      }
    }
    return text(404, 'Not found')
  }
}

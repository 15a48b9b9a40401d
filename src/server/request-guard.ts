import { randomBytes, timingSafeEqual } from 'node:crypto'
import { HTTP_TOKEN_COOKIE } from '../core/api-operations'

/** A fresh random token for one web-mode session (printed in the URL, then kept in a cookie). */
export function newSessionToken(): string {
  return randomBytes(24).toString('base64url')
}

export function tokensEqual(expected: string, given: string | undefined | null): boolean {
  if (!given) return false
  const a = Buffer.from(expected)
  const b = Buffer.from(given)
  return a.length === b.length && timingSafeEqual(a, b)
}

export function cookieValue(cookieHeader: string | undefined, name: string): string | undefined {
  if (!cookieHeader) return undefined
  for (const part of cookieHeader.split(';')) {
    const eq = part.indexOf('=')
    if (eq > 0 && part.slice(0, eq).trim() === name) return decodeURIComponent(part.slice(eq + 1).trim())
  }
  return undefined
}

export function sessionCookie(token: string): string {
  return `${HTTP_TOKEN_COOKIE}=${encodeURIComponent(token)}; HttpOnly; SameSite=Strict; Path=/`
}

export interface GuardInput {
  host: string | undefined
  origin: string | undefined
  secFetchSite: string | undefined
  cookie: string | undefined
  authorization: string | undefined
}

export type GuardVerdict = { ok: true } | { ok: false; status: 401 | 403; message: string }

/**
 * The web mode's door: only our own Host names (DNS-rebinding defence), only same-origin browser requests
 * (no CORS, foreign Origin refused), and the session token from the cookie or an `Authorization: Bearer` header.
 */
export function guardRequest(input: GuardInput, expected: { port: number; token: string }): GuardVerdict {
  const allowedHosts = new Set([`127.0.0.1:${expected.port}`, `localhost:${expected.port}`])
  if (!input.host || !allowedHosts.has(input.host.toLowerCase())) {
    return { ok: false, status: 403, message: `Host "${input.host ?? ''}" is not served here; use http://127.0.0.1:${expected.port}/.` }
  }
  if (input.origin !== undefined && input.origin !== 'null') {
    const allowedOrigins = new Set([...allowedHosts].map((h) => `http://${h}`))
    if (!allowedOrigins.has(input.origin.toLowerCase())) {
      return { ok: false, status: 403, message: `Cross-origin requests are refused (Origin ${input.origin}).` }
    }
  } else if (input.origin === 'null') {
    return { ok: false, status: 403, message: 'Requests from an opaque origin are refused.' }
  }
  if (input.secFetchSite && !['same-origin', 'none'].includes(input.secFetchSite)) {
    return { ok: false, status: 403, message: `Cross-site requests are refused (Sec-Fetch-Site ${input.secFetchSite}).` }
  }
  const bearer = input.authorization?.startsWith('Bearer ') ? input.authorization.slice(7).trim() : undefined
  const token = bearer ?? cookieValue(input.cookie, HTTP_TOKEN_COOKIE)
  if (!tokensEqual(expected.token, token)) {
    return {
      ok: false,
      status: 401,
      message: token ? 'The session token is wrong.' : 'The session token is missing. Open the URL printed by `switchyard serve` (it carries ?token=…).'
    }
  }
  return { ok: true }
}

import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo, Socket } from 'node:net'
import { HTTP_API_PREFIX, HTTP_EVENTS_PATH } from '../core/api-operations'
import { buildContentSecurityPolicy } from '../core/content-security-policy'
import { AppError, HTTP_STATUS_BY_CODE, toApiError, type ApiError } from '../core/errors'
import type { Dispatch } from '../api/dispatch'
import { guardRequest, newSessionToken, sessionCookie, tokensEqual } from './request-guard'
import { streamJobEvents, type JobEventSource } from './sse'
import { resolveStaticFile, sendStaticFile } from './static-files'

export interface WebServerOptions {
  engine: JobEventSource & { dispatch: Dispatch }
  /** The built renderer (out/renderer). */
  staticDir: string
  port?: number
  /** Only loopback is allowed: web mode is for this machine. */
  host?: '127.0.0.1' | 'localhost'
  token?: string
  /** Largest accepted request body. */
  maxBodyBytes?: number
}

export interface RunningWebServer {
  url: string
  /** The URL to open: carries the token once, then the page keeps it in an HttpOnly cookie. */
  openUrl: string
  port: number
  token: string
  close(): Promise<void>
}

const SECURITY_HEADERS = {
  'content-security-policy': buildContentSecurityPolicy(),
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'x-frame-options': 'DENY',
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin'
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body)
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' })
  res.end(text)
}

function sendError(res: ServerResponse, error: ApiError, status = HTTP_STATUS_BY_CODE[error.code]): void {
  sendJson(res, status, { error })
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)
}

/** A browser visiting without the token (or from a foreign host) gets a readable page, not JSON. */
function sendRefusalPage(res: ServerResponse, status: number, message: string): void {
  res.writeHead(status, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' })
  res.end(
    `<!doctype html><meta charset="utf-8"><title>Switchyard: ${status === 401 ? 'session token needed' : 'refused'}</title>` +
      `<body style="font:16px system-ui;margin:3rem;max-width:40rem"><h1>Switchyard web mode</h1><p>${escapeHtml(message)}</p>` +
      '<p>Start it with <code>npm run web</code> or <code>switchyard serve</code> and open the URL it prints.</p></body>'
  )
}

async function readJsonBody(req: IncomingMessage, maxBytes: number): Promise<unknown> {
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length
    if (size > maxBytes) {
      throw new AppError('VALIDATION_FAILED', `The request body is larger than ${Math.round(maxBytes / 1024 / 1024)} MB.`)
    }
    chunks.push(chunk)
  }
  const text = Buffer.concat(chunks).toString('utf8').trim()
  if (text === '') return {}
  try {
    return JSON.parse(text) as unknown
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error)
    throw new AppError('VALIDATION_FAILED', `The request body is not valid JSON (${reason}). Send a JSON object, e.g. {}.`)
  }
}

/**
 * Web mode: the renderer build and the API contract over HTTP + SSE on 127.0.0.1, behind a random session token
 * (URL once, then an HttpOnly SameSite=Strict cookie, or `Authorization: Bearer` for scripts). Host and Origin are
 * checked on every request; there are no CORS headers, so other sites cannot call it.
 */
export async function startWebServer(options: WebServerOptions): Promise<RunningWebServer> {
  const token = options.token ?? newSessionToken()
  const host = options.host ?? '127.0.0.1'
  const maxBodyBytes = options.maxBodyBytes ?? 64 * 1024 * 1024
  let port = 0
  const sockets = new Set<Socket>()

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) res.setHeader(name, value)
    const url = new URL(req.url ?? '/', `http://${host}:${port}`)

    // First visit: exchange ?token= for the session cookie, then drop it from the address bar.
    const offered = url.searchParams.get('token')
    if (req.method === 'GET' && offered !== null && !url.pathname.startsWith(HTTP_API_PREFIX)) {
      const hostOk = guardRequest({ host: req.headers.host, origin: undefined, secFetchSite: undefined, cookie: undefined, authorization: `Bearer ${token}` }, { port, token })
      if (!hostOk.ok) return sendError(res, { code: 'FORBIDDEN', message: hostOk.message }, hostOk.status)
      if (!tokensEqual(token, offered)) return sendError(res, { code: 'UNAUTHORIZED', message: 'The session token in the URL is wrong.' }, 401)
      url.searchParams.delete('token')
      res.writeHead(302, { 'set-cookie': sessionCookie(token), location: url.pathname + url.search + url.hash })
      return void res.end()
    }

    const verdict = guardRequest(
      {
        host: req.headers.host,
        origin: req.headers.origin,
        secFetchSite: req.headers['sec-fetch-site'] as string | undefined,
        cookie: req.headers.cookie,
        authorization: req.headers.authorization
      },
      { port, token }
    )
    if (!verdict.ok) {
      if (req.method === 'GET' && !url.pathname.startsWith(HTTP_API_PREFIX)) return sendRefusalPage(res, verdict.status, verdict.message)
      return sendError(res, { code: verdict.status === 401 ? 'UNAUTHORIZED' : 'FORBIDDEN', message: verdict.message }, verdict.status)
    }

    if (url.pathname === HTTP_EVENTS_PATH) {
      if (req.method !== 'GET') return sendError(res, { code: 'VALIDATION_FAILED', message: 'Use GET for the event stream.' }, 405)
      return streamJobEvents(req, res, options.engine)
    }
    if (url.pathname.startsWith(HTTP_API_PREFIX)) {
      const op = decodeURIComponent(url.pathname.slice(HTTP_API_PREFIX.length))
      if (req.method !== 'POST') {
        res.setHeader('allow', 'POST')
        return sendError(res, { code: 'VALIDATION_FAILED', message: `Use POST with a JSON body for ${op}.` }, 405)
      }
      const body = await readJsonBody(req, maxBodyBytes)
      const result = await options.engine.dispatch(op, body)
      return sendJson(res, 200, result)
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      return sendError(res, { code: 'VALIDATION_FAILED', message: 'Only GET serves the app.' }, 405)
    }
    const file = resolveStaticFile(options.staticDir, url.pathname)
    if (!file) return sendError(res, { code: 'NOT_FOUND', message: `Nothing at ${url.pathname}.` }, 404)
    sendStaticFile(res, file)
  }

  const server: Server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (res.headersSent) return void res.destroy()
      sendError(res, toApiError(error))
    })
  })
  server.on('connection', (socket) => {
    sockets.add(socket)
    socket.on('close', () => sockets.delete(socket))
  })
  await new Promise<void>((resolvePromise, reject) => {
    server.once('error', reject)
    server.listen(options.port ?? 0, host, () => resolvePromise())
  })
  port = (server.address() as AddressInfo).port
  const base = `http://${host}:${port}`
  return {
    url: `${base}/`,
    openUrl: `${base}/?token=${encodeURIComponent(token)}`,
    port,
    token,
    close: () =>
      new Promise<void>((resolvePromise) => {
        for (const socket of sockets) socket.destroy()
        server.close(() => resolvePromise())
      })
  }
}

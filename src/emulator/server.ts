/**
 * The provider emulator: a real HTTP server speaking the OpenAI (incl. Azure), Anthropic and Gemini
 * wire formats with scheduled latency and injectable failures.
 *
 *   const emu = await startEmulator({ port: 0 })
 *   new OpenAI({ baseURL: `${emu.url}/v1`, apiKey: 'any' })
 *   new Anthropic({ baseURL: emu.url, apiKey: 'any' })
 *   new GoogleGenAI({ apiKey: 'any', httpOptions: { baseUrl: emu.url } })
 *   await emu.close()
 *
 * Per-request header overrides (see ./overrides.ts): x-emulator-failure, x-emulator-ttft-ms,
 * x-emulator-tps, x-emulator-retry-after, x-emulator-seed. Every response carries `x-request-id` and
 * `x-emulator-scheduled-ttft-ms` (the first-token delay scheduled for it, from request arrival).
 * Extra endpoints: GET /_emulator/health, /_emulator/stats, /_emulator/models.
 */
import { createServer } from 'node:http'
import type { IncomingMessage, ServerResponse } from 'node:http'
import type { AddressInfo, Socket } from 'node:net'
import { randomBytes } from 'node:crypto'
import { performance } from 'node:perf_hooks'
import type { Exchange, ServerState } from './exchange'
import { EMULATOR_MODELS } from './models'
import type { EmulatorModel } from './models'
import { route } from './router'
import { StatsRecorder } from './stats'
import type { EmulatorStats } from './stats'

export interface EmulatorOptions {
  /** 0 (default) picks a free port. */
  port?: number
  /** Defaults to 127.0.0.1. */
  host?: string
  /** The catalogue to serve; defaults to EMULATOR_MODELS (see loadEmulatorProfileFile for profiles). */
  models?: EmulatorModel[]
  /** When set, only this API key is accepted; anything else gets the provider's 401. */
  requireKey?: string
}

export interface RunningEmulator {
  /** e.g. http://127.0.0.1:PORT (no trailing slash). */
  url: string
  port: number
  models: EmulatorModel[]
  stats(): EmulatorStats
  /** Stops listening and destroys every open connection, including hung ones. */
  close(): Promise<void>
}

function createState(options: EmulatorOptions): ServerState {
  const catalogue = (options.models ?? EMULATOR_MODELS).map((model) => structuredClone(model))
  const models = new Map<string, EmulatorModel>()
  for (const model of catalogue) {
    if (models.has(model.id)) throw new Error(`Emulator catalogue has a duplicate model id "${model.id}"`)
    models.set(model.id, model)
  }
  return {
    catalogue,
    models,
    requireKey: options.requireKey ?? null,
    stats: new StatsRecorder(),
    tag: randomBytes(4).toString('hex'),
    counter: 0
  }
}

function handleRequest(state: ServerState, req: IncomingMessage, res: ServerResponse): void {
  const arrival = performance.now()
  const counter = ++state.counter
  const url = req.url ?? '/'
  const q = url.indexOf('?')
  const ex: Exchange = {
    req,
    res,
    arrival,
    counter,
    requestId: `req_${state.tag}${counter.toString(36)}`,
    pathname: q === -1 ? url : url.slice(0, q),
    query: q === -1 ? '' : url.slice(q + 1),
    state,
    cutByServer: false,
    modelId: null
  }
  const isProviderRequest = !ex.pathname.startsWith('/_emulator/')
  if (isProviderRequest) {
    state.stats.begin()
    res.once('close', () => {
      state.stats.finish()
      if (!res.writableFinished && !ex.cutByServer) state.stats.record(ex.modelId, 'client_aborted', false)
    })
  }
  try {
    route(ex)
  } catch (error) {
    if (!res.headersSent) {
      const body = JSON.stringify({ error: { message: `Emulator internal error: ${(error as Error).message}`, type: 'server_error' } })
      res.writeHead(500, { 'content-type': 'application/json', 'x-request-id': ex.requestId, 'x-emulator-scheduled-ttft-ms': '0' })
      res.end(body)
    } else {
      res.destroy()
    }
  }
}

export async function startEmulator(options: EmulatorOptions = {}): Promise<RunningEmulator> {
  const host = options.host ?? '127.0.0.1'
  const state = createState(options)
  const sockets = new Set<Socket>()
  const server = createServer({ noDelay: true, keepAlive: true, requestTimeout: 0 }, (req, res) => handleRequest(state, req, res))
  server.keepAliveTimeout = 30_000
  server.on('connection', (socket) => {
    sockets.add(socket)
    socket.once('close', () => sockets.delete(socket))
  })
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject)
      resolve()
    })
  })
  const port = (server.address() as AddressInfo).port
  const urlHost = host.includes(':') ? `[${host}]` : host
  let closing: Promise<void> | null = null
  return {
    url: `http://${urlHost}:${port}`,
    port,
    models: state.catalogue,
    stats: () => state.stats.snapshot(),
    close() {
      closing ??= new Promise<void>((resolve) => {
        server.close(() => resolve())
        for (const socket of sockets) socket.destroy()
        sockets.clear()
      })
      return closing
    }
  }
}

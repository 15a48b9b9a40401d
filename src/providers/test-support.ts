/** Builders for provider tests (real objects, no mocks). */
import { createServer } from 'node:http'
import type { IncomingHttpHeaders } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { CallPolicy } from '../core/schemas/playground'
import type { Provider, ProviderKind } from '../core/schemas/provider'
import type { CallRequest, CallTarget } from './call-types'

export function target(kind: ProviderKind, modelId: string, opts: { baseUrl?: string | null; apiKey?: string; emulatorUrl?: string | null; options?: Record<string, unknown> } = {}): CallTarget {
  const provider: Provider = {
    id: `p-${kind}`,
    kind,
    name: `Test ${kind}`,
    baseUrl: opts.baseUrl ?? null,
    options: opts.options ?? {},
    enabled: true,
    builtIn: false,
    createdAt: '2026-01-01T00:00:00Z',
    updatedAt: '2026-01-01T00:00:00Z'
  }
  return {
    provider,
    model: { id: `m-${modelId}`, providerId: provider.id, modelId, displayName: modelId, contextWindow: null, inputPricePerMTok: null, outputPricePerMTok: null, cachedInputPricePerMTok: null, priceSource: 'unknown', enabled: true },
    apiKey: 'apiKey' in opts ? opts.apiKey : 'test-key-1234',
    emulatorUrl: opts.emulatorUrl ?? null
  }
}

export const policy = (overrides: Partial<CallPolicy> = {}): CallPolicy => ({ retries: 2, connectTimeoutMs: 5000, totalTimeoutMs: 30_000, maxRetryAfterMs: 60_000, ...overrides })

export const request = (overrides: Partial<CallRequest> = {}): CallRequest => ({ messages: [{ role: 'user', content: 'Say hello' }], maxTokens: 20, output: { kind: 'text' }, ...overrides })

export interface RecordedRequest {
  method: string
  url: string
  headers: IncomingHttpHeaders
  body: string
  at: number
}

/** A tiny recording reverse proxy in front of `upstream` (e.g. the emulator): records every request. */
export async function startRecordingProxy(upstream: string): Promise<{ url: string; requests: RecordedRequest[]; close(): Promise<void> }> {
  const requests: RecordedRequest[] = []
  const server = createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (c: Buffer) => chunks.push(c))
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8')
      requests.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, body, at: performance.now() })
      const headers: Record<string, string> = {}
      for (const [k, v] of Object.entries(req.headers)) if (typeof v === 'string' && k !== 'host' && k !== 'content-length') headers[k] = v
      fetch(upstream + (req.url ?? ''), { method: req.method, headers, body: body || undefined })
        .then(async (up) => {
          const out: Record<string, string> = {}
          up.headers.forEach((v, k) => {
            if (k !== 'content-length' && k !== 'transfer-encoding' && k !== 'content-encoding') out[k] = v
          })
          res.writeHead(up.status, out)
          const reader = up.body?.getReader()
          for (;;) {
            const next = reader ? await reader.read() : { done: true as const, value: undefined }
            if (next.done) break
            res.write(next.value)
          }
          res.end()
        })
        .catch(() => res.destroy())
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () => new Promise<void>((resolve) => {
      server.closeAllConnections()
      server.close(() => resolve())
    })
  }
}

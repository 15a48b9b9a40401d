import { createServer } from 'node:http'
import type { Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { detectLocalServers } from './detect-local'

const servers: Server[] = []

async function serve(routes: Record<string, unknown>): Promise<string> {
  const server = createServer((req, res) => {
    const body = routes[req.url ?? '']
    res.writeHead(body === undefined ? 404 : 200, { 'content-type': 'application/json' })
    res.end(JSON.stringify(body ?? { error: 'not found' }))
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  servers.push(server)
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`
}

let ollama = ''
let lmstudio = ''
let closedPort = ''

beforeAll(async () => {
  ollama = await serve({ '/api/tags': { models: [{ name: 'llama3.2:3b' }, { name: 'qwen2.5:7b' }] } })
  lmstudio = await serve({ '/v1/models': { object: 'list', data: [{ id: 'google/gemma-3-4b', object: 'model' }] } })
  const tmp = await serve({})
  closedPort = tmp
  await new Promise<void>((resolve) => servers.pop()?.close(() => resolve()))
})
afterAll(async () => {
  for (const s of servers) await new Promise<void>((resolve) => s.close(() => resolve()))
})

describe('detectLocalServers', () => {
  it('finds Ollama (/api/tags) and LM Studio (/v1/models) with their models', async () => {
    const found = await detectLocalServers({ ollamaBaseUrl: ollama, lmstudioBaseUrl: lmstudio })
    expect(found).toEqual([
      { kind: 'ollama', baseUrl: `${ollama}/v1`, models: ['llama3.2:3b', 'qwen2.5:7b'] },
      { kind: 'lmstudio', baseUrl: `${lmstudio}/v1`, models: ['google/gemma-3-4b'] }
    ])
  })

  it('returns only reachable servers, quickly', async () => {
    const started = performance.now()
    const found = await detectLocalServers({ ollamaBaseUrl: closedPort, lmstudioBaseUrl: `${lmstudio}/v1` })
    expect(found.map((s) => s.kind)).toEqual(['lmstudio'])
    expect(performance.now() - started).toBeLessThan(1000)
  })

  it('gives up on a server that never answers within the timeout', async () => {
    const hang = createServer(() => {})
    await new Promise<void>((resolve) => hang.listen(0, '127.0.0.1', resolve))
    const url = `http://127.0.0.1:${(hang.address() as AddressInfo).port}`
    try {
      const started = performance.now()
      const found = await detectLocalServers({ ollamaBaseUrl: url, lmstudioBaseUrl: url, timeoutMs: 150 })
      expect(found).toEqual([])
      expect(performance.now() - started).toBeLessThan(800)
    } finally {
      hang.closeAllConnections()
      await new Promise<void>((resolve) => hang.close(() => resolve()))
    }
  })

  it('falls back to /v1/models for Ollama', async () => {
    const v1only = await serve({ '/v1/models': { data: [{ id: 'phi4' }] } })
    const found = await detectLocalServers({ ollamaBaseUrl: v1only, lmstudioBaseUrl: closedPort })
    expect(found).toEqual([{ kind: 'ollama', baseUrl: `${v1only}/v1`, models: ['phi4'] }])
  })
})

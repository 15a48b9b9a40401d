import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startEmulator } from '../emulator/server'
import type { RunningEmulator } from '../emulator/server'
import type { ProviderKind } from '../core/schemas/provider'
import { streamCall } from './stream-call'
import { policy, request, startRecordingProxy, target } from './test-support'

let emu: RunningEmulator
let proxy: Awaited<ReturnType<typeof startRecordingProxy>>
const signal = new AbortController().signal

beforeAll(async () => {
  emu = await startEmulator({ port: 0 })
  proxy = await startRecordingProxy(emu.url)
})
afterAll(async () => {
  await proxy.close()
  await emu.close()
})

/** Runs one call through the recording proxy and returns the attempt and the request the server saw. */
async function viaProxy(kind: ProviderKind, basePath: string, options: Record<string, unknown> = {}) {
  const before = proxy.requests.length
  const attempts = await streamCall(target(kind, 'emu-swift', { baseUrl: proxy.url + basePath, options }), request(), policy(), { signal })
  const seen = proxy.requests.slice(before)
  expect(seen).toHaveLength(1)
  return { attempt: attempts[0], seen: seen[0] as (typeof seen)[number], attempts }
}

describe('each kind reaches the right wire route and streams', () => {
  it('openai: /v1/chat/completions, stream with include_usage, provider usage', async () => {
    const { attempt, seen, attempts } = await viaProxy('openai', '/v1')
    expect(attempts).toHaveLength(1)
    expect(seen.url).toBe('/v1/chat/completions')
    const body = JSON.parse(seen.body) as Record<string, unknown>
    expect(body).toMatchObject({ model: 'emu-swift', stream: true, stream_options: { include_usage: true } })
    expect(seen.headers.authorization).toBe('Bearer test-key-1234')
    expect(attempt?.status).toBe('ok')
    expect(attempt?.text.length).toBeGreaterThan(0)
    expect(attempt?.usageEstimated).toBe(false)
    expect(attempt?.outputTokens).toBeGreaterThan(0)
    expect(attempt?.inputTokens).toBeGreaterThan(0)
    expect(attempt?.requestId).toMatch(/^req_/)
    expect(attempt?.timings.deltaCount).toBeGreaterThan(1)
  })

  it('anthropic: /v1/messages with x-api-key and Messages events, usage', async () => {
    const { attempt, seen } = await viaProxy('anthropic', '/v1')
    expect(seen.url).toBe('/v1/messages')
    expect(seen.headers['x-api-key']).toBe('test-key-1234')
    expect(seen.headers['anthropic-version']).toBeDefined()
    expect(JSON.parse(seen.body)).toMatchObject({ model: 'emu-swift', stream: true, max_tokens: 20 })
    expect(attempt).toMatchObject({ status: 'ok', usageEstimated: false, finishReason: expect.any(String) })
    expect(attempt?.outputTokens).toBeGreaterThan(0)
    expect(attempt?.text.length).toBeGreaterThan(0)
  })

  it('gemini: streamGenerateContent?alt=sse with x-goog-api-key, usageMetadata', async () => {
    const { attempt, seen } = await viaProxy('gemini', '/v1beta')
    expect(seen.url).toBe('/v1beta/models/emu-swift:streamGenerateContent?alt=sse')
    expect(seen.headers['x-goog-api-key']).toBe('test-key-1234')
    expect(attempt).toMatchObject({ status: 'ok', usageEstimated: false })
    expect(attempt?.inputTokens).toBeGreaterThan(0)
    expect(attempt?.outputTokens).toBeGreaterThan(0)
  })

  it('azure-openai: deployment path and api-version query, api-key header', async () => {
    const { attempt, seen } = await viaProxy('azure-openai', '', { apiVersion: '2024-10-21' })
    expect(seen.url).toBe('/openai/deployments/emu-swift/chat/completions?api-version=2024-10-21')
    expect(seen.headers['api-key']).toBe('test-key-1234')
    expect(attempt).toMatchObject({ status: 'ok', usageEstimated: false })
    expect(attempt?.text.length).toBeGreaterThan(0)
  })

  it('azure-openai without an api version fails as bad_request without a request', async () => {
    const before = proxy.requests.length
    const attempts = await streamCall(target('azure-openai', 'emu-swift', { baseUrl: proxy.url }), request(), policy(), { signal })
    expect(attempts).toHaveLength(1)
    expect(attempts[0]).toMatchObject({ status: 'error', errorClass: 'bad_request' })
    expect(attempts[0]?.errorMessage).toMatch(/API version/)
    expect(proxy.requests.length).toBe(before)
  })

  it('openai-compatible: extra headers (as "Name: value" lines or a record) arrive, usage included', async () => {
    const lines = await viaProxy('openai-compatible', '/v1', { headers: 'X-Team: evals\nX-Trace-Id: abc 123' })
    expect(lines.seen.url).toBe('/v1/chat/completions')
    expect(lines.seen.headers['x-team']).toBe('evals')
    expect(lines.seen.headers['x-trace-id']).toBe('abc 123')
    expect(JSON.parse(lines.seen.body)).toMatchObject({ stream: true, stream_options: { include_usage: true } })
    expect(lines.attempt).toMatchObject({ status: 'ok', usageEstimated: false })
    const record = await viaProxy('vllm', '/v1', { headers: { 'X-Route': 'gpu-2' } })
    expect(record.seen.headers['x-route']).toBe('gpu-2')
    expect(record.attempt?.status).toBe('ok')
  })

  it.each(['mistral', 'groq', 'deepseek', 'xai', 'together', 'fireworks', 'openrouter', 'ollama', 'lmstudio'] as const)(
    '%s builds a model whose requests reach the OpenAI chat route',
    async (kind) => {
      const { attempt, seen } = await viaProxy(kind, '/v1')
      expect(seen.url).toBe('/v1/chat/completions')
      expect(JSON.parse(seen.body)).toMatchObject({ model: 'emu-swift', stream: true })
      expect(attempt?.status).toBe('ok')
      expect(attempt?.text.length).toBeGreaterThan(0)
      expect(attempt?.outputTokens).toBeGreaterThan(0)
    }
  )

  it('emulator kind uses emulatorUrl + /v1 with no key needed', async () => {
    const attempts = await streamCall(target('emulator', 'emu-swift', { emulatorUrl: emu.url, apiKey: undefined }), request(), policy(), { signal })
    expect(attempts).toHaveLength(1)
    expect(attempts[0]).toMatchObject({ status: 'ok', usageEstimated: false })
  })
})

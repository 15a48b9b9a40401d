import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startEmulator } from '../emulator/server'
import type { RunningEmulator } from '../emulator/server'
import { streamCall } from './stream-call'
import type { TransportHooks } from './stream-call'
import { policy, request, startRecordingProxy, target } from './test-support'

let emu: RunningEmulator
let proxy: Awaited<ReturnType<typeof startRecordingProxy>>
const KEY = 'sk-CANARY-9f8e7d6c5b4a3210ZZ'

beforeAll(async () => {
  emu = await startEmulator({ port: 0 })
  proxy = await startRecordingProxy(emu.url)
})
afterAll(async () => {
  await proxy.close()
  await emu.close()
})

const openai = (model: string, headers: Record<string, string> = {}, apiKey = 'test-key-1234') =>
  target('openai', model, { baseUrl: `${proxy.url}/v1`, apiKey, options: { headers } })

function hooks(extra: Partial<TransportHooks> = {}): TransportHooks & { retries: Array<{ attempt: number; waitMs: number; errorClass: string }> } {
  const retries: Array<{ attempt: number; waitMs: number; errorClass: string }> = []
  return { signal: new AbortController().signal, onRetry: (info) => retries.push(info), retries, ...extra }
}

function since(before: number) {
  return proxy.requests.slice(before)
}

describe('streamCall faults', () => {
  it('429 with Retry-After 1 → onRetry, then the next attempt ≥ 1 s later', async () => {
    const before = proxy.requests.length
    const h = hooks()
    const attempts = await streamCall(openai('emu-ratelimited', { 'x-emulator-retry-after': '1' }), request(), policy({ retries: 1 }), h)
    const seen = since(before)
    expect(attempts).toHaveLength(2)
    expect(attempts.map((a) => a.errorClass)).toEqual(['rate_limited', 'rate_limited'])
    expect(attempts[0]).toMatchObject({ httpStatus: 429, retryAfterMs: 1000 })
    expect(h.retries).toEqual([expect.objectContaining({ attempt: 1, waitMs: 1000, errorClass: 'rate_limited' })])
    expect(seen).toHaveLength(2)
    expect((seen[1]?.at ?? 0) - (seen[0]?.at ?? 0)).toBeGreaterThanOrEqual(1000)
  })

  it('Retry-After beyond the cap → no wait, rate_limited after one attempt', async () => {
    const h = hooks()
    const started = performance.now()
    const attempts = await streamCall(openai('emu-ratelimited', { 'x-emulator-retry-after': '3600' }), request(), policy({ retries: 3, maxRetryAfterMs: 60_000 }), h)
    expect(performance.now() - started).toBeLessThan(1000)
    expect(attempts).toHaveLength(1)
    expect(attempts[0]).toMatchObject({ errorClass: 'rate_limited', retryAfterMs: 3_600_000 })
    expect(attempts[0]?.errorMessage).toMatch(/beyond the 60 s cap/)
    expect(h.retries).toHaveLength(0)
  })

  it('500 × (retries+1) → exactly retries+1 requests, server_error', async () => {
    const before = proxy.requests.length
    const h = hooks({ random: () => 0.99 })
    const attempts = await streamCall(openai('emu-broken', { 'x-emulator-failure': 'server_error' }), request(), policy({ retries: 2 }), h)
    expect(since(before)).toHaveLength(3)
    expect(attempts.map((a) => [a.attempt, a.errorClass, a.httpStatus])).toEqual([[1, 'server_error', 500], [2, 'server_error', 500], [3, 'server_error', 500]])
    expect(h.retries.map((r) => r.waitMs)).toEqual([expect.closeTo(500 * 0.7525, 0), expect.closeTo(1000 * 0.7525, 0)])
  })

  it('401 → one attempt, "Key rejected", the key (and its base64) never in the message', async () => {
    const before = proxy.requests.length
    const attempts = await streamCall(openai('emu-unauthorized', {}, KEY), request(), policy({ retries: 3 }), hooks())
    expect(since(before)).toHaveLength(1)
    expect(attempts).toHaveLength(1)
    expect(attempts[0]).toMatchObject({ status: 'error', errorClass: 'auth', httpStatus: 401 })
    const message = attempts[0]?.errorMessage ?? ''
    expect(message).toMatch(/^Key rejected \(HTTP 401\)/)
    expect(message).not.toContain(KEY)
    expect(message).not.toContain(Buffer.from(KEY).toString('base64'))
    expect(JSON.stringify(attempts)).not.toContain(KEY)
  })

  it('emu-hang with connectTimeoutMs 300 → timeout_connect within ~1 s', async () => {
    const started = performance.now()
    const attempts = await streamCall(target('emulator', 'emu-hang', { emulatorUrl: emu.url }), request(), policy({ retries: 0, connectTimeoutMs: 300 }), hooks())
    const elapsed = performance.now() - started
    expect(attempts).toHaveLength(1)
    expect(attempts[0]).toMatchObject({ status: 'error', errorClass: 'timeout_connect' })
    expect(elapsed).toBeGreaterThanOrEqual(290)
    expect(elapsed).toBeLessThan(1200)
  })

  it('connect timeout releases the socket (the server sees the connection close)', async () => {
    let closed: () => void = () => {}
    const closedPromise = new Promise<void>((resolve) => (closed = resolve))
    const server = createServer((req) => req.socket.on('close', () => closed()))
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`
    try {
      const attempts = await streamCall(target('openai-compatible', 'm', { baseUrl: url }), request(), policy({ retries: 0, connectTimeoutMs: 200 }), hooks())
      expect(attempts[0]?.errorClass).toBe('timeout_connect')
      await closedPromise
    } finally {
      server.closeAllConnections()
      await new Promise<void>((resolve) => server.close(() => resolve()))
    }
  })

  it('total timeout mid-stream → timeout_total, partial text kept', async () => {
    const attempts = await streamCall(target('emulator', 'emu-stall', { emulatorUrl: emu.url }), request(), policy({ retries: 2, totalTimeoutMs: 600 }), hooks())
    expect(attempts).toHaveLength(1)
    expect(attempts[0]).toMatchObject({ status: 'error', errorClass: 'timeout_total' })
    expect(attempts[0]?.text.length).toBeGreaterThan(0)
  })

  it('emu-cut → stream_interrupted with the partial text, not retried', async () => {
    const deltas: string[] = []
    const attempts = await streamCall(target('emulator', 'emu-cut', { emulatorUrl: emu.url }), request(), policy({ retries: 2 }), hooks({ onDelta: (t) => deltas.push(t) }))
    expect(attempts).toHaveLength(1)
    expect(attempts[0]).toMatchObject({ status: 'error', errorClass: 'stream_interrupted' })
    expect(attempts[0]?.text).toBe(deltas.join(''))
    expect(deltas.length).toBeGreaterThanOrEqual(3)
  })

  it('emu-garbled → malformed_response, no crash', async () => {
    const attempts = await streamCall(target('emulator', 'emu-garbled', { emulatorUrl: emu.url }), request(), policy({ retries: 2 }), hooks())
    expect(attempts).toHaveLength(1)
    expect(attempts[0]).toMatchObject({ status: 'error', errorClass: 'malformed_response' })
    expect(attempts[0]?.errorMessage).toMatch(/Malformed response/)
  })

  it('unknown model → not_found with the provider message', async () => {
    const attempts = await streamCall(target('emulator', 'no-such-model', { emulatorUrl: emu.url }), request(), policy({ retries: 2 }), hooks())
    expect(attempts).toHaveLength(1)
    expect(attempts[0]).toMatchObject({ errorClass: 'not_found', httpStatus: 404 })
    expect(attempts[0]?.errorMessage).toContain('The model `no-such-model` does not exist')
  })

  it('cancel mid-stream → cancelled, partial text kept, no retry', async () => {
    const controller = new AbortController()
    let deltas = 0
    const attempts = await streamCall(
      target('emulator', 'emu-swift', { emulatorUrl: emu.url, options: { headers: { 'x-emulator-tps': '20' } } }),
      request({ maxTokens: 200 }),
      policy({ retries: 2 }),
      { signal: controller.signal, onDelta: () => { if (++deltas === 2) controller.abort() } }
    )
    expect(attempts).toHaveLength(1)
    expect(attempts[0]).toMatchObject({ status: 'cancelled', errorClass: 'cancelled' })
    expect(attempts[0]?.text.length).toBeGreaterThan(0)
  })

  it('cancel during a retry wait ends the call without another attempt', async () => {
    const controller = new AbortController()
    const before = proxy.requests.length
    const started = performance.now()
    const attempts = await streamCall(openai('emu-ratelimited', { 'x-emulator-retry-after': '5' }), request(), policy({ retries: 2 }), {
      signal: controller.signal,
      onRetry: () => setTimeout(() => controller.abort(), 50)
    })
    expect(performance.now() - started).toBeLessThan(2000)
    expect(attempts).toHaveLength(1)
    expect(since(before)).toHaveLength(1)
  })

  it('missing key → missing_key naming the provider, no request sent', async () => {
    const before = proxy.requests.length
    const attempts = await streamCall(target('openai', 'emu-swift', { baseUrl: `${proxy.url}/v1`, apiKey: undefined }), request(), policy(), hooks())
    expect(attempts).toHaveLength(1)
    expect(attempts[0]).toMatchObject({ status: 'error', errorClass: 'missing_key' })
    expect(attempts[0]?.errorMessage).toContain('Test openai')
    expect(attempts[0]?.errorMessage).toContain('set a key in Providers')
    expect(since(before)).toHaveLength(0)
  })
})

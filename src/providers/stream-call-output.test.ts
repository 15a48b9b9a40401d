import Ajv from 'ajv'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startEmulator } from '../emulator/server'
import type { RunningEmulator } from '../emulator/server'
import { streamCall, streamCallWithTransport } from './stream-call'
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

const schema = {
  type: 'object',
  properties: { city: { type: 'string' }, population: { type: 'integer', minimum: 0 }, tags: { type: 'array', items: { type: 'string' } } },
  required: ['city', 'population', 'tags'],
  additionalProperties: false
}

describe('structured output', () => {
  it('json_schema: the server gets response_format json_schema; streamed text parses and matches (ajv)', async () => {
    const before = proxy.requests.length
    const deltas: string[] = []
    const attempts = await streamCall(
      target('openai', 'emu-swift', { baseUrl: `${proxy.url}/v1` }),
      request({ maxTokens: 200, output: { kind: 'json_schema', name: 'city', schema } }),
      policy(),
      { signal, onDelta: (t) => deltas.push(t) }
    )
    const body = JSON.parse(proxy.requests[before]?.body ?? '{}') as { response_format?: { type: string; json_schema?: { name: string; schema: unknown } } }
    expect(body.response_format?.type).toBe('json_schema')
    expect(body.response_format?.json_schema?.name).toBe('city')
    expect(attempts[0]?.status).toBe('ok')
    expect(deltas.length).toBeGreaterThan(1)
    const parsed: unknown = JSON.parse(attempts[0]?.text ?? '')
    const validate = new Ajv().compile(schema)
    expect(validate(parsed), JSON.stringify(validate.errors)).toBe(true)
  })

  it('json_object: the server gets response_format json_object and the text is JSON', async () => {
    const before = proxy.requests.length
    const attempts = await streamCall(target('openai-compatible', 'emu-swift', { baseUrl: `${proxy.url}/v1` }), request({ maxTokens: 100, output: { kind: 'json_object' } }), policy(), { signal })
    const body = JSON.parse(proxy.requests[before]?.body ?? '{}') as { response_format?: { type: string } }
    expect(body.response_format?.type).toBe('json_object')
    expect(attempts[0]?.status).toBe('ok')
    expect(() => JSON.parse(attempts[0]?.text ?? '') as unknown).not.toThrow()
  })

  it('maps sampling params onto the request', async () => {
    const before = proxy.requests.length
    await streamCall(target('openai', 'emu-swift', { baseUrl: `${proxy.url}/v1` }), request({ temperature: 0.3, topP: 0.9, seed: 7, maxTokens: 12, stop: ['END'] }), policy(), { signal })
    expect(JSON.parse(proxy.requests[before]?.body ?? '{}')).toMatchObject({ temperature: 0.3, top_p: 0.9, seed: 7, max_tokens: 12, stop: ['END'] })
  })
})

describe('usage and timings', () => {
  it('estimates usage when the provider sends none (usageEstimated true)', async () => {
    // @ai-sdk/mistral does not ask the emulator's OpenAI route for usage in the stream.
    const attempts = await streamCall(target('mistral', 'emu-swift', { baseUrl: `${emu.url}/v1` }), request(), policy(), { signal })
    expect(attempts[0]).toMatchObject({ status: 'ok', usageEstimated: true })
    expect(attempts[0]?.inputTokens).toBeGreaterThan(0)
    expect(attempts[0]?.outputTokens).toBeGreaterThan(0)
  })

  it('TTFT is the transport arrival of the first text chunk: x-emulator-ttft-ms 100 → within [100, 130]', async () => {
    let scheduled = Number.NaN
    const attempts = await streamCallWithTransport(
      target('emulator', 'emu-swift', { emulatorUrl: emu.url, options: { headers: { 'x-emulator-ttft-ms': '100', 'x-emulator-tps': '200' } } }),
      request({ maxTokens: 30 }),
      policy(),
      { signal, onResponseHeaders: (headers) => (scheduled = Number(headers.get('x-emulator-scheduled-ttft-ms'))) }
    )
    const t = attempts[0]?.timings
    expect(scheduled).toBe(100)
    expect(attempts[0]?.status).toBe('ok')
    expect(t?.ttftMs).toBeGreaterThanOrEqual(100)
    expect(t?.ttftMs).toBeLessThanOrEqual(130)
    expect(t?.firstByteMs).not.toBeNull()
    expect(t?.firstByteMs as number).toBeLessThanOrEqual(t?.ttftMs as number)
    expect(t?.ttftMs as number).toBeLessThanOrEqual(t?.latencyMs as number)
    // 200 tokens/s → ~5 ms between text chunks.
    expect(t?.itlP50Ms).toBeGreaterThan(2)
    expect(t?.itlP50Ms).toBeLessThan(20)
    expect(t?.itlP95Ms as number).toBeGreaterThanOrEqual(t?.itlP50Ms as number)
  })
})

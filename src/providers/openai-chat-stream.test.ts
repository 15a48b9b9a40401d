import type { LanguageModelV3, LanguageModelV3CallOptions } from '@ai-sdk/provider'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startEmulator } from '../emulator/server'
import type { RunningEmulator } from '../emulator/server'
import type { CallRequest } from './call-types'
import { createLanguageModel } from './language-model'
import { DIRECT_CHAT_KINDS, ServerSentEventDecoder, chatCompletionsBody } from './openai-chat-stream'
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

function decode(chunks: string[]): string[] {
  const events: string[] = []
  const decoder = new ServerSentEventDecoder((data) => events.push(data))
  for (const chunk of chunks) decoder.push(new TextEncoder().encode(chunk))
  decoder.end()
  return events
}

describe('ServerSentEventDecoder', () => {
  it('splits events on blank lines with LF, CRLF or CR line ends, joins multi-line data and skips comments and other fields', () => {
    expect(decode(['data: a\n\ndata: b\r\n\r\n: comment\nevent: x\ndata: c\rdata: d\r\r'])).toEqual(['a', 'b', 'c\nd'])
    expect(decode(['data:no-space\n\ndata\n\n'])).toEqual(['no-space', ''])
  })

  it('gives the same events however the bytes are split, CRLF and multi-byte characters included', () => {
    const text = 'data: {"x":"é€😀"}\r\n\r\ndata: second\r\n\r\ndata: [DONE]\r\n\r\n'
    const bytes = new TextEncoder().encode(text)
    const whole = decode([text])
    expect(whole).toEqual(['{"x":"é€😀"}', 'second', '[DONE]'])
    for (let cut = 1; cut < bytes.length; cut++) {
      const events: string[] = []
      const decoder = new ServerSentEventDecoder((data) => events.push(data))
      decoder.push(bytes.slice(0, cut))
      decoder.push(bytes.slice(cut))
      decoder.end()
      expect(events, `split at byte ${cut}`).toEqual(whole)
    }
  })

  it('delivers a last event that lacks its blank line when the body ends', () => {
    expect(decode(['data: a\n\ndata: tail'])).toEqual(['a', 'tail'])
  })
})

/** What @ai-sdk/openai-compatible sends for a request (through the recording proxy). */
async function sdkBody(req: CallRequest): Promise<unknown> {
  const before = proxy.requests.length
  const model = createLanguageModel(target('openai-compatible', 'emu-swift', { baseUrl: `${proxy.url}/v1` }), globalThis.fetch) as LanguageModelV3
  const output = req.output
  const options: LanguageModelV3CallOptions = {
    prompt: req.messages.map((m) => (m.role === 'system' ? { role: 'system' as const, content: m.content } : { role: m.role, content: [{ type: 'text' as const, text: m.content }] })),
    ...(req.maxTokens === undefined ? {} : { maxOutputTokens: req.maxTokens }),
    ...(req.temperature === undefined ? {} : { temperature: req.temperature }),
    ...(req.topP === undefined ? {} : { topP: req.topP }),
    ...(req.seed === undefined ? {} : { seed: req.seed }),
    ...(req.stop === undefined ? {} : { stopSequences: req.stop }),
    ...(output.kind === 'json_schema' ? { responseFormat: { type: 'json' as const, schema: output.schema as never, name: output.name } } : output.kind === 'json_object' ? { responseFormat: { type: 'json' as const } } : {})
  }
  const { stream } = await model.doStream(options)
  const reader = stream.getReader()
  while (!(await reader.read()).done) {
    // drain
  }
  return JSON.parse(proxy.requests.slice(before)[0]?.body ?? 'null')
}

describe('the direct Chat Completions path', () => {
  it('covers the emulator and the OpenAI-compatible servers only', () => {
    expect([...DIRECT_CHAT_KINDS].sort()).toEqual(['emulator', 'lmstudio', 'ollama', 'openai-compatible', 'vllm'])
  })

  it.each([
    ['text with every sampling parameter', request({ messages: [{ role: 'system', content: 'Be brief.' }, { role: 'user', content: 'Hi' }, { role: 'assistant', content: 'Hello' }, { role: 'user', content: 'Again' }], temperature: 0.3, topP: 0.9, maxTokens: 12, seed: 7, stop: ['END'] })],
    ['json_schema', request({ output: { kind: 'json_schema', name: 'city', schema: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] } } })],
    ['json_object', request({ output: { kind: 'json_object' } })]
  ])('sends the body @ai-sdk/openai-compatible sends: %s', async (_label, req) => {
    expect(chatCompletionsBody('emu-swift', req)).toEqual(await sdkBody(req))
  })

  it('streams the same reply, usage and finish as the SDK path for the same request', async () => {
    const req = request({ maxTokens: 24, seed: 3 })
    const [direct] = await streamCall(target('openai-compatible', 'emu-swift', { baseUrl: `${proxy.url}/v1` }), req, policy(), { signal })
    const [sdk] = await streamCall(target('openai', 'emu-swift', { baseUrl: `${proxy.url}/v1` }), req, policy(), { signal })
    expect(direct).toMatchObject({ status: 'ok', usageEstimated: false, errorClass: null })
    expect(direct?.text).toBe(sdk?.text)
    expect(direct?.timings.deltaCount).toBe(sdk?.timings.deltaCount)
    for (const field of ['inputTokens', 'outputTokens', 'cachedTokens', 'reasoningTokens', 'finishReason'] as const) expect(direct?.[field]).toBe(sdk?.[field])
    expect(direct?.requestId).toMatch(/^req_/)
    expect(direct?.timings.ttftMs).toBeGreaterThan(0)
  })

  it('classifies HTTP failures as the SDK path does: 429 with Retry-After, 401 without the key, unknown model', async () => {
    const direct = (model: string, headers: Record<string, string>) => target('openai-compatible', model, { baseUrl: `${proxy.url}/v1`, apiKey: 'sk-direct-SECRET-42', options: { headers } })
    const sdk = (model: string, headers: Record<string, string>) => target('openai', model, { baseUrl: `${proxy.url}/v1`, apiKey: 'sk-direct-SECRET-42', options: { headers } })
    const cases: Array<[string, Record<string, string>]> = [
      ['emu-swift', { 'x-emulator-failure': 'rate_limit', 'x-emulator-retry-after': '7' }],
      ['emu-swift', { 'x-emulator-failure': 'unauthorized' }],
      ['emu-swift', { 'x-emulator-failure': 'server_error' }],
      ['no-such-model', {}]
    ]
    for (const [model, headers] of cases) {
      const [a] = await streamCall(direct(model, headers), request(), policy({ retries: 0 }), { signal })
      const [b] = await streamCall(sdk(model, headers), request(), policy({ retries: 0 }), { signal })
      expect(a?.status).toBe('error')
      for (const field of ['errorClass', 'httpStatus', 'retryAfterMs', 'errorMessage'] as const) expect(a?.[field], `${model} ${JSON.stringify(headers)}: ${field}`).toEqual(b?.[field])
      expect(a?.errorMessage).not.toContain('SECRET')
    }
  })

  it('a server that is not there is a network error naming the connection failure', async () => {
    const [attempt] = await streamCall(target('openai-compatible', 'm', { baseUrl: 'http://127.0.0.1:9/v1' }), request(), policy({ retries: 0 }), { signal })
    expect(attempt).toMatchObject({ status: 'error', errorClass: 'network' })
    expect(attempt?.errorMessage).toMatch(/Cannot connect to API: .*ECONNREFUSED/)
  })
})

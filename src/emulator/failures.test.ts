import Anthropic from '@anthropic-ai/sdk'
import { GoogleGenAI } from '@google/genai'
import OpenAI from 'openai'
import { request } from 'undici'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startEmulator } from './server'
import type { RunningEmulator } from './server'
import { createSseParser } from './sse-parse'
import type { SseEvent } from './sse-parse'

let emu: RunningEmulator
let openai: OpenAI

beforeAll(async () => {
  emu = await startEmulator()
  openai = new OpenAI({ baseURL: `${emu.url}/v1`, apiKey: 'k', maxRetries: 0, logLevel: 'off' })
})
afterAll(async () => {
  await emu.close()
})

const messages = [{ role: 'user' as const, content: 'Tell me about failure handling.' }]

async function waitFor(condition: () => boolean, timeoutMs = 2000): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met in time')
    await new Promise((resolve) => setTimeout(resolve, 10))
  }
}

function chatBody(model: string, extra: Record<string, unknown> = {}): string {
  return JSON.stringify({ model, messages, stream: true, ...extra })
}

/** Streams raw SSE from the emulator with undici, collecting events until the stream ends or fails. */
async function rawStream(path: string, body: string, headers: Record<string, string> = {}, signal?: AbortSignal) {
  const response = await request(`${emu.url}${path}`, {
    method: 'POST',
    headers: { authorization: 'Bearer k', 'content-type': 'application/json', ...headers },
    body,
    signal
  })
  const events: SseEvent[] = []
  let raw = ''
  const push = createSseParser((event) => events.push(event))
  let error: unknown = null
  try {
    for await (const chunk of response.body) {
      const text = (chunk as Buffer).toString('utf8')
      raw += text
      push(text)
    }
  } catch (e) {
    error = e
  }
  return { status: response.statusCode, headers: response.headers, events, raw, error }
}

describe('failure modes', () => {
  it('hang_headers: the client timeout fires and the server releases the request', async () => {
    const before = emu.stats().byModel['emu-hang']?.client_aborted ?? 0
    const started = Date.now()
    const error = await openai.chat.completions.create({ model: 'emu-hang', messages }, { timeout: 300 }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(OpenAI.APIConnectionTimeoutError)
    expect(Date.now() - started).toBeLessThan(2000)
    await waitFor(() => (emu.stats().byModel['emu-hang']?.client_aborted ?? 0) === before + 1)
    await waitFor(() => emu.stats().inFlight === 0)
  })

  it('close() destroys hung connections and resolves promptly', async () => {
    const local = await startEmulator()
    const pending = request(`${local.url}/v1/chat/completions`, {
      method: 'POST',
      headers: { authorization: 'Bearer k', 'x-emulator-failure': 'hang_headers' },
      body: JSON.stringify({ model: 'emu-instant', messages })
    }).then(
      () => 'answered',
      () => 'failed'
    )
    await waitFor(() => local.stats().inFlight === 1)
    const started = Date.now()
    await local.close()
    expect(Date.now() - started).toBeLessThan(1000)
    expect(await pending).toBe('failed')
  })

  it('stream_cut: the SDK sees partial text, then an error', async () => {
    const stream = await openai.chat.completions.create({ model: 'emu-cut', messages, stream: true })
    let text = ''
    let error: unknown = null
    try {
      for await (const chunk of stream) text += chunk.choices[0]?.delta.content ?? ''
    } catch (e) {
      error = e
    }
    expect(text.length).toBeGreaterThan(0)
    expect(error).toBeInstanceOf(Error)
    const result = await rawStream('/v1/chat/completions', chatBody('emu-cut'))
    const contents = result.events.filter((e) => e.data.includes('"content":"') && !e.data.includes('"role"'))
    expect(contents).toHaveLength(4) // afterTokens for emu-cut
    expect(result.raw).not.toContain('[DONE]')
    expect(result.error).toBeInstanceOf(Error)
  })

  it('stream_cut on a non-streaming request fails the SDK call', async () => {
    const error = await openai.chat.completions.create({ model: 'emu-cut', messages }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(Error)
  })

  it('hang_stream: a few tokens arrive, then silence until the client aborts', async () => {
    const controller = new AbortController()
    const events: SseEvent[] = []
    const response = await request(`${emu.url}/v1/chat/completions`, {
      method: 'POST',
      headers: { authorization: 'Bearer k' },
      body: chatBody('emu-stall'),
      signal: controller.signal
    })
    const push = createSseParser((event) => events.push(event))
    response.body.on('data', (chunk: Buffer) => push(chunk.toString('utf8')))
    response.body.on('error', () => undefined)
    await waitFor(() => events.length >= 4) // role chunk + 3 content pieces
    await new Promise((resolve) => setTimeout(resolve, 300))
    expect(events).toHaveLength(4)
    controller.abort()
    await waitFor(() => emu.stats().inFlight === 0)
    expect(emu.stats().byModel['emu-stall']?.client_aborted).toBeGreaterThanOrEqual(1)
  })

  it('a client abort mid-stream releases the request and its timers', async () => {
    const before = emu.stats().byModel['emu-instant']?.client_aborted ?? 0
    const stream = await openai.chat.completions.create(
      { model: 'emu-instant', messages, stream: true },
      { headers: { 'x-emulator-ttft-ms': '0', 'x-emulator-tps': '20' } }
    )
    let pieces = 0
    for await (const chunk of stream) {
      if (chunk.choices[0]?.delta.content) pieces++
      if (pieces === 2) stream.controller.abort()
    }
    expect(pieces).toBe(2)
    await waitFor(() => emu.stats().inFlight === 0)
    expect(emu.stats().byModel['emu-instant']?.client_aborted).toBe(before + 1)
  })

  it('malformed_chunk: the raw stream holds one unparseable data line and still finishes', async () => {
    const result = await rawStream('/v1/chat/completions', chatBody('emu-garbled'))
    const broken = result.events.filter((e) => {
      if (e.data === '[DONE]') return false
      try {
        JSON.parse(e.data)
        return false
      } catch {
        return true
      }
    })
    expect(broken).toHaveLength(1)
    expect(result.events.at(-1)?.data).toBe('[DONE]')
    expect(result.error).toBeNull()
  })

  it('malformed_chunk: each SDK raises a parse error', async () => {
    const stream = await openai.chat.completions.create({ model: 'emu-garbled', messages, stream: true })
    const openaiError = await (async () => {
      for await (const _chunk of stream) void _chunk
    })().catch((e: unknown) => e)
    expect(openaiError).toBeInstanceOf(SyntaxError)

    const anthropic = new Anthropic({ baseURL: emu.url, apiKey: 'k', maxRetries: 0, logLevel: 'off' })
    const anthropicError = await anthropic.messages
      .stream({ model: 'emu-garbled', max_tokens: 100, messages })
      .finalMessage()
      .catch((e: unknown) => e)
    expect(anthropicError).toBeInstanceOf(Error)

    const gemini = new GoogleGenAI({ apiKey: 'k', httpOptions: { baseUrl: emu.url } })
    const geminiError = await (async () => {
      for await (const _chunk of await gemini.models.generateContentStream({ model: 'emu-garbled', contents: 'hi' })) void _chunk
    })().catch((e: unknown) => e)
    expect(geminiError).toBeInstanceOf(Error)

    const nonStreaming = await openai.chat.completions.create({ model: 'emu-garbled', messages }).catch((e: unknown) => e)
    expect(nonStreaming).toBeInstanceOf(Error)
  })

  it('determinism: same seed → same text, different seed → different text, header seed wins', async () => {
    const ask = async (seed: number | undefined, headers: Record<string, string> = {}) => {
      const completion = await openai.chat.completions.create({ model: 'emu-instant', messages, ...(seed === undefined ? {} : { seed }) }, { headers })
      return completion.choices[0]?.message.content ?? ''
    }
    const a1 = await ask(42)
    const a2 = await ask(42)
    const b = await ask(43)
    expect(a1).toBe(a2)
    expect(a1).not.toBe(b)
    expect(await ask(43, { 'x-emulator-seed': '42' })).toBe(a1)
    expect(await ask(undefined)).toBe(await ask(undefined))

    const anthropic = new Anthropic({ baseURL: emu.url, apiKey: 'k', maxRetries: 0 })
    const message = await anthropic.messages.create({ model: 'emu-instant', max_tokens: 4096, messages }, { headers: { 'x-emulator-seed': '42' } })
    expect(message.content[0]?.type === 'text' ? message.content[0].text : '').toBe(a1)
  })

  it('x-emulator-reply-tokens sets the reply length exactly; max tokens still cuts it; a bad value is a 400 naming the header', async () => {
    const long = await openai.chat.completions.create({ model: 'emu-instant', messages, max_tokens: 5000 }, { headers: { 'x-emulator-reply-tokens': '600' } })
    expect(long.usage?.completion_tokens).toBe(600)
    expect(long.choices[0]?.finish_reason).toBe('stop')
    const cut = await openai.chat.completions.create({ model: 'emu-instant', messages, max_tokens: 100 }, { headers: { 'x-emulator-reply-tokens': '600' } })
    expect(cut.usage?.completion_tokens).toBe(100)
    expect(cut.choices[0]?.finish_reason).toBe('length')
    const bad = await openai.chat.completions.create({ model: 'emu-instant', messages }, { headers: { 'x-emulator-reply-tokens': 'lots' } }).catch((e: unknown) => e)
    expect(bad).toMatchObject({ status: 400 })
    expect(String((bad as Error).message)).toMatch(/x-emulator-reply-tokens/)
  })

  it('emu-flaky follows its failure mix, reproducibly for the same request sequence', async () => {
    const run = async () => {
      const local = await startEmulator()
      const outcomes: number[] = []
      try {
        for (let i = 0; i < 300; i++) {
          try {
            const response = await request(`${local.url}/v1/chat/completions`, {
              method: 'POST',
              headers: { authorization: 'Bearer k', 'x-emulator-ttft-ms': '0', 'x-emulator-tps': '0' },
              body: JSON.stringify({ model: 'emu-flaky', messages, max_tokens: 8, seed: 1 })
            })
            const text = await response.body.text().catch(() => null)
            outcomes.push(text === null ? -1 : response.statusCode)
          } catch {
            outcomes.push(-1)
          }
        }
      } finally {
        await local.close()
      }
      return outcomes
    }
    const first = await run()
    const rateLimited = first.filter((s) => s === 429).length
    const serverErrors = first.filter((s) => s === 500).length
    expect(rateLimited).toBeGreaterThan(10)
    expect(rateLimited).toBeLessThan(55)
    expect(serverErrors).toBeGreaterThan(3)
    expect(serverErrors).toBeLessThan(35)
    expect(first.filter((s) => s === -1).length).toBeGreaterThan(0) // ~3% of replies are cut
    expect(first.filter((s) => s === 200).length).toBeGreaterThan(200)
    expect(await run()).toEqual(first)
  })

  it('x-emulator-failure: none suppresses a model\'s failures', async () => {
    const completion = await openai.chat.completions.create({ model: 'emu-broken', messages }, { headers: { 'x-emulator-failure': 'none' } })
    expect(completion.choices[0]?.finish_reason).toBe('stop')
  })

  it('rejects an invalid override header with a 400 naming it', async () => {
    const response = await request(`${emu.url}/v1/chat/completions`, {
      method: 'POST',
      headers: { authorization: 'Bearer k', 'x-emulator-failure': 'explode' },
      body: JSON.stringify({ model: 'emu-instant', messages })
    })
    expect(response.statusCode).toBe(400)
    const body = (await response.body.json()) as { error: { message: string; param: string } }
    expect(body.error.param).toBe('x-emulator-failure')
    expect(body.error.message).toContain('explode')
  })
})

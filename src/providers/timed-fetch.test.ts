import { createServer } from 'node:http'
import type { Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { FirstTokenSniffer, createTimedFetch } from './timed-fetch'

let server: Server
let base = ''
const socketsClosed: string[] = []

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

beforeAll(async () => {
  server = createServer((req, res) => {
    req.socket.once('close', () => socketsClosed.push(req.url ?? ''))
    if (req.url === '/chunks') {
      // headers at 30 ms, chunks at 80 and 130 ms, end at 150 ms
      void (async () => {
        await sleep(30)
        res.writeHead(200, { 'content-type': 'text/plain', 'x-request-id': 'req_1' })
        res.flushHeaders()
        await sleep(50)
        res.write('a')
        await sleep(50)
        res.write('b')
        await sleep(20)
        res.end()
      })()
    } else if (req.url === '/slow-body') {
      res.writeHead(200, { 'content-type': 'text/plain' })
      res.write('x')
    }
    // '/hang': never answers
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})
afterAll(async () => {
  server.closeAllConnections()
  await new Promise<void>((resolve) => server.close(() => resolve()))
})

describe('createTimedFetch', () => {
  it('times headers, every chunk and the end; markTextChunk takes the latest chunk arrival', async () => {
    let seenHeaders: Headers | null = null
    const tf = createTimedFetch({ connectTimeoutMs: 1000, totalTimeoutMs: 5000, signal: new AbortController().signal, onResponseHeaders: (h) => (seenHeaders = h) })
    const response = await tf.fetch(`${base}/chunks`)
    const reader = (response.body as ReadableStream<Uint8Array>).getReader()
    const first = await reader.read()
    expect(new TextDecoder().decode(first.value)).toBe('a')
    tf.markTextChunk()
    await sleep(40) // the SDK emitting late must not move TTFT
    tf.markTextChunk()
    while (!(await reader.read()).done) tf.markTextChunk()
    tf.dispose()
    const t = tf.timings()
    expect((seenHeaders as Headers | null)?.get('x-request-id')).toBe('req_1')
    expect(t.firstByteMs).toBeGreaterThanOrEqual(25)
    expect(t.chunkTimes).toHaveLength(2)
    expect(t.textChunkTimes).toHaveLength(2)
    expect(t.textChunkTimes[0]).toBeGreaterThanOrEqual(75)
    expect(t.textChunkTimes[0]).toBe(t.chunkTimes[0])
    expect(t.textChunkTimes[1]).toBe(t.chunkTimes[1])
    expect((t.textChunkTimes[1] ?? 0) - (t.textChunkTimes[0] ?? 0)).toBeGreaterThanOrEqual(40)
    expect(t.endMs).toBeGreaterThanOrEqual(t.textChunkTimes[1] ?? Infinity)
    expect(tf.abortClass()).toBeNull()
  })

  it('no headers within connectTimeoutMs → timeout_connect, and the socket is closed', async () => {
    const tf = createTimedFetch({ connectTimeoutMs: 150, totalTimeoutMs: 5000, signal: new AbortController().signal })
    const started = performance.now()
    await expect(tf.fetch(`${base}/hang`)).rejects.toThrow()
    expect(performance.now() - started).toBeLessThan(600)
    expect(tf.abortClass()).toBe('timeout_connect')
    tf.dispose()
    await sleep(50)
    expect(socketsClosed).toContain('/hang')
  })

  it('a body that outlives totalTimeoutMs → timeout_total; user cancel → cancelled', async () => {
    const slow = createTimedFetch({ connectTimeoutMs: 1000, totalTimeoutMs: 200, signal: new AbortController().signal })
    const response = await slow.fetch(`${base}/slow-body`)
    await expect(response.text()).rejects.toThrow()
    expect(slow.abortClass()).toBe('timeout_total')
    slow.dispose()

    const controller = new AbortController()
    const cancelled = createTimedFetch({ connectTimeoutMs: 1000, totalTimeoutMs: 5000, signal: controller.signal })
    const pending = cancelled.fetch(`${base}/hang`)
    setTimeout(() => controller.abort(), 30)
    await expect(pending).rejects.toThrow()
    expect(cancelled.abortClass()).toBe('cancelled')
    expect(cancelled.signal.aborted).toBe(true)
    cancelled.dispose()
  })
})

describe('FirstTokenSniffer', () => {
  const bytes = (text: string) => new TextEncoder().encode(text)
  it('ignores role-only and empty deltas, then spots the first OpenAI content', () => {
    const sniffer = new FirstTokenSniffer()
    expect(sniffer.sawToken(bytes('data: {"choices":[{"delta":{"role":"assistant","content":""}}]}\n\n'))).toBe(false)
    expect(sniffer.sawToken(bytes('data: {"choices":[{"delta":{"content":"Hel'))).toBe(true)
  })
  it('spots Anthropic text deltas and Gemini text parts, but not message_start content arrays', () => {
    const anthropic = new FirstTokenSniffer()
    expect(anthropic.sawToken(bytes('event: message_start\ndata: {"type":"message_start","message":{"content":[]}}\n\n'))).toBe(false)
    expect(anthropic.sawToken(bytes('event: content_block_delta\ndata: {"type":"content_block_delta","delta":{"type":"text_delta","text":"Hi"}}\n\n'))).toBe(true)
    expect(new FirstTokenSniffer().sawToken(bytes('data: {"candidates":[{"content":{"parts":[{"text":"Hi"}]}}]}\n\n'))).toBe(true)
  })
  it('finds a marker split across two chunks', () => {
    const sniffer = new FirstTokenSniffer()
    expect(sniffer.sawToken(bytes('data: {"choices":[{"delta":{"cont'))).toBe(false)
    expect(sniffer.sawToken(bytes('ent":"x"}}]}\n\n'))).toBe(true)
  })
})

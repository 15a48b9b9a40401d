import { describe, expect, it } from 'vitest'
import { AppError } from '../../src/core/errors'
import { createHttpClient } from './http-client'

interface Sent {
  url: string
  init: RequestInit
}

function fakeFetch(status: number, body: unknown, sent: Sent[] = []) {
  return async (url: string, init: RequestInit): Promise<Response> => {
    sent.push({ url, init })
    return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } })
  }
}

class FakeEventSource {
  listeners: Record<string, ((event: { data: string }) => void)[]> = {}
  constructor(readonly url: string) {}
  addEventListener(type: string, listener: (event: { data: string }) => void): void {
    ;(this.listeners[type] ??= []).push(listener)
  }
  emit(type: string, data: string): void {
    for (const l of this.listeners[type] ?? []) l({ data })
  }
}

describe('HTTP client', () => {
  it('POSTs /api/<op> with a JSON body, same-origin credentials and the JSON content type', async () => {
    const sent: Sent[] = []
    const client = createHttpClient({ fetch: fakeFetch(200, { pong: true, at: 1 }, sent) })
    await expect(client.call('app.ping', {})).resolves.toEqual({ pong: true, at: 1 })
    expect(sent[0]?.url).toBe('/api/app.ping')
    expect(sent[0]?.init.method).toBe('POST')
    expect(sent[0]?.init.credentials).toBe('same-origin')
    expect(sent[0]?.init.headers).toEqual({ 'content-type': 'application/json' })
    expect(sent[0]?.init.body).toBe('{}')
  })

  it('rejects with the engine error envelope as an AppError', async () => {
    const client = createHttpClient({ fetch: fakeFetch(404, { error: { code: 'NOT_FOUND', message: 'no such run' } }) })
    const error = await client.call('runs.get', { id: 'x' }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(AppError)
    expect((error as AppError).code).toBe('NOT_FOUND')
    expect((error as AppError).message).toBe('no such run')
  })

  it('maps a bare 401 to UNAUTHORIZED', async () => {
    const client = createHttpClient({ fetch: fakeFetch(401, 'nope') })
    await expect(client.call('app.ping', {})).rejects.toMatchObject({ code: 'UNAUTHORIZED' })
  })

  it('reports a network failure as INTERNAL "engine unreachable"', async () => {
    const client = createHttpClient({
      fetch: async () => {
        throw new TypeError('Failed to fetch')
      }
    })
    await expect(client.call('app.ping', {})).rejects.toMatchObject({ code: 'INTERNAL', message: 'engine unreachable' })
  })

  it('rejects an answer that does not match the contract', async () => {
    const client = createHttpClient({ fetch: fakeFetch(200, { pong: 'yes' }) })
    await expect(client.call('app.ping', {})).rejects.toMatchObject({ code: 'INTERNAL' })
  })

  it('starts jobs and streams their events from one EventSource', async () => {
    const sources: FakeEventSource[] = []
    const client = createHttpClient({
      fetch: fakeFetch(200, { jobId: 'j1' }),
      eventSource: (url) => {
        const source = new FakeEventSource(url)
        sources.push(source)
        return source as unknown as EventSource
      }
    })
    await expect(client.start('providers.probe', { providerId: 'local-emulator' })).resolves.toEqual({ jobId: 'j1' })
    const seen: unknown[] = []
    client.onJobEvent((e) => seen.push(e))
    client.onJobEvent(() => {})
    expect(sources).toHaveLength(1)
    expect(sources[0]?.url).toBe('/api/events')
    const envelope = { jobId: 'j1', op: 'providers.probe', seq: 1, at: 5, event: { type: 'progress', done: 1, total: 2 } }
    sources[0]?.emit('job', JSON.stringify(envelope))
    sources[0]?.emit('job', 'not json')
    sources[0]?.emit('job', JSON.stringify({ nope: true }))
    expect(seen).toEqual([envelope])
  })
})

import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { JobEventEnvelope } from '../../src/core/schemas/jobs'
import { startServerFixture } from '../support/engine-fixture'

let fixture: Awaited<ReturnType<typeof startServerFixture>>
let base: string
let auth: Record<string, string>

beforeAll(async () => {
  fixture = await startServerFixture()
  base = fixture.server.url.replace(/\/$/, '')
  auth = { authorization: `Bearer ${fixture.server.token}`, 'content-type': 'application/json' }
})
afterAll(async () => fixture.close())

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- response bodies are asserted field by field
async function post(op: string, body: unknown, headers: Record<string, string> = auth): Promise<{ status: number; json: any }> {
  const res = await fetch(`${base}/api/${op}`, { method: 'POST', headers, body: typeof body === 'string' ? body : JSON.stringify(body) })
  return { status: res.status, json: await res.json() }
}

/** Reads SSE frames from /api/events until `until` says stop. */
async function readEvents(until: (e: JobEventEnvelope) => boolean, signal: AbortSignal): Promise<JobEventEnvelope[]> {
  const res = await fetch(`${base}/api/events`, { headers: { authorization: auth.authorization! }, signal })
  expect(res.headers.get('content-type')).toContain('text/event-stream')
  const reader = res.body!.getReader()
  const decoder = new TextDecoder()
  const events: JobEventEnvelope[] = []
  let buffer = ''
  for (;;) {
    const { value, done } = await reader.read()
    if (done) return events
    buffer += decoder.decode(value, { stream: true })
    let end: number
    while ((end = buffer.indexOf('\n\n')) >= 0) {
      const frame = buffer.slice(0, end)
      buffer = buffer.slice(end + 2)
      const data = frame.split('\n').find((l) => l.startsWith('data: '))
      if (!data) continue
      const event = JSON.parse(data.slice(6)) as JobEventEnvelope
      events.push(event)
      if (until(event)) {
        await reader.cancel()
        return events
      }
    }
  }
}

describe('web mode HTTP binding', () => {
  it('exchanges the URL token for an HttpOnly cookie and serves the app with security headers', async () => {
    const first = await fetch(fixture.server.openUrl, { redirect: 'manual' })
    expect(first.status).toBe(302)
    expect(first.headers.get('location')).toBe('/')
    const cookie = first.headers.get('set-cookie')!
    expect(cookie).toMatch(/HttpOnly/)
    expect(cookie).toMatch(/SameSite=Strict/)
    const page = await fetch(`${base}/`, { headers: { cookie: cookie.split(';')[0]! } })
    expect(page.status).toBe(200)
    expect(await page.text()).toContain('<div id="root">')
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'")
    expect(page.headers.get('access-control-allow-origin')).toBeNull()
  })

  it('answers 401 without or with a wrong token, 403 for a foreign Origin or Host', async () => {
    const page = await fetch(`${base}/`)
    expect(page.status).toBe(401)
    expect(page.headers.get('content-type')).toContain('text/html')
    expect(await page.text()).toMatch(/session token is missing/)
    expect((await post('app.info', {}, { 'content-type': 'application/json' })).status).toBe(401)
    expect((await post('app.info', {}, { ...auth, authorization: 'Bearer wrong' })).status).toBe(401)
    const foreign = await post('app.info', {}, { ...auth, origin: 'https://evil.example' })
    expect(foreign.status).toBe(403)
    expect(foreign.json.error.code).toBe('FORBIDDEN')
    const { request } = await import('undici')
    const rebound = await request(`${base}/api/app.info`, { method: 'POST', headers: { ...auth, host: 'evil.example' }, body: '{}' })
    expect(rebound.statusCode).toBe(403)
    await rebound.body.dump()
  })

  it('answers operations, naming the bad field of an invalid payload and refusing unknown operations', async () => {
    const info = await post('app.info', {})
    expect(info.status).toBe(200)
    expect(info.json).toMatchObject({ face: 'web', store: { state: 'ok' }, emulator: { running: true } })
    const bad = await post('secrets.set', { providerId: 'local-emulator' })
    expect(bad.status).toBe(400)
    expect(bad.json.error).toMatchObject({ code: 'VALIDATION_FAILED', issues: [{ path: 'key' }] })
    const notJson = await post('app.info', '{oops')
    expect(notJson.status).toBe(400)
    expect(notJson.json.error.message).toMatch(/not valid JSON/)
    const unknown = await post('nope.verb', {})
    expect(unknown.status).toBe(404)
    expect(unknown.json.error.code).toBe('NOT_FOUND')
    const get = await fetch(`${base}/api/app.info`, { headers: auth })
    expect(get.status).toBe(405)
  })

  it('streams a job over SSE from start to its final status, and the run is stored', async () => {
    const controller = new AbortController()
    const eventsPromise = readEvents((e) => e.event.type === 'status', controller.signal)
    await new Promise((r) => setTimeout(r, 50))
    const started = await post('providers.probe', { providerId: 'local-emulator', modelIds: ['emu-swift', 'emu-instant'], maxTokens: 8 })
    expect(started.status).toBe(200)
    const events = await eventsPromise
    const mine = events.filter((e) => e.jobId === started.json.jobId)
    expect(mine.map((e) => e.event.type)).toContain('delta')
    const finished = mine.filter((e) => e.event.type === 'call-finished')
    expect(finished).toHaveLength(2)
    for (const f of finished) expect(f.event).toMatchObject({ ok: true, errorClass: null })
    expect(mine.at(-1)?.event).toMatchObject({ type: 'status', status: 'completed' })
    const job = await post('jobs.get', { jobId: started.json.jobId })
    expect(job.json.runId).toBeTruthy()
    const run = await post('runs.get', { id: job.json.runId })
    expect(run.json.calls).toHaveLength(2)
    for (const call of run.json.calls) {
      expect(call.outputTokens).toBeGreaterThan(0)
      expect(call.ttftMs).toBeGreaterThanOrEqual(0)
    }
  })

  it('cancels a job through jobs.cancel: final status cancelled, finished work kept', async () => {
    const controller = new AbortController()
    const eventsPromise = readEvents((e) => e.event.type === 'status', controller.signal)
    await new Promise((r) => setTimeout(r, 50))
    const started = await post('providers.probe', { providerId: 'local-emulator', modelIds: ['emu-instant', 'emu-hang'], maxTokens: 8 })
    await new Promise((r) => setTimeout(r, 300))
    const cancelled = await post('jobs.cancel', { jobId: started.json.jobId })
    expect(cancelled.status).toBe(200)
    const events = await eventsPromise
    expect(events.at(-1)?.event).toMatchObject({ type: 'status', status: 'cancelled' })
    const job = await post('jobs.get', { jobId: started.json.jobId })
    expect(job.json.status).toBe('cancelled')
    const run = await post('runs.get', { id: job.json.runId })
    expect(run.json.status).toBe('cancelled')
    const byModel = Object.fromEntries(run.json.calls.map((c: { modelId: string }) => [c.modelId, c]))
    expect(byModel['emu-instant']).toMatchObject({ status: 'ok' })
    expect(byModel['emu-hang']).toMatchObject({ status: 'cancelled', errorClass: 'cancelled' })
  })
})

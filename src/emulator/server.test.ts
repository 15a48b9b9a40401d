import { request } from 'undici'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { EMULATOR_MODELS } from './models'
import { startEmulator } from './server'
import type { RunningEmulator } from './server'
import type { EmulatorStats } from './stats'

let emu: RunningEmulator

beforeAll(async () => {
  emu = await startEmulator()
})
afterAll(async () => {
  await emu.close()
})

const chat = (model: string, headers: Record<string, string> = {}) =>
  request(`${emu.url}/v1/chat/completions`, {
    method: 'POST',
    headers: { authorization: 'Bearer k', 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ model, messages: [{ role: 'user', content: 'hello' }] })
  })

describe('emulator server', () => {
  it('listens on 127.0.0.1 with a port-0 URL and serves the catalogue', async () => {
    expect(emu.url).toBe(`http://127.0.0.1:${emu.port}`)
    expect(emu.port).toBeGreaterThan(0)
    expect(emu.models.map((m) => m.id)).toEqual(EMULATOR_MODELS.map((m) => m.id))
    const health = await request(`${emu.url}/_emulator/health`)
    expect(await health.body.json()).toEqual({ ok: true })
    const models = (await (await request(`${emu.url}/_emulator/models`)).body.json()) as { models: Array<{ id: string; latency: unknown; failure: unknown }> }
    expect(models.models.find((m) => m.id === 'emu-flaky')?.failure).toEqual(EMULATOR_MODELS.find((m) => m.id === 'emu-flaky')?.failure)
  })

  it('puts x-request-id and x-emulator-scheduled-ttft-ms on every response', async () => {
    const ok = await chat('emu-instant', { 'x-emulator-ttft-ms': '12.5' })
    await ok.body.text()
    expect(ok.statusCode).toBe(200)
    expect(ok.headers['x-emulator-scheduled-ttft-ms']).toBe('12.5')
    const first = ok.headers['x-request-id']
    expect(first).toMatch(/^req_/)

    const failed = await chat('emu-broken')
    await failed.body.text()
    expect([500, 503]).toContain(failed.statusCode)
    expect(failed.headers['x-emulator-scheduled-ttft-ms']).toBe('0')
    expect(failed.headers['x-request-id']).not.toBe(first)

    const missing = await request(`${emu.url}/v1/nothing-here`, { method: 'POST', headers: { authorization: 'Bearer k' }, body: '{}' })
    const body = (await missing.body.json()) as { error: { message: string } }
    expect(missing.statusCode).toBe(404)
    expect(body.error.message).toBe('Invalid URL (POST /v1/nothing-here)')
    expect(missing.headers['x-request-id']).toMatch(/^req_/)
  })

  it('requires some API key on provider endpoints', async () => {
    const response = await request(`${emu.url}/v1/models`)
    expect(response.statusCode).toBe(401)
    const body = (await response.body.json()) as { error: { code: string } }
    expect(body.error.code).toBe('invalid_api_key')
    const anthropic = await request(`${emu.url}/v1/models`, { headers: { 'anthropic-version': '2023-06-01' } })
    expect(anthropic.statusCode).toBe(401)
    expect(await anthropic.body.json()).toMatchObject({ type: 'error', error: { type: 'authentication_error' } })
  })

  it('counts requests per model and outcome', async () => {
    const local = await startEmulator()
    try {
      const send = (model: string) =>
        request(`${local.url}/v1/chat/completions`, {
          method: 'POST',
          headers: { authorization: 'Bearer k' },
          body: JSON.stringify({ model, messages: [{ role: 'user', content: 'x' }] })
        }).then((r) => r.body.text())
      await send('emu-instant')
      await send('emu-instant')
      await send('emu-ratelimited')
      await send('emu-unknown')
      const stats = local.stats()
      expect(stats.requests).toBe(4)
      expect(stats.inFlight).toBe(0)
      expect(stats.byModel['emu-instant']).toEqual({ requests: 2, ok: 2 })
      expect(stats.byModel['emu-ratelimited']).toEqual({ requests: 1, rate_limit: 1 })
      expect(stats.byOutcome).toEqual({ ok: 2, rate_limit: 1, model_not_found: 1 })
      const served = (await (await request(`${local.url}/_emulator/stats`)).body.json()) as EmulatorStats
      expect(served.byOutcome).toEqual(stats.byOutcome)
    } finally {
      await local.close()
    }
  })

  it('rejects max_tokens above the model limit', async () => {
    const response = await request(`${emu.url}/v1/chat/completions`, {
      method: 'POST',
      headers: { authorization: 'Bearer k' },
      body: JSON.stringify({ model: 'emu-swift', messages: [{ role: 'user', content: 'x' }], max_tokens: 10_000_000 })
    })
    expect(response.statusCode).toBe(400)
    const body = (await response.body.json()) as { error: { param: string; message: string } }
    expect(body.error.param).toBe('max_tokens')
    expect(body.error.message).toContain('16384')
  })

  it('close() is idempotent and stops accepting connections', async () => {
    const local = await startEmulator()
    await Promise.all([local.close(), local.close()])
    await expect(request(`${local.url}/_emulator/health`)).rejects.toThrow()
  })
})

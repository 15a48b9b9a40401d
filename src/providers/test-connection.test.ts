import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startEmulator } from '../emulator/server'
import type { RunningEmulator } from '../emulator/server'
import { policy, target } from './test-support'
import { testConnection } from './test-connection'

let emu: RunningEmulator
const KEY = 'sk-CANARY-testconnection-0123456789'

beforeAll(async () => {
  emu = await startEmulator({ port: 0, requireKey: 'good-key-123456' })
})
afterAll(async () => {
  await emu.close()
})

describe('testConnection', () => {
  it('lists models for kinds that can', async () => {
    const result = await testConnection(target('openai', '', { baseUrl: `${emu.url}/v1`, apiKey: 'good-key-123456' }), policy())
    expect(result).toMatchObject({ ok: true, method: 'models', errorClass: null })
    expect(result.modelCount).toBeGreaterThan(5)
  })

  it('azure: a one-token completion against the deployment', async () => {
    const result = await testConnection(target('azure-openai', 'emu-swift', { baseUrl: emu.url, apiKey: 'good-key-123456', options: { apiVersion: '2024-10-21' } }), policy())
    expect(result).toMatchObject({ ok: true, method: 'completion', modelCount: null })
  })

  it('never throws for provider failures', async () => {
    const bad = await testConnection(target('anthropic', '', { baseUrl: `${emu.url}/v1`, apiKey: KEY }), policy())
    expect(bad).toMatchObject({ ok: false, method: 'models', errorClass: 'auth' })
    expect(bad.message).not.toContain(KEY)
    const azure = await testConnection(target('azure-openai', 'emu-unauthorized', { baseUrl: emu.url, apiKey: KEY, options: { apiVersion: '2024-10-21' } }), policy())
    expect(azure).toMatchObject({ ok: false, method: 'completion', errorClass: 'auth' })
    const noModel = await testConnection(target('azure-openai', '', { baseUrl: emu.url, apiKey: 'k', options: { apiVersion: '2024-10-21' } }), policy())
    expect(noModel).toMatchObject({ ok: false, errorClass: 'bad_request' })
    const down = await testConnection(target('openai-compatible', 'x', { baseUrl: 'http://127.0.0.1:9/v1' }), policy({ connectTimeoutMs: 500 }))
    expect(down).toMatchObject({ ok: false, errorClass: 'network' })
  })
})

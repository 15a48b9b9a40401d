import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startEmulator } from '../emulator/server'
import type { RunningEmulator } from '../emulator/server'
import { listModels } from './list-models'
import { ProviderCallError } from './provider-call-error'
import { startRecordingProxy, target } from './test-support'

let emu: RunningEmulator
let proxy: Awaited<ReturnType<typeof startRecordingProxy>>
const KEY = 'sk-CANARY-listmodels-0123456789'

beforeAll(async () => {
  emu = await startEmulator({ port: 0, requireKey: 'good-key-123456' })
  proxy = await startRecordingProxy(emu.url)
})
afterAll(async () => {
  await proxy.close()
  await emu.close()
})

async function caught(promise: Promise<unknown>): Promise<ProviderCallError> {
  try {
    await promise
  } catch (error) {
    if (error instanceof ProviderCallError) return error
    throw error
  }
  throw new Error('expected a ProviderCallError')
}

describe('listModels', () => {
  it('emulator: GET {emulatorUrl}/v1/models', async () => {
    const models = await listModels(target('emulator', '', { emulatorUrl: proxy.url, apiKey: 'good-key-123456' }))
    expect(models.map((m) => m.modelId)).toContain('emu-swift')
    expect(proxy.requests.at(-1)?.url).toBe('/v1/models')
  })

  it('openai-style kinds send a Bearer key', async () => {
    const models = await listModels(target('groq', '', { baseUrl: `${proxy.url}/v1`, apiKey: 'good-key-123456' }))
    expect(models.length).toBeGreaterThan(5)
    expect(proxy.requests.at(-1)?.headers.authorization).toBe('Bearer good-key-123456')
  })

  it('anthropic: x-api-key and anthropic-version, display names', async () => {
    const models = await listModels(target('anthropic', '', { baseUrl: `${proxy.url}/v1`, apiKey: 'good-key-123456' }))
    const seen = proxy.requests.at(-1)
    expect(seen?.url.startsWith('/v1/models')).toBe(true)
    expect(seen?.headers['x-api-key']).toBe('good-key-123456')
    expect(seen?.headers['anthropic-version']).toBe('2023-06-01')
    expect(models.find((m) => m.modelId === 'emu-swift')?.displayName).toBe('Emulator Swift')
  })

  it('gemini: x-goog-api-key, models/ prefix stripped, inputTokenLimit as context window', async () => {
    const models = await listModels(target('gemini', '', { baseUrl: `${proxy.url}/v1beta`, apiKey: 'good-key-123456' }))
    expect(proxy.requests.at(-1)?.headers['x-goog-api-key']).toBe('good-key-123456')
    const swift = models.find((m) => m.modelId === 'emu-swift')
    expect(swift?.contextWindow).toBe(128_000)
  })

  it('a rejected key → auth, "Key rejected", redacted', async () => {
    const error = await caught(listModels(target('openai', '', { baseUrl: `${proxy.url}/v1`, apiKey: KEY })))
    expect(error.errorClass).toBe('auth')
    expect(error.httpStatus).toBe(401)
    expect(error.message).toMatch(/^Key rejected \(HTTP 401\)/)
    expect(error.message).not.toContain(KEY)
  })

  it('azure lists no models; a missing key is missing_key; an unreachable server is network', async () => {
    expect((await caught(listModels(target('azure-openai', 'dep', { baseUrl: emu.url })))).message).toBe('Azure lists no models: add each deployment name as a model')
    expect((await caught(listModels(target('openai', '', { apiKey: undefined })))).errorClass).toBe('missing_key')
    expect((await caught(listModels(target('openai-compatible', '', { baseUrl: 'http://127.0.0.1:9/v1' }), { timeoutMs: 500 }))).errorClass).toBe('network')
  })
})

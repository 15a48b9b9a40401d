import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startEmulator, type RunningEmulator } from '../emulator/server'
import { embedTexts } from './embedding-model'
import { target } from './test-support'

let emu: RunningEmulator
beforeAll(async () => {
  emu = await startEmulator({ port: 0 })
})
afterAll(async () => emu.close())

describe('embedTexts', () => {
  it('embeds through the OpenAI embeddings API of the emulator, one vector per text', async () => {
    const vectors = await embedTexts(target('emulator', 'emu-embed', { emulatorUrl: emu.url }), ['a cat', 'a dog', 'a cat'])
    expect(vectors).toHaveLength(3)
    expect(vectors[0]).toHaveLength(256)
    expect(vectors[2]).toEqual(vectors[0])
  })

  it('an OpenAI-compatible provider at the emulator works too', async () => {
    const vectors = await embedTexts(target('openai-compatible', 'emu-embed', { baseUrl: `${emu.url}/v1` }), ['hello'])
    expect(vectors[0]).toHaveLength(256)
  })

  it('classifies failures: an unknown model, a kind without embeddings, a missing key', async () => {
    await expect(embedTexts(target('openai', 'emu-swift', { baseUrl: `${emu.url}/v1` }), ['x'])).rejects.toMatchObject({ errorClass: 'not_found' })
    await expect(embedTexts(target('anthropic', 'claude', { baseUrl: `${emu.url}/v1` }), ['x'])).rejects.toThrow(/no embeddings API/)
    await expect(embedTexts(target('openai', 'emu-embed', { baseUrl: `${emu.url}/v1`, apiKey: undefined }), ['x'])).rejects.toMatchObject({ errorClass: 'missing_key' })
  })
})

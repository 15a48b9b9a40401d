import OpenAI from 'openai'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { embedText } from './embeddings'
import { startEmulator, type RunningEmulator } from './server'

let emu: RunningEmulator
let client: OpenAI
beforeAll(async () => {
  emu = await startEmulator({ port: 0 })
  client = new OpenAI({ apiKey: 'k', baseURL: `${emu.url}/v1` })
})
afterAll(async () => emu.close())

const cosine = (a: number[], b: number[]): number => a.reduce((s, v, i) => s + v * (b[i] as number), 0)

describe('emulator embeddings', () => {
  it('are unit vectors: near texts score high, unrelated texts near zero, the same text exactly 1', () => {
    const a = embedText('The printer is on fire', 256)
    expect(cosine(a, a)).toBeCloseTo(1, 10)
    expect(cosine(a, embedText('the PRINTER is on fire!', 256))).toBeCloseTo(1, 10)
    expect(cosine(a, embedText('My printer caught fire', 256))).toBeGreaterThan(0.4)
    expect(Math.abs(cosine(a, embedText('Quarterly revenue grew in Asia', 256)))).toBeLessThan(0.25)
  })

  it('serve the OpenAI embeddings API to the official client, floats and base64', async () => {
    const result = await client.embeddings.create({ model: 'emu-embed', input: ['hello world', 'hello there'] })
    expect(result.data.map((d) => d.index)).toEqual([0, 1])
    expect(result.data[0]?.embedding).toHaveLength(256)
    expect(result.usage.prompt_tokens).toBeGreaterThan(0)
    // The official client asks for base64 by default and decodes it: the same vector as the float form.
    const direct = embedText('hello world', 256)
    expect(result.data[0]?.embedding[3]).toBeCloseTo(direct[3] as number, 6)
    const small = await client.embeddings.create({ model: 'emu-embed-large', input: 'x', dimensions: 64, encoding_format: 'float' })
    expect(small.data[0]?.embedding).toHaveLength(64)
  })

  it('answer unknown models and bad input like OpenAI does', async () => {
    await expect(client.embeddings.create({ model: 'emu-swift', input: 'x' })).rejects.toMatchObject({ status: 404, code: 'model_not_found' })
    await expect(client.embeddings.create({ model: 'emu-embed', input: [] })).rejects.toMatchObject({ status: 400 })
  })
})

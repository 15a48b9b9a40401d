import { GoogleGenAI, Type } from '@google/genai'
import Ajv from 'ajv'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startEmulator } from './server'
import type { RunningEmulator } from './server'

let emu: RunningEmulator
let ai: GoogleGenAI

beforeAll(async () => {
  emu = await startEmulator()
  ai = new GoogleGenAI({ apiKey: 'gemini-test-key', httpOptions: { baseUrl: emu.url } })
})
afterAll(async () => {
  await emu.close()
})

const contents = 'Draft a routing rule for long documents.'

describe('Gemini generateContent via @google/genai', () => {
  it('answers generateContent with candidates, usageMetadata and modelVersion', async () => {
    const response = await ai.models.generateContent({
      model: 'emu-instant',
      contents,
      config: { systemInstruction: 'Answer like a release manager.' }
    })
    expect(response.text?.length ?? 0).toBeGreaterThan(20)
    const candidate = response.candidates?.[0]
    expect(candidate?.content?.role).toBe('model')
    expect(candidate?.finishReason).toBe('STOP')
    expect(response.modelVersion).toBe('emu-instant')
    const usage = response.usageMetadata
    expect(usage?.promptTokenCount).toBeGreaterThan(0)
    expect(usage?.candidatesTokenCount).toBeGreaterThan(0)
    expect(usage?.totalTokenCount).toBe((usage?.promptTokenCount ?? 0) + (usage?.candidatesTokenCount ?? 0))
  })

  it('streams with generateContentStream; the final chunk carries finishReason and usage', async () => {
    const stream = await ai.models.generateContentStream({ model: 'emu-swift', contents })
    let text = ''
    let textChunks = 0
    let last: Awaited<ReturnType<typeof ai.models.generateContent>> | undefined
    for await (const chunk of stream) {
      const piece = chunk.text ?? ''
      if (piece !== '') textChunks++
      text += piece
      last = chunk
    }
    expect(last?.candidates?.[0]?.finishReason).toBe('STOP')
    expect(last?.usageMetadata?.candidatesTokenCount).toBe(textChunks)
    const whole = await ai.models.generateContent({ model: 'emu-swift', contents })
    expect(whole.text).toBe(text)
  })

  it('stops at maxOutputTokens with MAX_TOKENS', async () => {
    const response = await ai.models.generateContent({ model: 'emu-instant', contents, config: { maxOutputTokens: 6 } })
    expect(response.candidates?.[0]?.finishReason).toBe('MAX_TOKENS')
    expect(response.usageMetadata?.candidatesTokenCount).toBe(6)
  })

  it('produces JSON matching responseSchema (OpenAPI style) and responseJsonSchema', async () => {
    const response = await ai.models.generateContent({
      model: 'emu-instant',
      contents,
      config: {
        responseMimeType: 'application/json',
        responseSchema: {
          type: Type.OBJECT,
          properties: {
            rule: { type: Type.STRING },
            priority: { type: Type.INTEGER, minimum: 1, maximum: 5 },
            tags: { type: Type.ARRAY, items: { type: Type.STRING }, minItems: 2 }
          },
          required: ['rule', 'priority', 'tags']
        }
      }
    })
    const value = JSON.parse(response.text ?? '') as { rule: unknown; priority: number; tags: unknown[] }
    expect(typeof value.rule).toBe('string')
    expect(value.priority).toBeGreaterThanOrEqual(1)
    expect(value.priority).toBeLessThanOrEqual(5)
    expect(value.tags.length).toBeGreaterThanOrEqual(2)

    const jsonSchema = {
      type: 'object',
      properties: { ok: { type: 'boolean' }, count: { type: 'integer', minimum: 0 }, owner: { anyOf: [{ type: 'string', minLength: 3 }, { type: 'null' }] } },
      required: ['ok', 'count', 'owner'],
      additionalProperties: false
    }
    const second = await ai.models.generateContent({
      model: 'emu-instant',
      contents,
      config: { responseMimeType: 'application/json', responseJsonSchema: jsonSchema }
    })
    const validate = new Ajv({ strict: false }).compile(jsonSchema)
    expect(validate(JSON.parse(second.text ?? '')), JSON.stringify(validate.errors)).toBe(true)
  })

  it('lists and gets models', async () => {
    const pager = await ai.models.list()
    const names: string[] = []
    for await (const model of pager) names.push(model.name ?? '')
    expect(names).toContain('models/emu-swift')
    expect(names.length).toBe(emu.models.length)
    const model = await ai.models.get({ model: 'emu-deep' })
    expect(model.displayName).toBe('Emulator Deep')
    expect(model.inputTokenLimit).toBe(1_000_000)
  })

  it('reports an unknown model as a 404 NOT_FOUND ApiError', async () => {
    const error = await ai.models.generateContent({ model: 'gemini-nope', contents }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(Error)
    expect((error as { status?: number }).status).toBe(404)
    expect((error as Error).message).toContain('NOT_FOUND')
    expect((error as Error).message).toContain('models/gemini-nope')
  })

  it('maps failures to Google status codes and accepts ?key=', async () => {
    const cases: Array<[string, number, string]> = [
      ['rate_limit', 429, 'RESOURCE_EXHAUSTED'],
      ['server_error', 500, 'INTERNAL'],
      ['unavailable', 503, 'UNAVAILABLE'],
      ['unauthorized', 401, 'UNAUTHENTICATED']
    ]
    for (const [failure, status, code] of cases) {
      const response = await fetch(`${emu.url}/v1beta/models/emu-swift:generateContent?key=abc`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-emulator-failure': failure },
        body: JSON.stringify({ contents: [{ role: 'user', parts: [{ text: 'hi' }] }] })
      })
      expect(response.status).toBe(status)
      const body = (await response.json()) as { error: { code: number; status: string } }
      expect(body.error.code).toBe(status)
      expect(body.error.status).toBe(code)
    }
    const missingKey = await fetch(`${emu.url}/v1beta/models/emu-swift:generateContent`, {
      method: 'POST',
      body: JSON.stringify({ contents: [{ parts: [{ text: 'hi' }] }] })
    })
    expect(missingKey.status).toBe(401)
  })
})

import Ajv from 'ajv'
import OpenAI, { AzureOpenAI } from 'openai'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startEmulator } from './server'
import type { RunningEmulator } from './server'

let emu: RunningEmulator
let client: OpenAI

beforeAll(async () => {
  emu = await startEmulator({ port: 0 })
  client = new OpenAI({ baseURL: `${emu.url}/v1`, apiKey: 'sk-test', maxRetries: 0 })
})
afterAll(async () => {
  await emu.close()
})

const messages = [{ role: 'user' as const, content: 'Summarise the routing contract in one paragraph.' }]

describe('OpenAI chat completions via the official SDK', () => {
  it('streams with include_usage: text assembles and usage equals the number of content pieces', async () => {
    const stream = await client.chat.completions.create({
      model: 'emu-swift',
      messages,
      stream: true,
      stream_options: { include_usage: true }
    })
    let text = ''
    let pieces = 0
    let firstRole: string | undefined
    let finish: string | null = null
    let usage: OpenAI.CompletionUsage | null | undefined
    for await (const chunk of stream) {
      expect(chunk.object).toBe('chat.completion.chunk')
      const choice = chunk.choices[0]
      if (choice) {
        firstRole ??= choice.delta.role
        if (choice.delta.content) {
          text += choice.delta.content
          pieces++
        }
        if (choice.finish_reason) finish = choice.finish_reason
      } else {
        usage = chunk.usage
      }
    }
    expect(firstRole).toBe('assistant')
    expect(finish).toBe('stop')
    expect(text.length).toBeGreaterThan(20)
    expect(text.trim().endsWith('.')).toBe(true)
    expect(usage?.completion_tokens).toBe(pieces)
    expect(usage?.prompt_tokens).toBeGreaterThan(0)
    expect(usage?.total_tokens).toBe((usage?.prompt_tokens ?? 0) + pieces)
  })

  it('answers non-streaming requests with a chat.completion object matching the stream', async () => {
    const completion = await client.chat.completions.create({ model: 'emu-instant', messages, seed: 7 })
    expect(completion.object).toBe('chat.completion')
    expect(completion.id).toMatch(/^chatcmpl-/)
    expect(completion.model).toBe('emu-instant')
    const choice = completion.choices[0]
    expect(choice?.message.role).toBe('assistant')
    expect(choice?.message.refusal).toBeNull()
    expect(choice?.finish_reason).toBe('stop')
    expect(completion.usage?.prompt_tokens_details?.cached_tokens).toBe(0)
    expect(completion.usage?.completion_tokens_details?.reasoning_tokens).toBe(0)

    const stream = await client.chat.completions.create({ model: 'emu-instant', messages, seed: 7, stream: true })
    let streamed = ''
    for await (const chunk of stream) streamed += chunk.choices[0]?.delta.content ?? ''
    expect(streamed).toBe(choice?.message.content)
  })

  it('returns JSON valid against a json_schema response_format', async () => {
    const schema = {
      type: 'object',
      properties: {
        verdict: { type: 'string', enum: ['ship', 'hold'] },
        score: { type: 'number', minimum: 0, maximum: 1 },
        reviewer: { type: 'string', format: 'email' },
        reasons: { type: 'array', items: { $ref: '#/$defs/reason' }, minItems: 1, maxItems: 4 }
      },
      required: ['verdict', 'score', 'reviewer', 'reasons'],
      additionalProperties: false,
      $defs: {
        reason: {
          type: 'object',
          properties: { code: { type: 'integer', minimum: 100, maximum: 999 }, detail: { type: ['string', 'null'] } },
          required: ['code', 'detail'],
          additionalProperties: false
        }
      }
    }
    const completion = await client.chat.completions.create({
      model: 'emu-steady',
      messages,
      response_format: { type: 'json_schema', json_schema: { name: 'review', schema, strict: true } }
    }, { headers: { 'x-emulator-ttft-ms': '0', 'x-emulator-tps': '0' } }) // headers keep the test fast
    const content = completion.choices[0]?.message.content ?? ''
    const value: unknown = JSON.parse(content)
    const ajv = new Ajv({ strict: false })
    ajv.addFormat('email', /^[^@\s]+@[^@\s]+$/)
    const validate = ajv.compile(schema)
    expect(validate(value), JSON.stringify(validate.errors)).toBe(true)
  })

  it('returns a JSON object for json_object mode', async () => {
    const completion = await client.chat.completions.create({ model: 'emu-instant', messages, response_format: { type: 'json_object' } })
    const value: unknown = JSON.parse(completion.choices[0]?.message.content ?? '')
    expect(typeof value).toBe('object')
    expect(value).not.toBeNull()
  })

  it('honours max_tokens and max_completion_tokens with finish_reason length', async () => {
    const limited = await client.chat.completions.create({ model: 'emu-instant', messages, max_tokens: 5 })
    expect(limited.choices[0]?.finish_reason).toBe('length')
    expect(limited.usage?.completion_tokens).toBe(5)

    const stream = await client.chat.completions.create({
      model: 'emu-instant',
      messages,
      max_completion_tokens: 3,
      stream: true,
      stream_options: { include_usage: true }
    })
    let pieces = 0
    let finish: string | null = null
    let completionTokens: number | undefined
    for await (const chunk of stream) {
      if (chunk.choices[0]?.delta.content) pieces++
      finish = chunk.choices[0]?.finish_reason ?? finish
      completionTokens = chunk.usage?.completion_tokens ?? completionTokens
    }
    expect(pieces).toBe(3)
    expect(finish).toBe('length')
    expect(completionTokens).toBe(3)
  })

  it('lists and retrieves models', async () => {
    const ids: string[] = []
    for await (const model of client.models.list()) ids.push(model.id)
    expect(ids).toEqual(emu.models.map((m) => m.id))
    expect(ids).toContain('emu-flaky')
    const model = await client.models.retrieve('emu-deep')
    expect(model).toMatchObject({ id: 'emu-deep', object: 'model' })
  })

  it('rejects an unknown model with NotFoundError and code model_not_found', async () => {
    const error = await client.chat.completions.create({ model: 'gpt-nope', messages }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(OpenAI.NotFoundError)
    const apiError = error as InstanceType<typeof OpenAI.NotFoundError>
    expect(apiError.status).toBe(404)
    expect(apiError.code).toBe('model_not_found')
    expect(apiError.message).toContain('The model `gpt-nope` does not exist')
  })

  it('maps 429 to RateLimitError with Retry-After headers', async () => {
    const error = await client.chat.completions.create({ model: 'emu-ratelimited', messages }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(OpenAI.RateLimitError)
    const apiError = error as InstanceType<typeof OpenAI.RateLimitError>
    expect(apiError.code).toBe('rate_limit_exceeded')
    expect(apiError.headers?.get('retry-after')).toBe('2')
    expect(apiError.headers?.get('retry-after-ms')).toBe('2000')

    const overridden = await client.chat.completions
      .create({ model: 'emu-swift', messages }, { headers: { 'x-emulator-failure': 'rate_limit', 'x-emulator-retry-after': '5' } })
      .catch((e: unknown) => e)
    expect((overridden as InstanceType<typeof OpenAI.RateLimitError>).headers?.get('retry-after')).toBe('5')
  })

  it('maps 500 and 503 to InternalServerError', async () => {
    for (const failure of ['server_error', 'unavailable']) {
      const error = await client.chat.completions
        .create({ model: 'emu-swift', messages }, { headers: { 'x-emulator-failure': failure } })
        .catch((e: unknown) => e)
      expect(error).toBeInstanceOf(OpenAI.InternalServerError)
      expect((error as InstanceType<typeof OpenAI.InternalServerError>).status).toBe(failure === 'server_error' ? 500 : 503)
    }
  })

  it('answers 401 invalid_api_key for emu-unauthorized and a wrong key when requireKey is set, never echoing the key', async () => {
    const error = await client.chat.completions.create({ model: 'emu-unauthorized', messages }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(OpenAI.AuthenticationError)
    expect((error as InstanceType<typeof OpenAI.AuthenticationError>).code).toBe('invalid_api_key')

    const locked = await startEmulator({ requireKey: 'sk-right' })
    try {
      const wrong = new OpenAI({ baseURL: `${locked.url}/v1`, apiKey: 'sk-wrong-secret', maxRetries: 0 })
      const denied = await wrong.chat.completions.create({ model: 'emu-instant', messages }).catch((e: unknown) => e)
      expect(denied).toBeInstanceOf(OpenAI.AuthenticationError)
      expect((denied as Error).message).not.toContain('sk-wrong-secret')
      const right = new OpenAI({ baseURL: `${locked.url}/v1`, apiKey: 'sk-right', maxRetries: 0 })
      const ok = await right.chat.completions.create({ model: 'emu-instant', messages })
      expect(ok.choices[0]?.message.content).toBeTruthy()
    } finally {
      await locked.close()
    }
  })

  it('serves the Azure OpenAI deployment path through AzureOpenAI', async () => {
    const azure = new AzureOpenAI({ endpoint: emu.url, apiKey: 'azure-key', apiVersion: '2024-10-21', deployment: 'emu-instant', maxRetries: 0 })
    const completion = await azure.chat.completions.create({ model: 'ignored-by-azure', messages, max_tokens: 4 })
    expect(completion.model).toBe('emu-instant')
    expect(completion.choices[0]?.finish_reason).toBe('length')

    const stream = await azure.chat.completions.create({ model: '', messages, stream: true })
    let text = ''
    for await (const chunk of stream) text += chunk.choices[0]?.delta.content ?? ''
    expect(text.length).toBeGreaterThan(0)

    const missingVersion = await fetch(`${emu.url}/openai/deployments/emu-instant/chat/completions`, {
      method: 'POST',
      headers: { 'api-key': 'k', 'content-type': 'application/json' },
      body: JSON.stringify({ messages })
    })
    expect(missingVersion.status).toBe(404)
    expect(await missingVersion.json()).toEqual({ error: { code: '404', message: 'Resource not found' } })

    const unknown = new AzureOpenAI({ endpoint: emu.url, apiKey: 'k', apiVersion: '2024-10-21', deployment: 'nope', maxRetries: 0 })
    const error = await unknown.chat.completions.create({ model: '', messages }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(OpenAI.NotFoundError)
    expect((error as InstanceType<typeof OpenAI.NotFoundError>).code).toBe('DeploymentNotFound')
  })

  it('rejects bad bodies with 400 invalid_request_error naming the field', async () => {
    const noMessages = await client.chat.completions
      .create({ model: 'emu-instant' } as unknown as OpenAI.ChatCompletionCreateParamsNonStreaming)
      .catch((e: unknown) => e)
    expect(noMessages).toBeInstanceOf(OpenAI.BadRequestError)
    expect((noMessages as InstanceType<typeof OpenAI.BadRequestError>).param).toBe('messages')

    const badJson = await fetch(`${emu.url}/v1/chat/completions`, {
      method: 'POST',
      headers: { authorization: 'Bearer k', 'content-type': 'application/json' },
      body: '{"model": "emu-instant", "messages": ['
    })
    expect(badJson.status).toBe(400)
    const body = (await badJson.json()) as { error: { type: string; message: string } }
    expect(body.error.type).toBe('invalid_request_error')
    expect(body.error.message).toMatch(/JSON/)
  })
})

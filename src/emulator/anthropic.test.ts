import Anthropic from '@anthropic-ai/sdk'
import Ajv from 'ajv'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startEmulator } from './server'
import type { RunningEmulator } from './server'

let emu: RunningEmulator
let client: Anthropic

beforeAll(async () => {
  emu = await startEmulator()
  client = new Anthropic({ baseURL: emu.url, apiKey: 'sk-ant-test', maxRetries: 0 })
})
afterAll(async () => {
  await emu.close()
})

const messages: Anthropic.MessageParam[] = [{ role: 'user', content: 'Which model should handle the nightly batch?' }]

describe('Anthropic Messages via the official SDK', () => {
  it('answers messages.create with a message object and usage', async () => {
    const message = await client.messages.create({ model: 'emu-swift', max_tokens: 1024, system: 'Be brief.', messages })
    expect(message.type).toBe('message')
    expect(message.id).toMatch(/^msg_/)
    expect(message.role).toBe('assistant')
    expect(message.model).toBe('emu-swift')
    expect(message.stop_reason).toBe('end_turn')
    expect(message.stop_sequence).toBeNull()
    const block = message.content[0]
    expect(block?.type).toBe('text')
    const text = block?.type === 'text' ? block.text : ''
    expect(text.length).toBeGreaterThan(20)
    expect(message.usage.input_tokens).toBeGreaterThan(0)
    expect(message.usage.output_tokens).toBeGreaterThan(5)
    expect(message.usage.cache_read_input_tokens).toBe(0)
    expect(message.usage.cache_creation_input_tokens).toBe(0)
  })

  it('streams with messages.stream: events in order, final message equals the deltas', async () => {
    const stream = client.messages.stream({ model: 'emu-swift', max_tokens: 1024, messages })
    const types: string[] = []
    let deltas = ''
    let deltaCount = 0
    stream.on('streamEvent', (event) => {
      types.push(event.type)
      if (event.type === 'content_block_delta' && event.delta.type === 'text_delta') {
        deltas += event.delta.text
        deltaCount++
      }
    })
    const final = await stream.finalMessage()
    expect(types[0]).toBe('message_start')
    expect(types.slice(1, 2)).toEqual(['content_block_start'])
    expect(types.slice(-3)).toEqual(['content_block_stop', 'message_delta', 'message_stop'])
    const block = final.content[0]
    expect(block?.type === 'text' ? block.text : null).toBe(deltas)
    expect(final.usage.output_tokens).toBe(deltaCount)
    expect(final.stop_reason).toBe('end_turn')

    const nonStreaming = await client.messages.create({ model: 'emu-swift', max_tokens: 1024, messages })
    expect(nonStreaming.content[0]?.type === 'text' ? nonStreaming.content[0].text : null).toBe(deltas)
  })

  it('streams with stream: true and stops at max_tokens', async () => {
    const stream = await client.messages.create({ model: 'emu-instant', max_tokens: 4, messages, stream: true })
    let text = ''
    let stopReason: string | null = null
    let outputTokens = 0
    let inputTokens = 0
    for await (const event of stream) {
      if (event.type === 'message_start') inputTokens = event.message.usage.input_tokens
      if (event.type === 'content_block_delta' && event.delta.type === 'text_delta') text += event.delta.text
      if (event.type === 'message_delta') {
        stopReason = event.delta.stop_reason
        outputTokens = event.usage.output_tokens
      }
    }
    expect(stopReason).toBe('max_tokens')
    expect(outputTokens).toBe(4)
    expect(inputTokens).toBeGreaterThan(0)
    expect(text.length).toBeGreaterThan(0)
  })

  it('returns JSON for output_config.format json_schema', async () => {
    const schema = {
      type: 'object',
      properties: { model: { type: 'string' }, confidence: { type: 'number', minimum: 0, maximum: 1 }, when: { type: 'string', format: 'date' } },
      required: ['model', 'confidence', 'when'],
      additionalProperties: false
    }
    const message = await client.messages.create({
      model: 'emu-instant',
      max_tokens: 2048,
      messages,
      output_config: { format: { type: 'json_schema', schema } }
    })
    const block = message.content[0]
    const value: unknown = JSON.parse(block?.type === 'text' ? block.text : '')
    const validate = new Ajv({ strict: false, validateFormats: false }).compile(schema)
    expect(validate(value), JSON.stringify(validate.errors)).toBe(true)
  })

  it('lists models in the Anthropic shape', async () => {
    const page = await client.models.list()
    const ids = page.data.map((m) => m.id)
    expect(ids).toContain('emu-deep')
    expect(page.data[0]?.type).toBe('model')
    expect(page.data[0]?.display_name).toBe('Emulator Swift')
    const one = await client.models.retrieve('emu-steady')
    expect(one.display_name).toBe('Emulator Steady')
  })

  it('reports an unknown model as NotFoundError with not_found_error', async () => {
    const error = await client.messages.create({ model: 'claude-nope', max_tokens: 10, messages }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(Anthropic.NotFoundError)
    const apiError = error as InstanceType<typeof Anthropic.NotFoundError>
    expect(apiError.status).toBe(404)
    expect(apiError.type).toBe('not_found_error')
    expect(apiError.message).toContain('claude-nope')
  })

  it('maps failures to the Anthropic error types and statuses', async () => {
    const cases: Array<[string, number, string]> = [
      ['rate_limit', 429, 'rate_limit_error'],
      ['server_error', 500, 'api_error'],
      ['unavailable', 529, 'overloaded_error'],
      ['unauthorized', 401, 'authentication_error']
    ]
    for (const [failure, status, type] of cases) {
      const error = await client.messages
        .create({ model: 'emu-swift', max_tokens: 10, messages }, { headers: { 'x-emulator-failure': failure } })
        .catch((e: unknown) => e)
      expect(error).toBeInstanceOf(Anthropic.APIError)
      const apiError = error as InstanceType<typeof Anthropic.APIError>
      expect(apiError.status).toBe(status)
      expect(apiError.type).toBe(type)
      if (failure === 'rate_limit') expect(apiError.headers?.get('retry-after')).toBe('1')
    }
  })

  it('requires max_tokens and messages with invalid_request_error', async () => {
    const error = await client.messages
      .create({ model: 'emu-swift', messages } as unknown as Anthropic.MessageCreateParamsNonStreaming)
      .catch((e: unknown) => e)
    expect(error).toBeInstanceOf(Anthropic.BadRequestError)
    expect((error as InstanceType<typeof Anthropic.BadRequestError>).type).toBe('invalid_request_error')
    expect((error as Error).message).toContain('max_tokens')
  })
})

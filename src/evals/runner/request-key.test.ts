import { describe, expect, it } from 'vitest'
import { requestKey, requestKeyer, stableJson } from './request-key'

const base = {
  providerId: 'local-emulator',
  modelId: 'emu-swift',
  params: { temperature: 0, maxTokens: 64 },
  output: { kind: 'text' },
  messages: [{ role: 'user', content: 'Classify: printer on fire' }]
}

describe('stableJson', () => {
  it('sorts keys at every level and drops undefined members', () => {
    expect(stableJson({ b: 1, a: { d: [1, { z: 1, y: undefined }], c: null } })).toBe('{"a":{"c":null,"d":[1,{"z":1}]},"b":1}')
  })
})

describe('requestKey', () => {
  it('is the same for the same request written in another key order', () => {
    const reordered = { messages: base.messages, output: base.output, params: { maxTokens: 64, temperature: 0 }, modelId: 'emu-swift', providerId: 'local-emulator' }
    expect(requestKey(reordered)).toBe(requestKey(base))
    expect(requestKey(base)).toMatch(/^[0-9a-f]{64}$/)
  })
  it('changes with the model, a parameter or one character of the messages', () => {
    const key = requestKey(base)
    expect(requestKey({ ...base, modelId: 'emu-steady' })).not.toBe(key)
    expect(requestKey({ ...base, params: { temperature: 0.1, maxTokens: 64 } })).not.toBe(key)
    expect(requestKey({ ...base, messages: [{ role: 'user', content: 'Classify: printer on fire!' }] })).not.toBe(key)
    expect(requestKey({ ...base, messages: [{ role: 'system', content: 'Classify: printer on fire' }] })).not.toBe(key)
  })
})

describe('requestKeyer', () => {
  it('gives requestKey\'s digest for every message list, with the parts around them built once', () => {
    const { messages, ...rest } = base
    const key = requestKeyer(rest)
    expect(key(messages)).toBe(requestKey(base))
    const other = [{ role: 'system', content: 'x' }, { role: 'user', content: 'y "quoted" \u0000' }]
    expect(key(other)).toBe(requestKey({ ...base, messages: other }))
    expect(key(other, stableJson(other))).toBe(key(other))
    expect(requestKeyer({ ...rest, output: undefined })(messages)).toBe(requestKey({ ...base, output: undefined }))
  })
})

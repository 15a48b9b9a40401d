import { APICallError } from 'ai'
import { describe, expect, it } from 'vitest'
import { classifyError } from './classify-error'

const KEY = 'sk-CANARY-0123456789abcdefXYZ'
const B64 = Buffer.from(KEY).toString('base64')

function apiError(status: number, message: string, headers: Record<string, string> = {}): APICallError {
  return new APICallError({ message, url: 'http://x/v1/chat/completions', requestBodyValues: {}, statusCode: status, responseHeaders: headers, responseBody: message })
}

describe('classifyError', () => {
  it('maps HTTP statuses to classes', () => {
    expect(classifyError(apiError(429, 'slow down', { 'retry-after': '3' }), { sawOutput: false })).toMatchObject({ errorClass: 'rate_limited', retryAfterMs: 3000, httpStatus: 429 })
    expect(classifyError(apiError(503, 'overloaded'), { sawOutput: false }).errorClass).toBe('server_error')
    expect(classifyError(apiError(404, 'The model `x` does not exist'), { sawOutput: false })).toMatchObject({ errorClass: 'not_found' })
    expect(classifyError(apiError(400, 'Your request was rejected by the content_filter'), { sawOutput: false }).errorClass).toBe('content_filter')
    expect(classifyError(apiError(400, 'bad param'), { sawOutput: false }).errorClass).toBe('bad_request')
  })

  it('says "Key rejected" for 401/403 and never leaks the key or its base64', () => {
    const leaky = apiError(401, `Incorrect API key provided: ${KEY}. Authorization: Basic ${B64}`)
    const result = classifyError(leaky, { sawOutput: false, secrets: [KEY] })
    expect(result.errorClass).toBe('auth')
    expect(result.message).toMatch(/^Key rejected \(HTTP 401\)/)
    expect(result.message).not.toContain(KEY)
    expect(result.message).not.toContain(B64)
    const plain = classifyError(new Error(`socket hang up near ${KEY} ${B64}`), { sawOutput: false, secrets: [KEY] })
    expect(plain.message).not.toContain(KEY)
    expect(plain.message).not.toContain(B64)
  })

  it('uses the transport abort class first, and partial output turns breaks into stream_interrupted', () => {
    expect(classifyError(new Error('aborted'), { sawOutput: false, abortClass: 'timeout_connect' }).errorClass).toBe('timeout_connect')
    expect(classifyError(new Error('aborted'), { sawOutput: true, aborted: true }).errorClass).toBe('cancelled')
    expect(classifyError(new TypeError('terminated'), { sawOutput: true }).errorClass).toBe('stream_interrupted')
    expect(classifyError(new TypeError('fetch failed'), { sawOutput: false }).errorClass).toBe('network')
  })
})

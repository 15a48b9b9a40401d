/**
 * The benchmark's client side: one streaming OpenAI chat request over an undici Pool, timed from just
 * before the request is issued to the first content chunk, with the SSE parsed to count content pieces
 * and read `usage.completion_tokens`.
 */
import { performance } from 'node:perf_hooks'
import type { Pool } from 'undici'
import { createSseParser } from '../../src/emulator/sse-parse'

export interface StreamResult {
  /** Client-observed ms from issuing the request to the first content piece. */
  ttftMs: number
  /** `x-emulator-scheduled-ttft-ms`. */
  scheduledTtftMs: number
  /** Content pieces counted in the SSE stream. */
  pieces: number
  /** `usage.completion_tokens` from the final usage chunk (-1 if absent). */
  usageTokens: number
}

interface ChunkShape {
  choices?: Array<{ delta?: { content?: string | null; role?: string } }>
  usage?: { completion_tokens?: number } | null
}

export async function streamChat(pool: Pool, body: string, headers: Record<string, string>): Promise<StreamResult> {
  const started = performance.now()
  const response = await pool.request({
    path: '/v1/chat/completions',
    method: 'POST',
    headers: { authorization: 'Bearer bench', 'content-type': 'application/json', ...headers },
    body
  })
  if (response.statusCode !== 200) {
    const text = await response.body.text()
    throw new Error(`HTTP ${response.statusCode}: ${text.slice(0, 200)}`)
  }
  let ttftMs = Number.NaN
  let pieces = 0
  let usageTokens = -1
  const push = createSseParser((event) => {
    if (event.data === '[DONE]') return
    const chunk = JSON.parse(event.data) as ChunkShape
    const content = chunk.choices?.[0]?.delta?.content
    if (content) pieces++
    const tokens = chunk.usage?.completion_tokens
    if (typeof tokens === 'number') usageTokens = tokens
  })
  for await (const data of response.body) {
    const arrived = performance.now()
    const before = pieces
    push((data as Buffer).toString('utf8'))
    if (before === 0 && pieces > 0) ttftMs = arrived - started
  }
  return { ttftMs, scheduledTtftMs: Number(response.headers['x-emulator-scheduled-ttft-ms']), pieces, usageTokens }
}

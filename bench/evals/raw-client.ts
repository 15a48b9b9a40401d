/**
 * The reference ceiling for the eval bench: the same requests (prompts, models, headers, 16-token streamed replies)
 * from a bare undici Pool in CONCURRENCY closed loops, with no eval work at all — what the emulator and this machine
 * allow right now. Runs in the bench's own process.
 */
import { performance } from 'node:perf_hooks'
import { Pool } from 'undici'
import { streamChat } from '../emulator/stream-client'
import { CONCURRENCY, MODELS, PROMPT, REPLY_TOKENS, caseVars, emulatorHeaders } from './suite-spec'

export interface RawRun {
  requests: number
  wallS: number
  reqPerSec: number
}

function body(i: number): string {
  const vars = caseVars(Math.floor(i / MODELS.length))
  const content = PROMPT.replace('{{n}}', vars.n).replace('{{question}}', vars.question)
  return JSON.stringify({ model: MODELS[i % MODELS.length], messages: [{ role: 'user', content }], max_tokens: REPLY_TOKENS, stream: true, stream_options: { include_usage: true } })
}

export async function runRawClient(emulatorUrl: string, delayMs: number, requests: number): Promise<RawRun> {
  const pool = new Pool(emulatorUrl, { connections: CONCURRENCY, pipelining: 1 })
  const headers = emulatorHeaders(delayMs)
  try {
    // Warm-up: connections open and code compiled before the clock starts.
    await Promise.all(Array.from({ length: CONCURRENCY }, (_, i) => streamChat(pool, body(i), headers)))
    let next = 0
    const started = performance.now()
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        while (next < requests) await streamChat(pool, body(next++), headers)
      })
    )
    const wallS = (performance.now() - started) / 1000
    return { requests, wallS, reqPerSec: requests / wallS }
  } finally {
    await pool.close()
  }
}

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
  /** Request sent → last byte, as Switchyard's stored call latency. */
  latencyP50Ms: number
  latencyP95Ms: number
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
    const latencies: number[] = []
    const started = performance.now()
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        while (next < requests) {
          const sent = performance.now()
          await streamChat(pool, body(next++), headers)
          latencies.push(performance.now() - sent)
        }
      })
    )
    const wallS = (performance.now() - started) / 1000
    latencies.sort((a, b) => a - b)
    const at = (q: number): number => latencies[Math.min(latencies.length - 1, Math.max(0, Math.ceil(q * latencies.length) - 1))] ?? Number.NaN
    return { requests, wallS, reqPerSec: requests / wallS, latencyP50Ms: at(0.5), latencyP95Ms: at(0.95) }
  } finally {
    await pool.close()
  }
}

/**
 * Writes a response as a timeline of chunks, each due at a time relative to the request's arrival.
 * Everything due is written in one `write`; one timer at a time waits for the next chunk. When the whole
 * response is due at once it goes out as a single `end()` with a Content-Length (the hot path).
 * Timers are cleared as soon as the client disconnects.
 */
import { performance } from 'node:perf_hooks'
import type { Exchange } from './exchange'

export interface TimedChunk {
  /** ms after arrival. */
  at: number
  data: string
}

/** What happens after the last chunk: finish normally, go silent (hang), or drop the connection. */
export type Terminal = 'end' | 'stall' | 'cut'

/** Chunks due within this many ms are written now rather than waiting for another timer tick. */
const TOLERANCE_MS = 0.75

export function playTimeline(
  ex: Exchange,
  status: number,
  headers: Record<string, string>,
  chunks: readonly TimedChunk[],
  terminal: Terminal
): void {
  const res = ex.res
  let index = 0
  let timer: NodeJS.Timeout | null = null
  let closed = false

  res.once('close', () => {
    closed = true
    if (timer) clearTimeout(timer)
    timer = null
  })

  const cut = (): void => {
    ex.cutByServer = true
    res.socket?.destroy()
  }

  const step = (): void => {
    timer = null
    if (closed) return
    const elapsed = performance.now() - ex.arrival
    let data = ''
    while (index < chunks.length) {
      const chunk = chunks[index] as TimedChunk
      if (chunk.at > elapsed + TOLERANCE_MS) break
      data += chunk.data
      index++
    }
    const done = index === chunks.length
    if (done && terminal === 'end') {
      if (!res.headersSent) {
        headers['content-length'] = String(Buffer.byteLength(data))
        res.writeHead(status, headers)
      }
      res.end(data)
      return
    }
    if (!res.headersSent && (data !== '' || done)) {
      res.writeHead(status, headers)
      if (data === '') res.flushHeaders()
    }
    if (done) {
      if (terminal === 'cut') {
        if (data !== '') res.write(data, cut)
        else cut()
      } else if (data !== '') {
        res.write(data)
      }
      return
    }
    if (data !== '') res.write(data)
    const next = chunks[index] as TimedChunk
    timer = setTimeout(step, Math.max(0, next.at - (performance.now() - ex.arrival)))
  }

  step()
}

import type { IncomingMessage, ServerResponse } from 'node:http'
import type { JobEventEnvelope } from '../core/schemas/jobs'

export interface JobEventSource {
  onJobEvent(listener: (event: JobEventEnvelope) => void): () => void
  replayJobEvents(afterSeq?: number): JobEventEnvelope[]
}

const HEARTBEAT_MS = 15_000

function frame(event: JobEventEnvelope): string {
  return `id: ${event.seq}\nevent: job\ndata: ${JSON.stringify(event)}\n\n`
}

/**
 * Streams every job event as SSE (`event: job`, `id: <seq>`). A reconnecting EventSource sends Last-Event-ID and
 * first receives what it missed from the engine's buffer, then live events; a comment line keeps proxies awake.
 */
export function streamJobEvents(req: IncomingMessage, res: ServerResponse, source: JobEventSource): void {
  const lastHeader = req.headers['last-event-id']
  const lastSeq = Number(Array.isArray(lastHeader) ? lastHeader[0] : lastHeader)
  res.writeHead(200, {
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-cache, no-transform',
    connection: 'keep-alive',
    'x-accel-buffering': 'no'
  })
  res.write('retry: 1000\n\n')
  let lastSent = Number.isFinite(lastSeq) && lastSeq > 0 ? lastSeq : 0
  const send = (event: JobEventEnvelope): void => {
    if (event.seq <= lastSent) return
    lastSent = event.seq
    res.write(frame(event))
  }
  // Subscribe first, then replay: nothing emitted in between is lost, and `send` drops duplicates.
  const unsubscribe = source.onJobEvent(send)
  if (lastSent > 0) for (const event of source.replayJobEvents(lastSent)) send(event)
  const heartbeat = setInterval(() => res.write(': ping\n\n'), HEARTBEAT_MS)
  const stop = (): void => {
    clearInterval(heartbeat)
    unsubscribe()
  }
  req.on('close', stop)
  res.on('error', stop)
}

/**
 * A minimal incremental Server-Sent Events parser (event + data fields, LF or CRLF line endings).
 * Used by the emulator's tests and benchmark to read raw streams without an SDK in the way.
 */

export interface SseEvent {
  event: string | null
  data: string
}

/** Returns a `push(text)` function; `onEvent` is called for every complete event. */
export function createSseParser(onEvent: (event: SseEvent) => void): (text: string) => void {
  let buffer = ''
  let event: string | null = null
  let data: string[] = []
  return (text: string) => {
    buffer += text
    let start = 0
    for (;;) {
      const newline = buffer.indexOf('\n', start)
      if (newline === -1) break
      let line = buffer.slice(start, newline)
      start = newline + 1
      if (line.endsWith('\r')) line = line.slice(0, -1)
      if (line === '') {
        if (data.length > 0 || event !== null) onEvent({ event, data: data.join('\n') })
        event = null
        data = []
      } else if (line.startsWith('data:')) {
        data.push(line.charCodeAt(5) === 32 ? line.slice(6) : line.slice(5))
      } else if (line.startsWith('event:')) {
        event = line.slice(6).trim()
      }
    }
    buffer = buffer.slice(start)
  }
}

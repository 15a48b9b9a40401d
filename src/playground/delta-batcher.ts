/**
 * Coalesces a column's text deltas so the renderer gets at most one `delta` event per column every `intervalMs`
 * (8 columns × 200 tokens/s would otherwise be 1,600 events a second; at 50 ms it is at most 160). `flush()` sends what is pending at once
 * (before a retry, a new attempt or the column's end), `close()` also stops the timer.
 */
export class DeltaBatcher {
  private pending = ''
  private timer: NodeJS.Timeout | null = null

  constructor(
    private readonly send: (text: string) => void,
    private readonly intervalMs = 50
  ) {}

  push(text: string): void {
    if (!text) return
    this.pending += text
    this.timer ??= setTimeout(() => this.flush(), this.intervalMs)
  }

  flush(): void {
    if (this.timer) clearTimeout(this.timer)
    this.timer = null
    if (!this.pending) return
    const text = this.pending
    this.pending = ''
    this.send(text)
  }

  close(): void {
    this.flush()
  }
}

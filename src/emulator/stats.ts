/** Request counters, served at GET /_emulator/stats and by RunningEmulator.stats(). */
import type { FailureKind } from './profile'

export type EmulatorOutcome =
  | 'ok'
  | FailureKind
  | 'bad_request'
  | 'model_not_found'
  | 'auth_failed'
  | 'route_not_found'
  | 'client_aborted'

export interface EmulatorStats {
  startedAt: string
  uptimeMs: number
  /** Provider API requests received (not counting /_emulator/* endpoints). */
  requests: number
  /** Requests whose response has not finished or been abandoned yet. */
  inFlight: number
  byOutcome: Partial<Record<EmulatorOutcome, number>>
  /** Per model id: requests and outcomes. `client_aborted` counts requests the client gave up on. */
  byModel: Record<string, { requests: number } & Partial<Record<EmulatorOutcome, number>>>
}

export class StatsRecorder {
  private readonly startedAt = Date.now()
  private requests = 0
  private inFlight = 0
  private readonly byOutcome: Partial<Record<EmulatorOutcome, number>> = {}
  private readonly byModel = new Map<string, { requests: number } & Partial<Record<EmulatorOutcome, number>>>()

  begin(): void {
    this.requests++
    this.inFlight++
  }

  finish(): void {
    this.inFlight--
  }

  /** Records an outcome; a known model id also gets a per-model count (`countRequest` once per request). */
  record(modelId: string | null, outcome: EmulatorOutcome, countRequest = true): void {
    this.byOutcome[outcome] = (this.byOutcome[outcome] ?? 0) + 1
    if (modelId === null) return
    let entry = this.byModel.get(modelId)
    if (!entry) {
      entry = { requests: 0 }
      this.byModel.set(modelId, entry)
    }
    if (countRequest) entry.requests++
    entry[outcome] = (entry[outcome] ?? 0) + 1
  }

  snapshot(): EmulatorStats {
    const byModel: EmulatorStats['byModel'] = {}
    for (const [id, entry] of this.byModel) byModel[id] = { ...entry }
    return {
      startedAt: new Date(this.startedAt).toISOString(),
      uptimeMs: Date.now() - this.startedAt,
      requests: this.requests,
      inFlight: this.inFlight,
      byOutcome: { ...this.byOutcome },
      byModel
    }
  }
}

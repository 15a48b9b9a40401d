import type { Engine } from '../../src/api/engine'
import type { JobInfo } from '../../src/core/schemas/jobs'

export interface JobEvent {
  type: string
  [key: string]: unknown
}

export interface RecordedJob {
  jobId: string
  events: JobEvent[]
  /** Resolves with the first event (already seen or future) that matches. */
  waitFor(match: (event: JobEvent) => boolean, timeoutMs?: number): Promise<JobEvent>
  settled(): Promise<JobInfo>
}

/** Starts a job through dispatch and records its events (subscribed before the job's first event can fire). */
export async function startJob(engine: Engine, op: string, request: unknown): Promise<RecordedJob> {
  const events: JobEvent[] = []
  const waiters: Array<{ match: (e: JobEvent) => boolean; resolve: (e: JobEvent) => void }> = []
  let jobId = ''
  const early: Array<{ jobId: string; event: JobEvent }> = []
  const unsubscribe = engine.onJobEvent((envelope) => {
    const event = envelope.event as JobEvent
    if (!jobId) {
      early.push({ jobId: envelope.jobId, event })
      return
    }
    if (envelope.jobId !== jobId) return
    events.push(event)
    for (const w of [...waiters]) {
      if (w.match(event)) {
        waiters.splice(waiters.indexOf(w), 1)
        w.resolve(event)
      }
    }
  })
  try {
    ;({ jobId } = (await engine.dispatch(op, request)) as { jobId: string })
  } catch (error) {
    unsubscribe()
    throw error
  }
  for (const e of early) if (e.jobId === jobId) events.push(e.event)
  return {
    jobId,
    events,
    waitFor(match, timeoutMs = 15_000) {
      const seen = events.find(match)
      if (seen) return Promise.resolve(seen)
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`timed out waiting for an event of job ${jobId}`)), timeoutMs)
        waiters.push({ match, resolve: (e) => (clearTimeout(timer), resolve(e)) })
      })
    },
    async settled() {
      const info = await engine.context.jobs.settled(jobId)
      unsubscribe()
      return info
    }
  }
}

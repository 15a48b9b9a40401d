import { randomUUID } from 'node:crypto'
import { AppError, toApiError, type ApiError } from '../core/errors'
import type { JobEventEnvelope, JobInfo, JobStatus } from '../core/schemas/jobs'

/** What a job's body receives: an emitter for its typed events, a cancel signal and a place to name its run. */
export interface JobContext {
  readonly jobId: string
  readonly signal: AbortSignal
  emit(event: Record<string, unknown> & { type: string }): void
  progress(done: number, total: number, note?: string): void
  setRunId(runId: string): void
}

export type JobBody = (context: JobContext) => Promise<void>

interface JobState {
  info: JobInfo
  controller: AbortController
  events: JobEventEnvelope[]
  done: Promise<void>
}

/** Events kept per job for late subscribers and SSE reconnects (Last-Event-ID). */
const MAX_BUFFERED_EVENTS = 2_000
/** Finished jobs kept for `jobs.list` / `jobs.get`. */
const MAX_FINISHED_JOBS = 200

/**
 * Long work as jobs: start → typed events → cancel → final status. Every face subscribes through `subscribe`;
 * the final event of every job is `{ type: 'status', status, error }`.
 */
export class JobRegistry {
  private readonly jobs = new Map<string, JobState>()
  private readonly listeners = new Set<(event: JobEventEnvelope) => void>()
  /** One sequence across all jobs, so a reconnecting subscriber needs only the last `seq` it saw. */
  private seq = 0

  start(op: string, body: JobBody): string {
    const jobId = `job_${randomUUID().replaceAll('-', '').slice(0, 16)}`
    const controller = new AbortController()
    const state: JobState = {
      info: {
        id: jobId,
        op,
        status: 'running',
        startedAt: new Date().toISOString(),
        finishedAt: null,
        progress: null,
        error: null,
        runId: null
      },
      controller,
      events: [],
      done: Promise.resolve()
    }
    this.jobs.set(jobId, state)
    const context: JobContext = {
      jobId,
      signal: controller.signal,
      emit: (event) => this.push(state, event),
      progress: (done, total, note) => {
        state.info.progress = { done, total }
        this.push(state, note === undefined ? { type: 'progress', done, total } : { type: 'progress', done, total, note })
      },
      setRunId: (runId) => {
        state.info.runId = runId
      }
    }
    // Run on the next tick so the caller gets the jobId before the first event; a job cancelled before it
    // started never runs its body.
    state.done = new Promise<void>((resolve) => setImmediate(resolve))
      .then(() => (controller.signal.aborted ? undefined : body(context)))
      .then(
        () => this.finish(state, controller.signal.aborted ? 'cancelled' : 'completed', null),
        (error: unknown) =>
          this.finish(state, controller.signal.aborted ? 'cancelled' : 'failed', controller.signal.aborted ? null : toApiError(error))
      )
    this.prune()
    return jobId
  }

  get(jobId: string): JobInfo {
    return { ...this.state(jobId).info }
  }

  list(): JobInfo[] {
    return [...this.jobs.values()].map((s) => ({ ...s.info })).reverse()
  }

  cancel(jobId: string): JobInfo {
    const state = this.state(jobId)
    if (state.info.status === 'running') state.controller.abort(new AppError('CANCELLED', 'Cancelled by the user'))
    return { ...state.info }
  }

  /** Resolves when the job has ended (whatever its status). */
  async settled(jobId: string): Promise<JobInfo> {
    const state = this.state(jobId)
    await state.done
    return { ...state.info }
  }

  /** Buffered events after `afterSeq` across every known job, in emission order (for reconnecting subscribers). */
  replay(afterSeq = 0): JobEventEnvelope[] {
    return [...this.jobs.values()]
      .flatMap((s) => s.events)
      .filter((e) => e.seq > afterSeq)
      .sort((a, b) => a.seq - b.seq)
  }

  subscribe(listener: (event: JobEventEnvelope) => void): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  /** Cancel everything still running and wait for it to end. */
  async shutdown(): Promise<void> {
    for (const state of this.jobs.values()) {
      if (state.info.status === 'running') state.controller.abort(new AppError('CANCELLED', 'The engine is shutting down'))
    }
    await Promise.all([...this.jobs.values()].map((s) => s.done))
  }

  private state(jobId: string): JobState {
    const state = this.jobs.get(jobId)
    if (!state) throw new AppError('NOT_FOUND', `No job "${jobId}" in this session. jobs.list shows the known jobs.`)
    return state
  }

  private push(state: JobState, event: Record<string, unknown>): void {
    if (state.info.status !== 'running') return
    const envelope: JobEventEnvelope = { jobId: state.info.id, op: state.info.op, seq: ++this.seq, at: Date.now(), event }
    state.events.push(envelope)
    if (state.events.length > MAX_BUFFERED_EVENTS) state.events.splice(0, state.events.length - MAX_BUFFERED_EVENTS)
    for (const listener of this.listeners) {
      try {
        listener(envelope)
      } catch {
        // A failing subscriber must not break the job or other subscribers.
      }
    }
  }

  private finish(state: JobState, status: JobStatus, error: ApiError | null): void {
    this.push(state, { type: 'status', status, error })
    state.info.status = status
    state.info.error = error
    state.info.finishedAt = new Date().toISOString()
  }

  private prune(): void {
    const finished = [...this.jobs.values()].filter((s) => s.info.status !== 'running')
    for (const state of finished.slice(0, Math.max(0, finished.length - MAX_FINISHED_JOBS))) this.jobs.delete(state.info.id)
  }
}

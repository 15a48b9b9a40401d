import { create } from 'zustand'
import { getClient } from '../api/client'
import { EvalRunEvent } from '../../src/core/schemas/eval-api'
import type { EvalRunOverrides } from '../../src/core/schemas/eval-api'
import type { JobInfo } from '../../src/core/schemas/jobs'
import type { AppError } from '../../src/core/errors'
import { toAppError } from '../lib/errors'
import { applyEvalEvent, initialLiveRun, isLiveActive } from '../lib/eval-live'
import type { LiveRun } from '../lib/eval-live'
import { useEvalsStore } from './evals-store'
import { followJob, useJobsStore } from './jobs-store'

interface EvalRunStoreState {
  live: LiveRun
  cancelError: AppError | null
  /** Runs a suite (evals.run). */
  start: (suiteId: string, overrides?: EvalRunOverrides) => Promise<void>
  /** Continues a cancelled or interrupted run (evals.resume). */
  resume: (runId: string) => Promise<void>
  /** Follows an eval job that is already running (e.g. after the page reloaded). */
  attach: (job: JobInfo) => void
  /** Looks for a running eval job of this engine and follows the newest. */
  reattach: () => Promise<void>
  cancel: () => Promise<void>
  reset: () => void
}

/**
 * Events since the last flush, in order. A 2,000-cell run sends many small batches: they are applied together in
 * one animation frame at most every FLUSH_INTERVAL_MS, so the counters re-render a few times a second, not per batch.
 */
const queued: EvalRunEvent[] = []
const FLUSH_INTERVAL_MS = 100
let frame: number | null = null
let timer: ReturnType<typeof setTimeout> | null = null
let lastFlush = 0
let stopFollowing: (() => void) | null = null

const raf: (fn: () => void) => number =
  typeof requestAnimationFrame === 'function' ? (fn) => requestAnimationFrame(fn) : (fn) => setTimeout(fn, 16) as unknown as number
const unraf: (id: number) => void = typeof cancelAnimationFrame === 'function' ? (id) => cancelAnimationFrame(id) : (id) => clearTimeout(id)

export const useEvalRun = create<EvalRunStoreState>()((set, get) => {
  function schedule(urgent: boolean): void {
    if (urgent) {
      if (timer !== null) clearTimeout(timer)
      timer = null
      frame ??= raf(flush)
      return
    }
    if (frame !== null || timer !== null) return
    const wait = lastFlush + FLUSH_INTERVAL_MS - Date.now()
    if (wait <= 0) {
      frame = raf(flush)
      return
    }
    timer = setTimeout(() => {
      timer = null
      frame = raf(flush)
    }, wait)
  }

  function flush(): void {
    if (frame !== null) unraf(frame)
    if (timer !== null) clearTimeout(timer)
    frame = null
    timer = null
    if (queued.length === 0) return
    lastFlush = Date.now()
    const events = queued.splice(0)
    let next = get().live
    for (const event of events) next = applyEvalEvent(next, event)
    set({ live: next })
    if (events.some((e) => e.type === 'status' && e.status !== 'running')) onFinished()
  }

  function onFinished(): void {
    stopFollowing?.()
    stopFollowing = null
    const evals = useEvalsStore.getState()
    void evals.loadRuns()
    const runId = get().live.runId
    const shown = evals.resultsQuery
    if (runId && shown?.runId === runId) void evals.loadResults(shown)
  }

  function follow(jobId: string): void {
    stopFollowing = followJob(jobId, (envelope) => {
      if (get().live.jobId !== jobId) return
      const parsed = EvalRunEvent.safeParse(envelope.event)
      if (!parsed.success) return
      queued.push(parsed.data)
      // Cells and progress can wait for the next flush; the run's shape, retries and its end show at once.
      schedule(parsed.data.type !== 'cells' && parsed.data.type !== 'progress')
    })
  }

  async function begin(origin: LiveRun['origin'], startJob: () => Promise<{ jobId: string }>): Promise<void> {
    if (isLiveActive(get().live)) return
    stopFollowing?.()
    stopFollowing = null
    queued.length = 0
    set({ live: { ...initialLiveRun, phase: 'starting', origin, runId: origin.resumedRunId, startedAt: Date.now() }, cancelError: null })
    useJobsStore.getState().start()
    let jobId: string
    try {
      jobId = (await startJob()).jobId
    } catch (error) {
      set({ live: { ...get().live, phase: 'failed', finishedAt: Date.now(), error: toAppError(error).toJSON() } })
      return
    }
    set({ live: { ...get().live, phase: 'running', jobId } })
    follow(jobId)
  }

  return {
    live: initialLiveRun,
    cancelError: null,

    start(suiteId, overrides = {}) {
      return begin({ suiteId, resumedRunId: null }, () => getClient().start('evals.run', { suiteId, overrides }))
    },

    resume(runId) {
      return begin({ suiteId: null, resumedRunId: runId }, () => getClient().start('evals.resume', { runId }))
    },

    attach(job) {
      if (isLiveActive(get().live) || job.status !== 'running') return
      stopFollowing?.()
      queued.length = 0
      set({
        live: {
          ...initialLiveRun,
          phase: 'running',
          jobId: job.id,
          runId: job.runId,
          origin: { suiteId: null, resumedRunId: job.op === 'evals.resume' ? job.runId : null },
          progress: job.progress,
          startedAt: Date.parse(job.startedAt) || Date.now()
        },
        cancelError: null
      })
      follow(job.id)
    },

    async reattach() {
      if (get().live.phase !== 'idle') return
      try {
        const jobs = await getClient().call('jobs.list', {})
        const running = jobs.find((j) => j.status === 'running' && (j.op === 'evals.run' || j.op === 'evals.resume'))
        if (running) get().attach(running)
      } catch {
        // Nothing to follow: the page simply shows no live run.
      }
    },

    async cancel() {
      const { jobId } = get().live
      if (!jobId || !isLiveActive(get().live)) return
      await useJobsStore.getState().cancel(jobId)
      set({ cancelError: useJobsStore.getState().cancelError })
    },

    reset() {
      if (isLiveActive(get().live)) return
      set({ live: initialLiveRun, cancelError: null })
    }
  }
})

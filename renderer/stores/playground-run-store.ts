import { create } from 'zustand'
import { getClient } from '../api/client'
import { PlaygroundEvent } from '../../src/core/schemas/playground'
import type { PlaygroundRunRequest } from '../../src/core/schemas/playground'
import type { AppError } from '../../src/core/errors'
import { toAppError } from '../lib/errors'
import { appendDeltas, applyRunEvent, initialRun, isRunActive } from '../lib/playground-run'
import type { RunColumn, RunState } from '../lib/playground-run'
import { followJob, useJobsStore } from './jobs-store'
import { useRunsStore } from './runs-store'

interface RunStoreState {
  run: RunState
  cancelError: AppError | null
  start: (request: PlaygroundRunRequest) => Promise<void>
  cancelColumn: (columnId: string) => Promise<void>
  cancelAll: () => Promise<void>
  reset: () => void
}

let stopFollowing: (() => void) | null = null
/**
 * Text that arrived since the last flush, per column. All columns flush together, in one animation frame and at most
 * every FLUSH_INTERVAL_MS: every flush re-lays-out the columns' (growing) text, so eight columns flushing in turn,
 * one per frame, would keep the main thread busy with layout and paint for the whole stream.
 */
const pending = new Map<string, string>()
/** Other events (column started/finished, retries, status) since the last flush, in order; they flush in the next frame. */
const queued: PlaygroundEvent[] = []
const FLUSH_INTERVAL_MS = 100
let frame: number | null = null
let timer: ReturnType<typeof setTimeout> | null = null
let lastFlush = 0

const raf: (fn: () => void) => number =
  typeof requestAnimationFrame === 'function' ? (fn) => requestAnimationFrame(fn) : (fn) => setTimeout(fn, 16) as unknown as number
const unraf: (id: number) => void = typeof cancelAnimationFrame === 'function' ? (id) => cancelAnimationFrame(id) : (id) => clearTimeout(id)

export const usePlaygroundRun = create<RunStoreState>()((set, get) => {
  /** Schedules one flush for all columns: in the next animation frame, once FLUSH_INTERVAL_MS passed since the last. */
  function schedule(): void {
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

  /** A non-text event: applied in the next animation frame together with whatever else arrived by then. */
  function scheduleSoon(): void {
    if (timer !== null) clearTimeout(timer)
    timer = null
    frame ??= raf(flush)
  }

  /** Applies pending text, then queued events in order, in one state change (one render, one layout). */
  function flush(): void {
    if (frame !== null) unraf(frame)
    if (timer !== null) clearTimeout(timer)
    frame = null
    timer = null
    if (pending.size === 0 && queued.length === 0) return
    let next = get().run
    if (pending.size > 0) {
      lastFlush = Date.now()
      next = appendDeltas(next, pending)
      pending.clear()
    }
    const events = queued.splice(0)
    for (const event of events) next = applyRunEvent(next, event)
    set({ run: next })
    if (events.some((e) => e.type === 'status' && e.status !== 'running')) onFinished()
  }

  function onFinished(): void {
    stopFollowing?.()
    stopFollowing = null
    void useRunsStore.getState().load()
  }

  return {
    run: initialRun,
    cancelError: null,

    async start(request) {
      if (isRunActive(get().run)) return
      stopFollowing?.()
      stopFollowing = null
      pending.clear()
      queued.length = 0
      set({ run: { ...initialRun, phase: 'starting', request }, cancelError: null })
      useJobsStore.getState().start()
      let jobId: string
      try {
        jobId = (await getClient().start('playground.run', request)).jobId
      } catch (error) {
        set({ run: { ...get().run, phase: 'failed', error: toAppError(error).toJSON() } })
        return
      }
      set({ run: { ...get().run, phase: 'running', jobId } })
      stopFollowing = followJob(jobId, (envelope) => {
        if (get().run.jobId !== jobId) return
        const parsed = PlaygroundEvent.safeParse(envelope.event)
        if (!parsed.success) return
        const event = parsed.data
        if (event.type === 'delta') {
          pending.set(event.columnId, (pending.get(event.columnId) ?? '') + event.text)
          schedule()
          return
        }
        queued.push(event)
        scheduleSoon()
      })
    },

    async cancelColumn(columnId) {
      const jobId = get().run.jobId
      if (!jobId || !isRunActive(get().run)) return
      try {
        await getClient().call('playground.cancelColumn', { jobId, columnId })
      } catch (error) {
        set({ cancelError: toAppError(error) })
      }
    },

    async cancelAll() {
      const jobId = get().run.jobId
      if (!jobId || !isRunActive(get().run)) return
      await useJobsStore.getState().cancel(jobId)
      set({ cancelError: useJobsStore.getState().cancelError })
    },

    reset() {
      if (isRunActive(get().run)) return
      set({ run: initialRun })
    }
  }
})

/** One column, selected alone: a delta to another column does not re-render it. */
export function useRunColumn(columnId: string): RunColumn | undefined {
  return usePlaygroundRun((s) => s.run.columns[columnId])
}

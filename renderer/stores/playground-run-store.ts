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
/** Text that arrived since the last frame, per column: flushed at most once per animation frame. */
const pending = new Map<string, string>()
let frame: number | null = null

const schedule: (fn: () => void) => number =
  typeof requestAnimationFrame === 'function' ? (fn) => requestAnimationFrame(fn) : (fn) => setTimeout(fn, 16) as unknown as number
const unschedule: (id: number) => void = typeof cancelAnimationFrame === 'function' ? (id) => cancelAnimationFrame(id) : (id) => clearTimeout(id)

export const usePlaygroundRun = create<RunStoreState>()((set, get) => {
  function flush(): void {
    if (frame !== null) unschedule(frame)
    frame = null
    if (pending.size === 0) return
    const next = appendDeltas(get().run, pending)
    pending.clear()
    set({ run: next })
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
          frame ??= schedule(flush)
          return
        }
        flush()
        set({ run: applyRunEvent(get().run, event) })
        if (event.type === 'status' && event.status !== 'running') onFinished()
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

import { create } from 'zustand'
import { getClient } from '../api/client'
import type { JobEventEnvelope, JobInfo, JobStatus } from '../../src/core/schemas/jobs'
import type { AppError } from '../../src/core/errors'
import { toAppError } from '../lib/errors'

export interface JobView {
  id: string
  op: string
  status: JobStatus
  progress: { done: number; total: number } | null
  lastSeq: number
}

interface JobsState {
  jobs: Record<string, JobView>
  listening: boolean
  cancelError: AppError | null
  /** Subscribes once to the engine's job events and seeds the jobs this session already has. */
  start: () => void
  cancel: (jobId: string) => Promise<void>
}

type JobListener = (envelope: JobEventEnvelope) => void

/** Events per job, kept briefly so a follower that subscribes after `start()` answered misses nothing. */
const buffers = new Map<string, JobEventEnvelope[]>()
const followers = new Map<string, Set<JobListener>>()
const MAX_BUFFERED_JOBS = 20
const MAX_EVENTS_PER_JOB = 5000

function buffer(envelope: JobEventEnvelope): void {
  let list = buffers.get(envelope.jobId)
  if (!list) {
    list = []
    buffers.set(envelope.jobId, list)
    if (buffers.size > MAX_BUFFERED_JOBS) {
      const oldest = buffers.keys().next().value
      if (oldest !== undefined) buffers.delete(oldest)
    }
  }
  if (list.length < MAX_EVENTS_PER_JOB) list.push(envelope)
}

function statusOf(event: Record<string, unknown>): JobStatus | null {
  if (event.type !== 'status') return null
  const s = event.status
  return s === 'running' || s === 'completed' || s === 'failed' || s === 'cancelled' ? s : null
}

function progressOf(event: Record<string, unknown>): { done: number; total: number } | null {
  if (event.type !== 'progress' || typeof event.done !== 'number' || typeof event.total !== 'number') return null
  return { done: event.done, total: event.total }
}

function fromInfo(info: JobInfo): JobView {
  return { id: info.id, op: info.op, status: info.status, progress: info.progress, lastSeq: -1 }
}

export const useJobsStore = create<JobsState>()((set, get) => {
  function receive(envelope: JobEventEnvelope): void {
    const current = get().jobs[envelope.jobId]
    if (current && envelope.seq <= current.lastSeq) return // a replay after reconnect
    const next: JobView = {
      id: envelope.jobId,
      op: envelope.op,
      status: statusOf(envelope.event) ?? current?.status ?? 'running',
      progress: progressOf(envelope.event) ?? current?.progress ?? null,
      lastSeq: envelope.seq
    }
    set({ jobs: { ...get().jobs, [envelope.jobId]: next } })
    buffer(envelope)
    for (const listener of followers.get(envelope.jobId) ?? []) listener(envelope)
  }

  return {
    jobs: {},
    listening: false,
    cancelError: null,

    start() {
      if (get().listening) return
      set({ listening: true })
      const client = getClient()
      client.onJobEvent(receive)
      client.call('jobs.list', {}).then(
        (list) => {
          const jobs = { ...get().jobs }
          for (const info of list) if (!jobs[info.id]) jobs[info.id] = fromInfo(info)
          set({ jobs })
        },
        () => {
          // The status bar only loses the count of jobs started before this page opened.
        }
      )
    },

    async cancel(jobId) {
      set({ cancelError: null })
      try {
        const info = await getClient().call('jobs.cancel', { jobId })
        const current = get().jobs[jobId]
        // The final status event may have arrived before this answer (which can still say "running"): never
        // turn a finished job back into a running one.
        if (current && current.status !== 'running') return
        set({ jobs: { ...get().jobs, [jobId]: { ...fromInfo(info), lastSeq: current?.lastSeq ?? -1 } } })
      } catch (error) {
        set({ cancelError: toAppError(error) })
      }
    }
  }
})

/** Follows one job's events: replays what already arrived, then streams the rest. */
export function followJob(jobId: string, listener: JobListener): () => void {
  for (const envelope of buffers.get(jobId) ?? []) listener(envelope)
  let set = followers.get(jobId)
  if (!set) {
    set = new Set()
    followers.set(jobId, set)
  }
  set.add(listener)
  return () => {
    const current = followers.get(jobId)
    current?.delete(listener)
    if (current?.size === 0) followers.delete(jobId)
  }
}

export function selectRunningCount(state: JobsState): number {
  let count = 0
  for (const job of Object.values(state.jobs)) if (job.status === 'running') count += 1
  return count
}

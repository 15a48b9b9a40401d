import { afterEach, describe, expect, it } from 'vitest'
import type { SwitchyardClient } from '../../src/core/client'
import type { JobEventEnvelope } from '../../src/core/schemas/jobs'
import { setClient } from '../api/client'
import { useEvalRun } from './eval-run-store'

afterEach(() => setClient(null))

const wait = (ms: number) => new Promise((r) => setTimeout(r, ms))

describe('eval run store', () => {
  it('starts evals.run, batches cell events into one state change per flush, and ends with the verdict', async () => {
    let emit: (e: JobEventEnvelope) => void = () => {}
    const started: unknown[] = []
    const calls: string[] = []
    const env = (seq: number, event: Record<string, unknown>): JobEventEnvelope => ({ jobId: 'j1', op: 'evals.run', seq, at: seq, event })
    const client: SwitchyardClient = {
      face: 'web',
      call: (async (op: string) => {
        calls.push(op)
        return []
      }) as SwitchyardClient['call'],
      start: (async (op: string, req: unknown) => {
        started.push({ op, req })
        return { jobId: 'j1' }
      }) as SwitchyardClient['start'],
      onJobEvent: (l) => {
        emit = l
        return () => {}
      }
    }
    setClient(client)
    await useEvalRun.getState().start('s1', { repeats: 2 })
    expect(started).toEqual([{ op: 'evals.run', req: { suiteId: 's1', overrides: { repeats: 2 } } }])
    expect(useEvalRun.getState().live).toMatchObject({ phase: 'running', jobId: 'j1', origin: { suiteId: 's1' } })

    const columns = [{ key: 'v|p|m', variantId: 'v', variantLabel: 'T v1', providerId: 'p', modelId: 'm' }]
    emit(env(1, { type: 'run-created', runId: 'r1', resumed: false, cells: 40, alreadyDone: 0, columns }))
    await wait(30)
    expect(useEvalRun.getState().live.runId).toBe('r1')

    let renders = 0
    const unsubscribe = useEvalRun.subscribe(() => (renders += 1))
    const cell = { caseId: 'c', variantId: 'v', providerId: 'p', modelId: 'm', repeatIndex: 0, status: 'passed', score: 1, latencyMs: 5, costUsd: 0, attempts: 1, cached: false, errorClass: null }
    for (let i = 0; i < 20; i += 1) {
      emit(env(2 + i * 2, { type: 'cells', cells: [cell, { ...cell, status: 'failed', attempts: 2 }] }))
      emit(env(3 + i * 2, { type: 'progress', done: (i + 1) * 2, total: 40 }))
    }
    // Nothing applied yet: the batches wait for the next flush.
    expect(useEvalRun.getState().live.columns[0]?.passed).toBe(0)
    await wait(150)
    expect(useEvalRun.getState().live.columns[0]).toMatchObject({ passed: 20, failed: 20, retries: 20 })
    expect(useEvalRun.getState().live.progress).toEqual({ done: 40, total: 40 })
    expect(renders).toBe(1)

    emit(env(100, { type: 'totals', totals: { cells: 40, skipped: 0, completed: 40, passed: 20, failed: 20, scoreErrors: 0, errored: 0, cancelled: 0, calls: 60, cacheHits: 0, costUsd: 0 }, verdict: 'pass' }))
    emit(env(101, { type: 'status', status: 'completed', error: null }))
    await wait(30)
    expect(useEvalRun.getState().live).toMatchObject({ phase: 'completed', verdict: 'pass' })
    expect(renders).toBe(2)
    // The end refreshes the list of eval runs.
    expect(calls).toContain('runs.list')
    unsubscribe()
  })

  it('resumes a stored run through evals.resume and reports a refused start', async () => {
    const client: SwitchyardClient = {
      face: 'web',
      call: (async () => []) as SwitchyardClient['call'],
      start: (async () => {
        throw new Error('run r9 is completed; nothing to resume')
      }) as SwitchyardClient['start'],
      onJobEvent: () => () => {}
    }
    setClient(client)
    useEvalRun.getState().reset()
    await useEvalRun.getState().resume('r9')
    expect(useEvalRun.getState().live).toMatchObject({ phase: 'failed', runId: 'r9', origin: { resumedRunId: 'r9' }, error: { message: 'run r9 is completed; nothing to resume' } })
  })
})

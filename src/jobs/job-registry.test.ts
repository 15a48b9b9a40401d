import { describe, expect, it } from 'vitest'
import type { JobEventEnvelope } from '../core/schemas/jobs'
import { JobRegistry } from './job-registry'

function collect(registry: JobRegistry): JobEventEnvelope[] {
  const events: JobEventEnvelope[] = []
  registry.subscribe((e) => events.push(e))
  return events
}

describe('JobRegistry', () => {
  it('runs a job to completion: events in order, then a final status event', async () => {
    const registry = new JobRegistry()
    const events = collect(registry)
    const jobId = registry.start('test.op', async (job) => {
      job.progress(0, 2)
      job.emit({ type: 'delta', text: 'a' })
      job.progress(2, 2)
      job.setRunId('run_1')
    })
    const info = await registry.settled(jobId)
    expect(info).toMatchObject({ id: jobId, op: 'test.op', status: 'completed', progress: { done: 2, total: 2 }, runId: 'run_1', error: null })
    expect(events.map((e) => e.event.type)).toEqual(['progress', 'delta', 'progress', 'status'])
    expect(events.at(-1)?.event).toEqual({ type: 'status', status: 'completed', error: null })
    const seqs = events.map((e) => e.seq)
    expect([...seqs].sort((a, b) => a - b)).toEqual(seqs)
  })

  it('cancels: the body sees the abort, the job ends cancelled, and nothing is emitted after the status', async () => {
    const registry = new JobRegistry()
    const events = collect(registry)
    const jobId = registry.start('slow.op', async (job) => {
      await new Promise<void>((resolve) => job.signal.addEventListener('abort', () => resolve()))
      job.emit({ type: 'late' })
    })
    await new Promise((r) => setTimeout(r, 5))
    expect(registry.cancel(jobId).status).toBe('running')
    const info = await registry.settled(jobId)
    expect(info.status).toBe('cancelled')
    expect(info.error).toBeNull()
    expect(events.at(-1)?.event).toMatchObject({ type: 'status', status: 'cancelled' })
    expect(events.filter((e) => e.event.type === 'late')).toHaveLength(1)
    expect(events.findIndex((e) => e.event.type === 'late')).toBeLessThan(events.length - 1)
  })

  it('reports a failing job with its typed error', async () => {
    const registry = new JobRegistry()
    const jobId = registry.start('bad.op', async () => {
      throw new Error('boom')
    })
    const info = await registry.settled(jobId)
    expect(info.status).toBe('failed')
    expect(info.error).toEqual({ code: 'INTERNAL', message: 'boom' })
  })

  it('replays buffered events after a sequence number across jobs', async () => {
    const registry = new JobRegistry()
    const a = registry.start('a', async (job) => job.emit({ type: 'x' }))
    await registry.settled(a)
    const b = registry.start('b', async (job) => job.emit({ type: 'y' }))
    await registry.settled(b)
    const all = registry.replay(0)
    expect(all.map((e) => `${e.op}:${e.event.type}`)).toEqual(['a:x', 'a:status', 'b:y', 'b:status'])
    expect(registry.replay(all[1]!.seq).map((e) => e.op)).toEqual(['b', 'b'])
  })

  it('answers NOT_FOUND for an unknown job and cancels everything on shutdown', async () => {
    const registry = new JobRegistry()
    expect(() => registry.get('job_nope')).toThrow(/No job "job_nope"/)
    const jobId = registry.start('forever', (job) => new Promise((resolve) => job.signal.addEventListener('abort', () => resolve())))
    await registry.shutdown()
    expect(registry.get(jobId).status).toBe('cancelled')
  })
})

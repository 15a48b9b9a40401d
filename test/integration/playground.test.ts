import Database from 'better-sqlite3'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ColumnMetrics } from '../../src/core/schemas/playground'
import type { RunDetail, RunSummary } from '../../src/core/schemas/run'
import { startEngineFixture, type EngineFixture } from '../support/engine-fixture'
import { startJob, type JobEvent } from '../support/job-events'

let fixture: EngineFixture
beforeAll(async () => {
  fixture = await startEngineFixture()
})
afterAll(async () => fixture.close())

const emu = (modelId: string) => ({ providerId: 'local-emulator', modelId })
const ask = (content: string) => [{ role: 'user' as const, content }]
const dispatch = (op: string, request: unknown) => fixture.engine.dispatch(op, request)
const finished = (events: JobEvent[]) => events.filter((e) => e.type === 'column-finished') as Array<JobEvent & { columnId: string; metrics: ColumnMetrics }>

describe('playground.run with the emulator', () => {
  it('streams three models × 2 repeats side by side, stores every call and completes the run', async () => {
    const job = await startJob(fixture.engine, 'playground.run', {
      messages: ask('Describe {{topic}} in one paragraph.'),
      variables: { topic: 'lighthouses' },
      params: { maxTokens: 40 },
      models: [emu('emu-swift'), emu('emu-steady'), emu('emu-instant')],
      repeat: 2
    })
    const info = await job.settled()
    expect(info.status).toBe('completed')
    const types = job.events.map((e) => e.type)
    expect(types[0]).toBe('run-created')
    expect(types[types.length - 1]).toBe('status')
    const created = job.events[0] as JobEvent & { runId: string; columns: Array<{ columnId: string }> }
    expect(created.columns.map((c) => c.columnId)).toEqual(['m0.r0', 'm0.r1', 'm1.r0', 'm1.r1', 'm2.r0', 'm2.r1'])
    expect(info.runId).toBe(created.runId)
    for (const { columnId } of created.columns) {
      const own = job.events.filter((e) => e.columnId === columnId).map((e) => e.type)
      expect(own[0]).toBe('column-started')
      expect(own).toContain('delta')
      expect(own[own.length - 1]).toBe('column-finished')
    }
    const done = finished(job.events)
    expect(done).toHaveLength(6)
    for (const { metrics } of done) {
      expect(metrics).toMatchObject({ ok: true, status: 'ok', attempts: 1, json: null, errorClass: null })
      expect(metrics.ttftMs).not.toBeNull()
      expect(metrics.latencyMs!).toBeGreaterThanOrEqual(metrics.ttftMs!)
      expect(metrics.outputTokens).toBeGreaterThan(0)
      expect(metrics.costUsd).not.toBeNull()
    }
    const swift = done.find((d) => d.columnId === 'm0.r0')!.metrics
    expect(swift.outputTokensPerSecond).toBeGreaterThan(0)
    const run = (await dispatch('runs.get', { id: created.runId })) as RunDetail
    expect(run).toMatchObject({ kind: 'playground', status: 'completed', callCount: 6, errorCount: 0 })
    expect(run.config).toMatchObject({ variables: { topic: 'lighthouses' }, repeat: 2 })
    expect(run.title).toContain('lighthouses')
    for (const call of run.calls) {
      expect(call).toMatchObject({ status: 'ok', attempt: 1 })
      expect(call.ttftMs).not.toBeNull()
      expect(call.latencyMs).not.toBeNull()
      expect(call.inputTokens).toBeGreaterThan(0)
      expect(call.costUsd).not.toBeNull()
      expect(call.outputText!.length).toBeGreaterThan(0)
    }
    const text = job.events.filter((e) => e.type === 'delta' && e.columnId === 'm1.r1').map((e) => e.text).join('')
    expect(run.calls.map((c) => c.outputText)).toContain(text)

    const found = (await dispatch('runs.list', { query: 'LIGHTHOUSES' })) as RunSummary[]
    expect(found.map((r) => r.id)).toEqual([created.runId])
    expect(await dispatch('runs.list', { query: 'no-such-word-anywhere' })).toEqual([])
  })

  it('cancels one column; the others finish and the run completes', async () => {
    const job = await startJob(fixture.engine, 'playground.run', { messages: ask('Hi'), params: { maxTokens: 20 }, models: [emu('emu-swift'), emu('emu-hang')] })
    await job.waitFor((e) => e.type === 'column-started' && e.columnId === 'm1.r0')
    await expect(dispatch('playground.cancelColumn', { jobId: job.jobId, columnId: 'm9.r0' })).rejects.toMatchObject({ code: 'NOT_FOUND' })
    await expect(dispatch('playground.cancelColumn', { jobId: 'job_nope', columnId: 'm0.r0' })).rejects.toMatchObject({ code: 'NOT_FOUND' })
    expect(await dispatch('playground.cancelColumn', { jobId: job.jobId, columnId: 'm1.r0' })).toEqual({ cancelled: true })
    const info = await job.settled()
    expect(info.status).toBe('completed')
    const byColumn = Object.fromEntries(finished(job.events).map((e) => [e.columnId, e.metrics]))
    expect(byColumn['m0.r0']).toMatchObject({ status: 'ok' })
    expect(byColumn['m1.r0']).toMatchObject({ status: 'cancelled', errorClass: 'cancelled' })
    const run = (await dispatch('runs.get', { id: info.runId })) as RunDetail
    expect(run.status).toBe('completed')
    expect(run.calls.map((c) => c.status).sort()).toEqual(['cancelled', 'ok'])
    expect(await dispatch('playground.cancelColumn', { jobId: job.jobId, columnId: 'm0.r0' })).toEqual({ cancelled: false })
  })

  it('jobs.cancel cancels every column and the run', async () => {
    const job = await startJob(fixture.engine, 'playground.run', { messages: ask('Hi'), models: [emu('emu-hang'), emu('emu-hang')] })
    await job.waitFor((e) => e.type === 'column-started' && e.columnId === 'm1.r0')
    await dispatch('jobs.cancel', { jobId: job.jobId })
    const info = await job.settled()
    expect(info.status).toBe('cancelled')
    const run = (await dispatch('runs.get', { id: info.runId })) as RunDetail
    expect(run.status).toBe('cancelled')
    expect(run.calls.map((c) => c.status)).toEqual(['cancelled', 'cancelled'])
  })

  it('validates JSON schema output and stores the parsed JSON', async () => {
    const schema = { type: 'object', required: ['label', 'score'], properties: { label: { type: 'string' }, score: { type: 'number' } }, additionalProperties: false }
    const job = await startJob(fixture.engine, 'playground.run', {
      messages: ask('Classify: great product'),
      params: { output: { kind: 'json_schema', name: 'verdict', schema } },
      models: [emu('emu-instant')]
    })
    expect((await job.settled()).status).toBe('completed')
    const [column] = finished(job.events)
    expect(column!.metrics.json).toEqual({ valid: true, errors: [] })
    const db = new Database(fixture.storePath, { readonly: true })
    try {
      const row = db.prepare('SELECT output_json FROM call WHERE id = ?').get(column!.metrics.callId) as { output_json: string }
      expect(Object.keys(JSON.parse(row.output_json) as object).sort()).toEqual(['label', 'score'])
    } finally {
      db.close()
    }
  })

  it('a missing variable is VALIDATION_FAILED before any job or run exists; so are too many calls and unknown models', async () => {
    const runsBefore = ((await dispatch('runs.list', {})) as RunSummary[]).length
    const jobsBefore = ((await dispatch('jobs.list', {})) as unknown[]).length
    await expect(dispatch('playground.run', { messages: ask('Tell me about {{city}} and {{ country }}'), variables: { city: 'Lyon' }, models: [emu('emu-swift')] })).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
      issues: [{ path: 'variables.country', message: expect.any(String) }]
    })
    await expect(dispatch('playground.run', { messages: ask('x'), models: Array.from({ length: 5 }, () => emu('emu-swift')), repeat: 9 })).rejects.toMatchObject({ code: 'VALIDATION_FAILED' })
    await expect(dispatch('playground.run', { messages: ask('x'), models: [emu('emu-nope')] })).rejects.toMatchObject({ code: 'NOT_FOUND' })
    await expect(dispatch('playground.estimate', { messages: ask('{{a}}'), models: [emu('emu-swift')] })).rejects.toMatchObject({ code: 'VALIDATION_FAILED' })
    expect(((await dispatch('runs.list', {})) as RunSummary[]).length).toBe(runsBefore)
    expect(((await dispatch('jobs.list', {})) as unknown[]).length).toBe(jobsBefore)
  })

  it('retries a 429 once, then reports rate_limited with both attempts stored', async () => {
    const job = await startJob(fixture.engine, 'playground.run', {
      messages: ask('Hi'),
      models: [emu('emu-ratelimited')],
      policy: { retries: 1, maxRetryAfterMs: 3000 }
    })
    // The first attempt is committed before the Retry-After wait, not when the column ends.
    const created = (await job.waitFor((e) => e.type === 'run-created')) as unknown as { runId: string }
    await job.waitFor((e) => e.type === 'retry')
    const during = (await dispatch('runs.get', { id: created.runId })) as RunDetail
    expect(during.calls.map((c) => [c.attempt, c.errorClass])).toEqual([[1, 'rate_limited']])
    const info = await job.settled()
    expect(info.status).toBe('completed')
    const types = job.events.filter((e) => e.columnId === 'm0.r0').map((e) => e.type)
    expect(types).toEqual(['column-started', 'retry', 'column-started', 'column-finished'])
    const retry = job.events.find((e) => e.type === 'retry')!
    expect(retry).toMatchObject({ attempt: 1, errorClass: 'rate_limited' })
    expect(finished(job.events)[0]!.metrics).toMatchObject({ status: 'error', attempts: 2, errorClass: 'rate_limited', httpStatus: 429 })
    const run = (await dispatch('runs.get', { id: info.runId })) as RunDetail
    expect(run.calls.map((c) => [c.attempt, c.errorClass])).toEqual([
      [1, 'rate_limited'],
      [2, 'rate_limited']
    ])
  }, 20_000)

  it('estimates input tokens and a cost range', async () => {
    const estimate = (await dispatch('playground.estimate', { messages: ask('Hello there'), params: { maxTokens: 100 }, models: [emu('emu-steady')], repeat: 2 })) as {
      estimates: Array<{ inputTokens: number; minCostUsd: number; maxCostUsd: number }>
      totalMaxCostUsd: number
    }
    expect(estimate.estimates[0]!.inputTokens).toBeGreaterThan(0)
    expect(estimate.estimates[0]!.maxCostUsd).toBeGreaterThan(estimate.estimates[0]!.minCostUsd)
    expect(estimate.totalMaxCostUsd).toBeGreaterThan(0)
  })
})

import { afterEach, describe, expect, it } from 'vitest'
import { RunDetail, RunSummary } from '../../core/schemas/run'
import { createTempSpace } from '../testing/temp-store'
import { contractBody, okCall } from '../testing/fixtures'

const space = createTempSpace()
afterEach(() => space.cleanup())

describe('runs', () => {
  it('creates a running run tied to contract and dataset versions, finishes it, and reads it back', () => {
    const store = space.open()
    const contract = store.contracts.create({ name: 'C' }, contractBody())
    const dataset = store.datasets.create({ name: 'D' }, [{ vars: { text: 'hi' } }])
    const datasetVersionId = store.datasets.listVersions(dataset.id)[0]?.id ?? ''
    const id = store.runs.create({
      kind: 'eval',
      title: 'Nightly eval',
      config: { repeats: 3 },
      contractVersionId: contract.latest?.id,
      datasetVersionId
    })
    const running = store.runs.summary(id)
    expect(running).toMatchObject({ status: 'running', kind: 'eval', title: 'Nightly eval', finishedAt: null, callCount: 0, errorCount: 0, costUsd: null })
    expect(running.startedAt).not.toBeNull()

    store.calls.insertMany([okCall(id, 0, { costUsd: 0.001 }), okCall(id, 1, { costUsd: 0.002 }), okCall(id, 2, { status: 'error', costUsd: null, errorClass: 'rate_limited', httpStatus: 429, outputText: null })])
    const finished = store.runs.finish(id, 'completed', { passRate: 0.5 })
    expect(finished).toMatchObject({ status: 'completed', callCount: 3, errorCount: 1 })
    expect(finished.costUsd).toBeCloseTo(0.003, 10)
    expect(finished.finishedAt).not.toBeNull()

    const detail = store.runs.get(id)
    expect(RunDetail.parse(detail)).toEqual(detail)
    expect(detail.contractVersionId).toBe(contract.latest?.id)
    expect(detail.datasetVersionId).toBe(datasetVersionId)
    expect(detail.calls.map((c) => c.status)).toEqual(['ok', 'ok', 'error'])
    expect(store.runs.meta(id)).toEqual({ suiteId: null, config: { repeats: 3 }, totals: { passRate: 0.5 }, error: null })
  })

  it('lists newest first with per-run aggregates, filters by kind and pages', () => {
    const store = space.open()
    const ids: string[] = []
    for (const [i, kind] of (['eval', 'bench', 'eval', 'playground'] as const).entries()) {
      const id = store.runs.create({ kind, title: `run ${i}` })
      store.db.prepare('UPDATE run SET started_at = ? WHERE id = ?').run(1_000 + i, id)
      store.calls.insertMany(Array.from({ length: i + 1 }, (_, j) => okCall(id, j)))
      ids.push(id)
    }
    const all = store.runs.list({ limit: 10 })
    for (const r of all) expect(RunSummary.parse(r)).toEqual(r)
    expect(all.map((r) => [r.title, r.callCount])).toEqual([['run 3', 4], ['run 2', 3], ['run 1', 2], ['run 0', 1]])
    expect(all[0]?.costUsd).toBeCloseTo(0.0004, 10)
    expect(store.runs.list({ kind: 'eval' }).map((r) => r.title)).toEqual(['run 2', 'run 0'])
    expect(store.runs.list({ limit: 2, offset: 1 }).map((r) => r.title)).toEqual(['run 2', 'run 1'])
    expect(store.runs.list({ kind: 'simulation' })).toEqual([])
  })

  it("filters by the suite a run was started from, alone or with kind and search, and says each run's suite", () => {
    const store = space.open()
    const contract = store.contracts.create({ name: 'C' }, contractBody())
    const dataset = store.datasets.create({ name: 'D' }, [{ vars: { text: 'hi' } }])
    const datasetVersionId = store.datasets.listVersions(dataset.id)[0]?.id ?? ''
    const suite = (name: string) => store.suites.create({ name, contractVersionId: contract.latest!.id, datasetVersionId, settings: {} })
    const [a, b] = [suite('A'), suite('B')]
    for (const [i, suiteId] of [a.id, b.id, a.id, null].entries()) {
      const id = store.runs.create({ kind: 'eval', title: i === 2 ? 'nightly A' : `run ${i}`, suiteId, contractVersionId: contract.latest!.id, datasetVersionId })
      store.db.prepare('UPDATE run SET started_at = ? WHERE id = ?').run(1_000 + i, id)
    }
    expect(store.runs.list({ suiteId: a.id }).map((r) => [r.title, r.suiteId])).toEqual([['nightly A', a.id], ['run 0', a.id]])
    expect(store.runs.list({ kind: 'eval', suiteId: b.id }).map((r) => r.title)).toEqual(['run 1'])
    expect(store.runs.list({ kind: 'eval', suiteId: a.id, query: 'nightly' }).map((r) => r.title)).toEqual(['nightly A'])
    expect(store.runs.list({ kind: 'bench', suiteId: a.id })).toEqual([])
    expect(store.runs.list({ suiteId: 'no-such-suite' })).toEqual([])
    expect(store.runs.list({ kind: 'eval' }).map((r) => r.suiteId)).toEqual([null, a.id, b.id, a.id])
  })

  it('queued runs start later; markInterrupted catches queued and running ones', () => {
    const store = space.open()
    const queued = store.runs.create({ kind: 'bench', status: 'queued' })
    expect(store.runs.summary(queued).startedAt).toBeNull()
    store.runs.start(queued)
    expect(store.runs.summary(queued)).toMatchObject({ status: 'running' })
    expect(() => store.runs.start(queued)).toThrow(expect.objectContaining({ code: 'CONFLICT' }))
    store.runs.create({ kind: 'bench', status: 'queued' })
    expect(store.runs.markInterrupted()).toBe(2)
    expect(store.runs.list().map((r) => r.status)).toEqual(['interrupted', 'interrupted'])
    expect(store.runs.markInterrupted()).toBe(0)
  })

  it('CONFLICT when finishing a run twice; VALIDATION_FAILED for a non-final status', () => {
    const store = space.open()
    const id = store.runs.create({ kind: 'playground' })
    expect(() => store.runs.finish(id, 'running' as 'completed')).toThrow(expect.objectContaining({ code: 'VALIDATION_FAILED' }))
    store.runs.finish(id, 'failed', null, 'provider said no')
    expect(store.runs.meta(id).error).toBe('provider said no')
    expect(() => store.runs.finish(id, 'completed')).toThrow(
      expect.objectContaining({ code: 'CONFLICT', message: expect.stringContaining('already ended as failed') })
    )
    expect(store.runs.summary(id).status).toBe('failed')
  })

  it('NOT_FOUND for unknown runs and for unknown versions or suites a run names', () => {
    const store = space.open()
    expect(() => store.runs.get('nope')).toThrow(expect.objectContaining({ code: 'NOT_FOUND', message: expect.stringContaining('"nope"') }))
    expect(() => store.runs.finish('nope', 'completed')).toThrow(expect.objectContaining({ code: 'NOT_FOUND' }))
    expect(() => store.runs.create({ kind: 'eval', contractVersionId: 'cv-missing' })).toThrow(
      expect.objectContaining({ code: 'NOT_FOUND', message: expect.stringContaining('"cv-missing"') })
    )
    expect(() => store.runs.create({ kind: 'eval', datasetVersionId: 'dv-missing' })).toThrow(expect.objectContaining({ code: 'NOT_FOUND' }))
    expect(() => store.runs.create({ kind: 'eval', suiteId: 'suite-missing' })).toThrow(expect.objectContaining({ code: 'NOT_FOUND' }))
    expect(() => store.runs.create({ kind: 'weird' as 'eval' })).toThrow(expect.objectContaining({ code: 'VALIDATION_FAILED' }))
    expect(store.runs.list()).toEqual([])
  })
})

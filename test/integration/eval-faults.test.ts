import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { EvalResults } from '../../src/core/schemas/eval'
import { startEngineFixture, type EngineFixture } from '../support/engine-fixture'
import { startJob, type JobEvent } from '../support/job-events'

let fixture: EngineFixture
beforeAll(async () => {
  fixture = await startEngineFixture()
})
afterAll(async () => fixture.close())

const emu = (modelId: string) => ({ providerId: 'local-emulator', modelId })

describe('an eval under the emulator failure profiles', () => {
  it('classifies every call, never hangs, and the totals add up', async () => {
    const store = fixture.engine.context.store!
    const contract = store.contracts.create(
      { name: 'Faults', description: '', feature: 'faults' },
      {
        messages: [{ role: 'user', content: 'Say {{word}}' }],
        variables: [{ name: 'word', type: 'string', description: '', required: true }],
        output: { kind: 'text' },
        params: { maxTokens: 12 },
        budgets: {},
        candidates: [],
        // A short total timeout so the hanging model fails fast; one retry so 429s and 5xx are retried once.
        fallback: { retries: 1, timeoutMs: 1500, fallbacks: [] }
      }
    )
    const dataset = store.datasets.create({ name: 'Fault words' }, Array.from({ length: 6 }, (_, i) => ({ vars: { word: `w${i}` } })))
    const suite = store.suites.create({
      name: 'Faults',
      contractVersionId: contract.latest!.id,
      datasetVersionId: store.datasets.listVersions(dataset.id)[0]!.id,
      settings: {
        models: ['emu-flaky', 'emu-broken', 'emu-cut', 'emu-hang', 'emu-ratelimited', 'emu-garbled'].map(emu),
        assertions: [{ type: 'contains', value: ' ' }],
        concurrency: 8
      }
    })
    const started = Date.now()
    const job = await startJob(fixture.engine, 'evals.run', { suiteId: suite.id })
    const info = await job.settled()
    expect(info.status).toBe('completed')
    expect(Date.now() - started).toBeLessThan(60_000)

    const totals = (job.events.find((e) => e.type === 'totals') as JobEvent & { totals: Record<string, number> }).totals
    expect(totals.cells).toBe(36)
    expect(totals.completed! + totals.errored! + totals.cancelled!).toBe(36)
    const db = store.db
    const runId = info.runId!
    const byModel = db
      .prepare("SELECT model_id, group_concat(DISTINCT coalesce(error_class, 'ok')) AS classes, count(*) AS calls, sum(final) AS finals FROM call WHERE run_id = ? GROUP BY model_id ORDER BY model_id")
      .all(runId) as Array<{ model_id: string; classes: string; calls: number; finals: number }>
    const classes = Object.fromEntries(byModel.map((r) => [r.model_id, r.classes.split(',').sort()]))
    expect(classes['emu-broken']).toEqual(['server_error'])
    expect(classes['emu-hang']).toEqual(['timeout_total'])
    expect(classes['emu-ratelimited']).toEqual(['rate_limited'])
    expect(classes['emu-cut']).toEqual(['stream_interrupted'])
    expect(classes['emu-garbled']).toEqual(['malformed_response'])
    for (const r of byModel) expect(r.finals).toBe(6)
    // Retryable failures were retried once (2 attempts); the others were final at once.
    expect(byModel.find((r) => r.model_id === 'emu-broken')?.calls).toBe(12)
    expect(byModel.find((r) => r.model_id === 'emu-ratelimited')?.calls).toBe(12)
    expect(db.prepare('SELECT count(*) FROM call WHERE run_id = ? AND status = ? AND error_class IS NULL').pluck().get(runId, 'error')).toBe(0)

    const results = (await fixture.engine.dispatch('evals.results', { runId })) as EvalResults
    for (const s of results.stats) expect(s.passed + s.failed + s.errored + s.scoreErrors + s.pending).toBe(6)
    expect(results.stats.find((s) => s.columnKey.endsWith('emu-hang'))).toMatchObject({ errored: 6, passRate: 0, costPerSuccessUsd: null })
  }, 90_000)
})

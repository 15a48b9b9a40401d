import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { startEmulator, type RunningEmulator } from '../../emulator/server'
import { streamCall } from '../../providers/stream-call'
import { policy, target } from '../../providers/test-support'
import type { Store } from '../../store/store'
import { createTempSpace } from '../../store/testing/temp-store'
import type { EvalModel, EvalPlan, EvalVariant } from './eval-plan'
import type { EvalFinalRow } from '../../store/repos/eval-result-repo'
import { runEval, type CellEvent, type CellScorer } from './run-eval'

let emu: RunningEmulator
const space = createTempSpace('switchyard-eval-')
beforeAll(async () => {
  emu = await startEmulator({ port: 0 })
})
afterAll(async () => {
  await emu.close()
})
afterEach(() => space.cleanup())

const variant: EvalVariant = {
  id: 'variant-a',
  label: 'v1',
  messages: [{ role: 'user', content: 'Say the word {{word}}.' }],
  params: { maxTokens: 12 },
  output: { kind: 'text' },
  feature: 'triage'
}

function model(modelId: string, headers: Record<string, string> = {}): EvalModel {
  const t = target('openai', modelId, { baseUrl: `${emu.url}/v1`, options: { headers } })
  return { ref: { providerId: t.provider.id, modelId }, target: t, prices: { inputPricePerMTok: 1, outputPricePerMTok: 2, cachedInputPricePerMTok: null } }
}

/** A store with an eval run and a dataset version of `n` cases; returns the plan's pieces. */
function setup(store: Store, n: number) {
  const dataset = store.datasets.create({ name: `set ${n}` }, Array.from({ length: n }, (_, i) => ({ vars: { word: `w${i}` }, expected: `w${i}` })))
  const page = store.datasets.cases(dataset.id, { limit: 1000 })
  const runId = store.runs.create({ kind: 'eval', title: 'test run' })
  const cases = page.cases.map((c, index) => ({ id: c.id, index, vars: c.vars, expected: c.expected, assertions: [] }))
  return { runId, cases }
}

/** Passes when the output is non-empty: the emulator's text is seeded filler. */
const nonEmpty: CellScorer = async ({ output }) => {
  const pass = output.length > 0
  return { pass, score: pass ? 1 : 0, reason: pass ? 'has text' : 'empty', assertions: [{ type: 'non-empty', pass, score: pass ? 1 : 0, reason: null, weight: 1, error: null }] }
}

function plan(runId: string, cases: EvalPlan['cases'], models: EvalModel[], extra: Partial<EvalPlan> = {}): EvalPlan {
  return { runId, cases, variants: [variant], models, repeats: 1, concurrencyPerProvider: 4, cache: false, policy: policy({ retries: 2 }), ...extra }
}

describe('runEval', () => {
  it('runs every cell once, scores it and commits calls with their scores', async () => {
    const store = space.open()
    const { runId, cases } = setup(store, 6)
    const events: CellEvent[] = []
    const progress: number[] = []
    const totals = await runEval({
      plan: plan(runId, cases, [model('emu-instant'), model('emu-swift')], { repeats: 2 }),
      done: new Set(),
      sink: store.evalCells,
      streamCall,
      score: nonEmpty,
      signal: new AbortController().signal,
      onCells: (batch) => events.push(...batch),
      onProgress: (done) => progress.push(done)
    })
    expect(totals).toMatchObject({ cells: 24, skipped: 0, completed: 24, passed: 24, errored: 0, cancelled: 0, calls: 24 })
    expect(events).toHaveLength(24)
    expect(progress.at(-1)).toBe(24)
    const rows = store.db.prepare('SELECT count(*) AS n, sum(final) AS finals, count(DISTINCT case_id) AS cases FROM call WHERE run_id = ?').get(runId)
    expect(rows).toEqual({ n: 24, finals: 24, cases: 6 })
    expect(store.db.prepare('SELECT count(*) FROM score s JOIN call c ON c.id = s.call_id WHERE c.run_id = ? AND s.pass = 1').pluck().get(runId)).toBe(48)
    expect(store.db.prepare("SELECT count(*) FROM score WHERE assertion_type = 'verdict' AND weight = 0").pluck().get()).toBe(24)
    expect(store.db.prepare("SELECT DISTINCT variant || '|' || feature FROM call WHERE run_id = ?").pluck().all(runId)).toEqual(['variant-a|triage'])
    expect(store.evalCells.doneCellKeys(runId).size).toBe(24)
  })

  it('records retried attempts as non-final and the deciding one as final; errors are outcomes, not throws', async () => {
    const store = space.open()
    const { runId, cases } = setup(store, 2)
    const retries: string[] = []
    const totals = await runEval({
      plan: plan(runId, cases, [model('emu-broken')], { policy: policy({ retries: 1 }) }),
      done: new Set(),
      sink: store.evalCells,
      streamCall,
      score: nonEmpty,
      signal: new AbortController().signal,
      onRetry: (info) => retries.push(info.errorClass),
      random: () => 0.99
    })
    expect(totals).toMatchObject({ cells: 2, completed: 0, errored: 2, calls: 4 })
    expect(retries).toEqual(['server_error', 'server_error'])
    const calls = store.db.prepare('SELECT attempt, final, status, error_class FROM call WHERE run_id = ? ORDER BY case_id, attempt').all(runId)
    expect(calls).toEqual([
      { attempt: 1, final: 0, status: 'error', error_class: 'server_error' },
      { attempt: 2, final: 1, status: 'error', error_class: 'server_error' },
      { attempt: 1, final: 0, status: 'error', error_class: 'server_error' },
      { attempt: 2, final: 1, status: 'error', error_class: 'server_error' }
    ])
  })

  it('a rate limit pauses the provider for its Retry-After, then the cell succeeds', async () => {
    const store = space.open()
    const { runId, cases } = setup(store, 1)
    let calls = 0
    const started = Date.now()
    const totals = await runEval({
      plan: plan(runId, cases, [model('emu-instant')], { policy: policy({ retries: 2 }) }),
      done: new Set(),
      sink: store.evalCells,
      streamCall: async (t, request, p, hooks) => {
        calls++
        const headers = calls === 1 ? { 'x-emulator-failure': 'rate_limit', 'x-emulator-retry-after': '1' } : {}
        return streamCall({ ...t, provider: { ...t.provider, options: { headers } } }, request, p, hooks)
      },
      score: nonEmpty,
      signal: new AbortController().signal
    })
    expect(totals).toMatchObject({ completed: 1, passed: 1, calls: 2 })
    expect(Date.now() - started).toBeGreaterThanOrEqual(1000)
  })

  it('resumes: cells with a final call are skipped, the rest run, and no cell is recorded twice', async () => {
    const store = space.open()
    const { runId, cases } = setup(store, 5)
    const controller = new AbortController()
    let finished = 0
    const first = await runEval({
      plan: plan(runId, cases, [model('emu-swift')], { concurrencyPerProvider: 1 }),
      done: new Set(),
      sink: store.evalCells,
      streamCall,
      score: nonEmpty,
      signal: controller.signal,
      onProgress: (done) => {
        finished = done
        if (done === 2) controller.abort(new Error('cancelled by the user'))
      }
    })
    expect(finished).toBe(5)
    expect(first.completed).toBe(2)
    expect(first.cancelled).toBe(3)
    const done = store.evalCells.doneCellKeys(runId)
    expect(done.size).toBe(2)
    const second = await runEval({
      plan: plan(runId, cases, [model('emu-swift')]),
      done,
      sink: store.evalCells,
      streamCall,
      score: nonEmpty,
      signal: new AbortController().signal
    })
    expect(second).toMatchObject({ skipped: 2, completed: 3, cancelled: 0 })
    expect(store.db.prepare('SELECT count(*) FROM call WHERE run_id = ? AND final = 1').pluck().get(runId)).toBe(5)
  })

  it('serves a repeated request from the cache at no cost, and never caches errors', async () => {
    const store = space.open()
    const { runId, cases } = setup(store, 3)
    const base = { done: new Set<string>(), sink: store.evalCells, streamCall, score: nonEmpty, signal: new AbortController().signal }
    await runEval({ ...base, plan: plan(runId, cases, [model('emu-swift')], { cache: true }) })
    const again = store.runs.create({ kind: 'eval', title: 'again' })
    const totals = await runEval({ ...base, plan: plan(again, cases, [model('emu-swift'), model('emu-broken')], { cache: true, policy: policy({ retries: 0 }) }) })
    expect(totals).toMatchObject({ cacheHits: 3, completed: 3, errored: 3 })
    const cached = store.db.prepare('SELECT cache_hit, cost_usd, output_text IS NOT NULL AS has_text FROM call WHERE run_id = ? AND model_id = ?').all(again, 'emu-swift')
    expect(cached).toEqual(Array.from({ length: 3 }, () => ({ cache_hit: 1, cost_usd: 0, has_text: 1 })))
    const third = store.runs.create({ kind: 'eval', title: 'third' })
    const broken = await runEval({ ...base, plan: plan(third, cases, [model('emu-broken')], { cache: true, policy: policy({ retries: 0 }) }) })
    expect(broken).toMatchObject({ cacheHits: 0, errored: 3 })
  })

  it('a scorer that throws marks the cell as a scoring error, not a fail', async () => {
    const store = space.open()
    const { runId, cases } = setup(store, 1)
    const totals = await runEval({
      plan: plan(runId, cases, [model('emu-instant')]),
      done: new Set(),
      sink: store.evalCells,
      streamCall,
      score: async () => {
        throw new Error('judge model answered 500')
      },
      signal: new AbortController().signal
    })
    expect(totals).toMatchObject({ completed: 1, scoreErrors: 1, passed: 0, failed: 0 })
    expect(store.db.prepare('SELECT assertion_type, pass, error FROM score ORDER BY assertion_type').all()).toEqual([
      { assertion_type: 'scorer', pass: null, error: 'judge model answered 500' },
      { assertion_type: 'verdict', pass: null, error: 'judge model answered 500' }
    ])
  })

  it('reports every deciding call exactly as the store reads it back: passes, fails, scoring errors, errors, cache hits', async () => {
    const store = space.open()
    const { runId, cases } = setup(store, 4)
    const base = { done: new Set<string>(), sink: store.evalCells, streamCall, signal: new AbortController().signal }
    await runEval({ ...base, score: nonEmpty, plan: plan(runId, cases, [model('emu-swift')], { cache: true }) })
    const second = store.runs.create({ kind: 'eval', title: 'second' })
    const reported: EvalFinalRow[] = []
    const mixed: CellScorer = async ({ cell }) => {
      if (cell.case.index === 0) throw new Error('judge model answered 500')
      const pass = cell.case.index !== 1
      return { pass, score: pass ? 0.75 : 0.25, reason: null, assertions: [{ type: 'mixed', pass, score: pass ? 0.75 : 0.25, reason: null, weight: 1, error: null }] }
    }
    const totals = await runEval({
      ...base,
      score: mixed,
      plan: plan(second, cases, [model('emu-swift'), model('emu-broken')], { cache: true, policy: policy({ retries: 1 }) }),
      onFinal: (row) => reported.push(row),
      random: () => 0.99
    })
    expect(totals).toMatchObject({ cacheHits: 4, passed: 2, failed: 1, scoreErrors: 1, errored: 4, calls: 12 })
    const byId = (a: EvalFinalRow, b: EvalFinalRow): number => a.callId.localeCompare(b.callId)
    expect(reported).toHaveLength(8)
    expect([...reported].sort(byId)).toEqual(store.evalResults.finals(second).sort(byId))
  })
})

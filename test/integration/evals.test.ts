import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { EvalResults } from '../../src/core/schemas/eval'
import type { EvalCellDetail, EvalComparison, EvalEstimate, PromptfooImportResult, TrendPoint } from '../../src/core/schemas/eval-api'
import type { Suite } from '../../src/core/schemas/suite'
import type { ContractDetail, DatasetSummary } from '../../src/core/schemas/workspace'
import { startEngineFixture, type EngineFixture } from '../support/engine-fixture'
import { startJob, type JobEvent } from '../support/job-events'

let fixture: EngineFixture
const dispatch = <T>(op: string, request: unknown) => fixture.engine.dispatch(op, request) as Promise<T>
const emu = (modelId: string) => ({ providerId: 'local-emulator', modelId })
let contract: ContractDetail
let dataset: DatasetSummary
let datasetVersionId: string

beforeAll(async () => {
  fixture = await startEngineFixture()
  const [summary] = await dispatch<Array<{ id: string }>>('contracts.list', {})
  contract = await dispatch<ContractDetail>('contracts.get', { id: summary!.id })
  dataset = (await dispatch<DatasetSummary[]>('datasets.list', {})).find((d) => d.name === 'Triage golden set')!
  datasetVersionId = fixture.engine.context.store!.datasets.listVersions(dataset.id)[0]!.id
})
afterAll(async () => fixture.close())

async function suite(name: string, settings: Record<string, unknown>): Promise<Suite> {
  return dispatch<Suite>('suites.create', { name, contractVersionId: contract.latest!.id, datasetVersionId, settings })
}

async function run(suiteId: string, overrides: Record<string, unknown> = {}) {
  const job = await startJob(fixture.engine, 'evals.run', { suiteId, overrides })
  const info = await job.settled()
  const created = job.events.find((e) => e.type === 'run-created') as JobEvent & { runId: string; cells: number }
  return { info, events: job.events, runId: created.runId, cells: created.cells }
}

describe('eval suites end to end on the engine', () => {
  let first: Awaited<ReturnType<typeof run>>
  let suiteId: string

  it('estimates, runs the sample suite against two emulator models and commits every cell with its scores', async () => {
    const s = await suite('Triage: swift vs flaky', { models: [emu('emu-swift'), emu('emu-flaky')], thresholds: { minPassRate: 0.5 }, concurrency: 4 })
    suiteId = s.id
    const estimate = await dispatch<EvalEstimate>('evals.estimate', { suiteId })
    expect(estimate).toMatchObject({ cases: 10, variants: 1, models: 2, repeats: 1, calls: 20 })
    expect(estimate.inputTokens).toBeGreaterThan(1000)
    expect(estimate.maxCostUsd).toBeGreaterThan(estimate.minCostUsd ?? 0)

    first = await run(suiteId)
    expect(first.info.status).toBe('completed')
    expect(first.cells).toBe(20)
    const totals = first.events.find((e) => e.type === 'totals') as JobEvent & { totals: { completed: number; errored: number; cancelled: number }; verdict: string }
    expect(totals.totals.completed + totals.totals.errored + totals.totals.cancelled).toBe(20)
    const streamed = first.events.filter((e) => e.type === 'cells').flatMap((e) => e.cells as unknown[])
    expect(streamed).toHaveLength(20)

    const results = await dispatch<EvalResults>('evals.results', { runId: first.runId })
    expect(results.columns.map((c) => c.modelId)).toEqual(['emu-swift', 'emu-flaky'])
    expect(results.rows).toHaveLength(10)
    const swift = results.stats[0]!
    expect(swift.decided + swift.scoreErrors + swift.pending).toBe(10)
    expect(swift.passRateInterval).not.toBeNull()
    expect(swift.costUsd).toBeGreaterThan(0)
    expect(swift.latencyP95Ms).toBeGreaterThan(0)
    expect(results.gates.map((g) => g.gate)).toEqual(['minPassRate', 'minPassRate'])
    expect(results.verdict).toBe(totals.verdict)
    // Runs name the suite they were started from (the suite page lists exactly its own runs).
    const listed = (await dispatch<Array<{ id: string; suiteId: string | null }>>('runs.list', { kind: 'eval' })).find((r) => r.id === first.runId)
    expect(listed?.suiteId).toBe(suiteId)
    const ofSuite = await dispatch<Array<{ id: string }>>('runs.list', { kind: 'eval', suiteId })
    expect(ofSuite.map((r) => r.id)).toEqual([first.runId])
    // Every row above was committed by the store's writer thread, not on the engine's event loop.
    expect(fixture.engine.context.store!.backgroundWriter().mode()).toBe('worker')

    const cell = await dispatch<EvalCellDetail>('evals.cell', { runId: first.runId, caseId: results.rows[0]!.caseId, columnKey: results.columns[0]!.key })
    expect(cell.messages.map((m) => m.role)).toEqual(['system', 'user'])
    expect(cell.messages[1]!.content).toContain(String(cell.vars.ticket))
    const final = cell.attempts.find((a) => a.final)!
    expect(final.scores.map((s) => s.type)).toEqual(['is-json', 'json-path', 'json-path', 'verdict'])
  })

  it('compares two runs case by case with a verdict sentence, and shows the trend', async () => {
    const second = await run(suiteId, { models: [emu('emu-swift')], cache: true })
    expect(second.info.status).toBe('completed')
    const cached = second.events.find((e) => e.type === 'totals') as JobEvent & { totals: { cacheHits: number } }
    expect(cached.totals.cacheHits).toBeGreaterThan(0)
    const comparison = await dispatch<EvalComparison>('evals.compare', { runA: first.runId, runB: second.runId })
    expect(comparison.columnA).toContain('emu-swift')
    expect(comparison.columnB).toContain('emu-swift')
    expect(comparison.pairedCases + comparison.unpaired).toBe(10)
    expect(comparison.verdict.length).toBeGreaterThan(10)
    const trend = await dispatch<TrendPoint[]>('evals.trend', { contractId: contract.id })
    expect(trend.map((p) => p.runId)).toEqual([first.runId, first.runId, second.runId])
  })

  it('a cancelled run resumes to completion without recording any cell twice', async () => {
    const s = await suite('Triage resume', { models: [emu('emu-steady')], concurrency: 1 })
    const job = await startJob(fixture.engine, 'evals.run', { suiteId: s.id, overrides: {} })
    await job.waitFor((e) => e.type === 'progress' && (e.done as number) >= 3, 20_000)
    await dispatch('jobs.cancel', { jobId: job.jobId })
    const info = await job.settled()
    expect(info.status).toBe('cancelled')
    const runId = info.runId!
    expect(fixture.engine.context.store!.runs.summary(runId).status).toBe('cancelled')
    const before = fixture.engine.context.store!.evalCells.doneCellKeys(runId).size
    expect(before).toBeGreaterThanOrEqual(3)
    expect(before).toBeLessThan(10)

    const resumed = await startJob(fixture.engine, 'evals.resume', { runId })
    const after = await resumed.settled()
    expect(after.status).toBe('completed')
    const created = resumed.events.find((e) => e.type === 'run-created') as JobEvent & { alreadyDone: number }
    expect(created.alreadyDone).toBe(before)
    const db = fixture.engine.context.store!.db
    expect(db.prepare('SELECT count(*) FROM call WHERE run_id = ? AND final = 1').pluck().get(runId)).toBe(10)
    expect(db.prepare('SELECT count(DISTINCT case_id) FROM call WHERE run_id = ? AND final = 1').pluck().get(runId)).toBe(10)
    await expect(dispatch('evals.resume', { runId })).rejects.toMatchObject({ code: 'CONFLICT' })
  })

  it('refuses bad suites before any run exists', async () => {
    const runsBefore = fixture.engine.context.store!.runs.list({ kind: 'eval', limit: 500 }).length
    await expect(dispatch('suites.create', { name: 'x', contractVersionId: 'nope', datasetVersionId })).rejects.toMatchObject({ code: 'NOT_FOUND' })
    await expect(suite('Triage: swift vs flaky', {})).rejects.toMatchObject({ code: 'CONFLICT' })
    const noModels = await dispatch<Suite>('suites.create', { name: 'No models', contractVersionId: contract.latest!.id, datasetVersionId, settings: { models: [] } })
    await expect(dispatch('evals.run', { suiteId: noModels.id })).rejects.toMatchObject({ code: 'VALIDATION_FAILED', message: expect.stringMatching(/has no models/) })
    const unknownModel = await suite('Unknown model', { models: [emu('emu-nope')] })
    await expect(dispatch('evals.run', { suiteId: unknownModel.id })).rejects.toMatchObject({ code: 'NOT_FOUND', message: expect.stringMatching(/emu-nope/) })
    const store = fixture.engine.context.store!
    const partial = store.datasets.create({ name: 'Missing tickets' }, [{ vars: { customer_tier: 'pro' } }])
    const partialVersion = store.datasets.listVersions(partial.id)[0]!.id
    const bad = await dispatch<Suite>('suites.create', { name: 'Missing vars', contractVersionId: contract.latest!.id, datasetVersionId: partialVersion, settings: { models: [emu('emu-swift')] } })
    await expect(dispatch('evals.run', { suiteId: bad.id })).rejects.toMatchObject({ code: 'VALIDATION_FAILED', message: expect.stringMatching(/1 case cannot be rendered.*ticket/) })
    expect(store.runs.list({ kind: 'eval', limit: 500 })).toHaveLength(runsBefore)
  })

  it('imports a promptfoo config as a contract with one version per prompt, a dataset and a suite, and runs it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'switchyard-pf-'))
    writeFileSync(
      join(dir, 'promptfooconfig.yaml'),
      `description: Capitals
prompts:
  - 'What is the capital of {{country}}? Answer in one word.'
  - 'Name the capital city of {{ country }}.'
providers:
  - openai:gpt-4.1-mini
tests:
  - vars: { country: France }
    assert:
      - type: icontains
        value: paris
  - vars: { country: Japan }
    assert:
      - type: rouge-n
        value: Tokyo
defaultTest:
  assert:
    - type: latency
      threshold: 5000
`
    )
    const imported = await dispatch<PromptfooImportResult>('evals.importPromptfoo', { path: join(dir, 'promptfooconfig.yaml') })
    expect(imported.contract).toMatchObject({ name: 'Capitals', versions: [1, 2] })
    expect(imported.dataset).toMatchObject({ caseCount: 2 })
    expect(imported.providers).toEqual([expect.objectContaining({ id: 'openai:gpt-4.1-mini', providerId: null })])
    expect(imported.unsupported.map((u) => u.where)).toEqual(['tests[1].assert[0]'])
    const done = await run(imported.suite.id, { models: [emu('emu-instant')] })
    expect(done.info.status).toBe('completed')
    const results = await dispatch<EvalResults>('evals.results', { runId: done.runId })
    expect(results.columns.map((c) => c.variantLabel)).toEqual(['Capitals v1', 'Capitals v2'])
    expect(results.stats.map((s) => s.decided)).toEqual([2, 2])
    await expect(dispatch('evals.importPromptfoo', { path: join(dir, 'missing.yaml') })).rejects.toMatchObject({ code: 'VALIDATION_FAILED', message: expect.stringMatching(/missing\.yaml: cannot read it \(ENOENT\)/) })
  })
})

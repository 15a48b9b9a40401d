import { afterEach, describe, expect, it } from 'vitest'
import { createTempSpace } from '../testing/temp-store'
import { contractBody, okCall } from '../testing/fixtures'

const space = createTempSpace()
afterEach(() => space.cleanup())

describe('contract measurements', () => {
  it('finds the latest completed eval and eval-or-bench run over every version of the contract', () => {
    const store = space.open()
    const contract = store.contracts.create({ name: 'Triage' }, contractBody())
    const other = store.contracts.create({ name: 'Other' }, contractBody())
    const v1 = contract.latest!.id
    const v2 = store.contracts.saveVersion(contract.id, contractBody('v2 {{text}}')).id
    expect(store.contractMeasurements.latestEval(contract.id)).toBeNull()

    const evalRun = store.runs.create({ kind: 'eval', title: 'Golden set', contractVersionId: v1 })
    store.runs.finish(evalRun, 'completed')
    store.runs.finish(store.runs.create({ kind: 'eval', contractVersionId: v2 }), 'failed')
    store.runs.create({ kind: 'eval', contractVersionId: v2 }) // still running
    store.runs.finish(store.runs.create({ kind: 'playground', contractVersionId: v2 }), 'completed')
    store.runs.finish(store.runs.create({ kind: 'eval', contractVersionId: other.latest!.id }), 'completed')

    expect(store.contractMeasurements.latestEval(contract.id)).toMatchObject({ runId: evalRun, kind: 'eval', title: 'Golden set', contractVersionId: v1, version: 1 })
    expect(store.contractMeasurements.latestEvalOrBench(contract.id)?.runId).toBe(evalRun)

    const bench = store.runs.create({ kind: 'bench', contractVersionId: v2 })
    store.runs.finish(bench, 'completed')
    expect(store.contractMeasurements.latestEval(contract.id)?.runId).toBe(evalRun)
    expect(store.contractMeasurements.latestEvalOrBench(contract.id)).toMatchObject({ runId: bench, kind: 'bench', version: 2 })
  })

  it("reads a run's calls with their score counts", () => {
    const store = space.open()
    const contract = store.contracts.create({ name: 'Triage' }, contractBody())
    const runId = store.runs.create({ kind: 'eval', contractVersionId: contract.latest!.id })
    const [a, b] = store.calls.insertMany([okCall(runId, 0, { latencyMs: 700, repeatIndex: 1, attempt: 2 }), okCall(runId, 1, { status: 'error', costUsd: null })])
    store.scores.insertMany([
      { callId: a!, assertionType: 'is-json', pass: true },
      { callId: a!, assertionType: 'equals', pass: false },
      { callId: a!, assertionType: 'llm-rubric', pass: null, error: 'judge failed' }
    ])
    const rows = store.contractMeasurements.calls(runId)
    expect(rows).toHaveLength(2)
    expect(rows.find((r) => r.id === a)).toMatchObject({ modelId: 'emu-swift', latencyMs: 700, repeatIndex: 1, attempt: 2, status: 'ok', scoreCount: 3, passCount: 1, costUsd: 0.0001 })
    expect(rows.find((r) => r.id === b)).toMatchObject({ status: 'error', scoreCount: 0, passCount: 0, costUsd: null })
  })
})

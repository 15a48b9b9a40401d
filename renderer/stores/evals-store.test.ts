import { afterEach, describe, expect, it } from 'vitest'
import type { SwitchyardClient } from '../../src/core/client'
import type { RunSummary } from '../../src/core/schemas/run'
import { setClient } from '../api/client'
import { useEvalsStore } from './evals-store'

afterEach(() => {
  setClient(null)
  useEvalsStore.setState({ suiteRuns: {} })
})

const run = (id: string, suiteId: string | null): RunSummary => ({
  id,
  kind: 'eval',
  status: 'completed',
  title: id,
  suiteId,
  contractVersionId: 'cv',
  datasetVersionId: 'dv',
  startedAt: null,
  finishedAt: null,
  callCount: 0,
  errorCount: 0,
  costUsd: null
})

/** The engine side of runs.list, as the web client would answer it: newest first, filtered by suite. */
function clientWith(runs: RunSummary[], requests: unknown[]): SwitchyardClient {
  return {
    face: 'web',
    call: (async (op: string, request: { suiteId?: string }) => {
      requests.push({ op, request })
      return request.suiteId === undefined ? runs : runs.filter((r) => r.suiteId === request.suiteId)
    }) as SwitchyardClient['call'],
    start: (async () => ({ jobId: 'j' })) as SwitchyardClient['start'],
    onJobEvent: () => () => {}
  }
}

describe('evals store: the runs of a suite', () => {
  it("loads a suite's own runs through runs.list with its id, and refreshes them with the eval runs", async () => {
    const requests: unknown[] = []
    const runs = [run('r3', 's1'), run('r2', 's2'), run('r1', 's1')]
    setClient(clientWith(runs, requests))
    await useEvalsStore.getState().loadSuiteRuns('s1')
    expect(requests).toEqual([{ op: 'runs.list', request: { kind: 'eval', suiteId: 's1', limit: 200 } }])
    expect(useEvalsStore.getState().suiteRuns.s1?.data?.map((r) => r.id)).toEqual(['r3', 'r1'])

    runs.unshift(run('r4', 's1'))
    requests.length = 0
    await useEvalsStore.getState().loadRuns()
    expect(requests).toEqual(
      expect.arrayContaining([
        { op: 'runs.list', request: { kind: 'eval', limit: 100 } },
        { op: 'runs.list', request: { kind: 'eval', suiteId: 's1', limit: 200 } }
      ])
    )
    expect(useEvalsStore.getState().suiteRuns.s1?.data?.map((r) => r.id)).toEqual(['r4', 'r3', 'r1'])
    expect(useEvalsStore.getState().suiteRuns.s2).toBeUndefined()
  })
})

import { afterEach, describe, expect, it } from 'vitest'
import { CallRecord } from '../../core/schemas/run'
import { createTempSpace } from '../testing/temp-store'
import { okCall } from '../testing/fixtures'

const space = createTempSpace()
afterEach(() => space.cleanup())

describe('calls', () => {
  it('inserts one call and reads it back as a core CallRecord', () => {
    const store = space.open()
    const runId = store.runs.create({ kind: 'playground' })
    const id = store.calls.insert(okCall(runId, 0, { attempt: 2, cachedTokens: 12, reasoningTokens: 7, usageEstimated: true }))
    const [call] = store.calls.listByRun(runId)
    expect(call && CallRecord.parse(call)).toEqual(call)
    expect(call).toMatchObject({ id, runId, caseId: null, attempt: 2, status: 'ok', startedAt: '2026-11-27T00:00:00.000Z', ttftMs: 120, cachedTokens: 12, reasoningTokens: 7, usageEstimated: true, finishReason: 'stop' })
    expect(store.calls.find(id)).toEqual(call)
    const raw = store.db.prepare('SELECT variant, repeat_index, request_hash, itl_p95_ms, output_json, feature FROM call WHERE id = ?').get(id)
    expect(raw).toEqual({ variant: null, repeat_index: 0, request_hash: 'h0', itl_p95_ms: 21, output_json: '{"category":"billing","priority":"high"}', feature: 'support-triage' })
  })

  it('inserts many in one transaction, in order, linked to dataset cases', () => {
    const store = space.open()
    const dataset = store.datasets.create({ name: 'D' }, [{ vars: { a: 1 } }, { vars: { a: 2 } }])
    const [c0, c1] = store.datasets.cases(dataset.id).cases
    const runId = store.runs.create({ kind: 'eval' })
    const ids = store.calls.insertMany([
      okCall(runId, 0, { caseId: c0?.id, repeatIndex: 0 }),
      okCall(runId, 1, { caseId: c1?.id, repeatIndex: 0 }),
      okCall(runId, 2, { caseId: c0?.id, repeatIndex: 1, startedAt: '2026-11-27T00:00:05.000Z' })
    ])
    expect(ids).toHaveLength(3)
    expect(new Set(ids).size).toBe(3)
    expect(store.calls.countByRun(runId)).toBe(3)
    expect(store.calls.listByRun(runId).map((c) => [c.id, c.caseId])).toEqual([[ids[0], c0?.id], [ids[1], c1?.id], [ids[2], c0?.id]])
  })

  it('NOT_FOUND for an unknown run or case, and a failed batch stores nothing', () => {
    const store = space.open()
    const runId = store.runs.create({ kind: 'eval' })
    expect(() => store.calls.insert(okCall('no-such-run'))).toThrow(
      expect.objectContaining({ code: 'NOT_FOUND', message: expect.stringContaining('Run "no-such-run" does not exist') })
    )
    expect(() => store.calls.insertMany([okCall(runId, 0), okCall(runId, 1, { caseId: 'no-such-case' })])).toThrow(
      expect.objectContaining({ code: 'NOT_FOUND', message: expect.stringContaining('"no-such-case"') })
    )
    expect(store.calls.countByRun(runId)).toBe(0)
  })

  it('CONFLICT for a duplicate id; VALIDATION_FAILED naming the row and field', () => {
    const store = space.open()
    const runId = store.runs.create({ kind: 'eval' })
    store.calls.insert(okCall(runId, 0, { id: 'fixed' }))
    expect(() => store.calls.insert(okCall(runId, 1, { id: 'fixed' }))).toThrow(expect.objectContaining({ code: 'CONFLICT' }))
    const bad = [
      [{ status: 'done' as 'ok' }, 'status'],
      [{ errorClass: 'gremlins' as 'network' }, 'errorClass'],
      [{ inputTokens: 1.5 }, 'inputTokens'],
      [{ latencyMs: -1 }, 'latencyMs'],
      [{ attempt: 0 }, 'attempt'],
      [{ startedAt: 'yesterday' }, 'startedAt'],
      [{ modelId: '' }, 'modelId']
    ] as const
    for (const [patch, field] of bad) {
      expect(() => store.calls.insertMany([okCall(runId, 1), okCall(runId, 2, patch)])).toThrow(
        expect.objectContaining({ code: 'VALIDATION_FAILED', message: expect.stringContaining(`1.${field}`) })
      )
    }
    expect(store.calls.countByRun(runId)).toBe(1)
  })

  it('keeps call history when the provider is removed', () => {
    const store = space.open()
    const p = store.providers.create({ kind: 'openai', name: 'OpenAI', baseUrl: null })
    const runId = store.runs.create({ kind: 'probe' })
    store.calls.insert(okCall(runId, 0, { providerId: p.id }))
    store.providers.remove(p.id)
    expect(store.calls.listByRun(runId)[0]?.providerId).toBe(p.id)
  })
})

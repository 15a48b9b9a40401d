import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Feedback, FeedbackItem } from '../../src/core/api/dataset-transfer-operations'
import type { JobInfo } from '../../src/core/schemas/jobs'
import type { RunDetail } from '../../src/core/schemas/run'
import type { DatasetCase } from '../../src/core/schemas/workspace'
import { startServerFixture } from '../support/engine-fixture'

let fixture: Awaited<ReturnType<typeof startServerFixture>>
let base: string
let auth: Record<string, string>
let calls: RunDetail['calls'] = []

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- response bodies are asserted field by field
async function post(op: string, body: unknown): Promise<{ status: number; json: any }> {
  const res = await fetch(`${base}/api/${op}`, { method: 'POST', headers: auth, body: JSON.stringify(body) })
  return { status: res.status, json: await res.json() }
}
async function ok<T>(op: string, body: unknown): Promise<T> {
  const { status, json } = await post(op, body)
  if (status !== 200) throw new Error(`${op} answered ${status}: ${JSON.stringify(json)}`)
  return json as T
}

beforeAll(async () => {
  fixture = await startServerFixture()
  base = fixture.server.url.replace(/\/$/, '')
  auth = { authorization: `Bearer ${fixture.server.token}`, 'content-type': 'application/json' }
  const { jobId } = await ok<{ jobId: string }>('playground.run', {
    messages: [{ role: 'user', content: 'Summarise {{text}} in a sentence.' }],
    variables: { text: 'circuit breakers, with "quotes", commas' },
    params: { maxTokens: 30 },
    models: [
      { providerId: 'local-emulator', modelId: 'emu-swift' },
      { providerId: 'local-emulator', modelId: 'emu-instant' },
      { providerId: 'local-emulator', modelId: 'emu-steady' }
    ]
  })
  let info = await ok<JobInfo>('jobs.get', { jobId })
  for (let i = 0; info.status === 'running' && i < 300; i++) {
    await new Promise((r) => setTimeout(r, 100))
    info = await ok<JobInfo>('jobs.get', { jobId })
  }
  expect(info.status).toBe('completed')
  calls = (await ok<RunDetail>('runs.get', { id: info.runId! })).calls
  expect(calls).toHaveLength(3)
})
afterAll(async () => fixture.close())

describe('feedback on calls', () => {
  it('sets, replaces, reads and clears a call’s thumbs and note', async () => {
    const [a, b] = calls as [RunDetail['calls'][0], RunDetail['calls'][0]]
    expect(await ok('feedback.set', { callId: a.id, rating: 1, note: '' })).toMatchObject({ feedback: { callId: a.id, rating: 1, note: '' } })
    await ok('feedback.set', { callId: a.id, rating: -1, note: 'Misses the point about failing fast.' })
    await ok('feedback.set', { callId: b.id, rating: 1 })
    const current = await ok<Feedback[]>('feedback.forCalls', { callIds: calls.map((c) => c.id) })
    expect(current.map((f) => [f.callId, f.rating, f.note])).toEqual([
      [a.id, -1, 'Misses the point about failing fast.'],
      [b.id, 1, '']
    ])
    const c = calls[2]!
    await ok('feedback.set', { callId: c.id, rating: 0, note: 'fine' })
    expect(await ok('feedback.set', { callId: c.id, rating: null, note: '' })).toEqual({ feedback: null })
    expect(await ok<Feedback[]>('feedback.forCalls', { callIds: [c.id] })).toEqual([])
  })

  it('refuses feedback on an unknown call and a rating out of range', async () => {
    expect(await post('feedback.set', { callId: 'nope', rating: 1 })).toMatchObject({ status: 404, json: { error: { code: 'NOT_FOUND' } } })
    expect(await post('feedback.set', { callId: calls[0]!.id, rating: 2 })).toMatchObject({ status: 400, json: { error: { code: 'VALIDATION_FAILED', issues: [{ path: 'rating' }] } } })
  })

  it('lists calls with feedback, filtered, with their variables and output', async () => {
    const all = await ok<{ total: number; items: FeedbackItem[] }>('feedback.list', {})
    expect(all.total).toBe(2)
    const down = await ok<{ items: FeedbackItem[] }>('feedback.list', { rating: 'down' })
    expect(down.items).toHaveLength(1)
    expect(down.items[0]).toMatchObject({
      callId: calls[0]!.id,
      runKind: 'playground',
      modelId: calls[0]!.modelId,
      vars: { text: 'circuit breakers, with "quotes", commas' },
      note: 'Misses the point about failing fast.',
      inDatasets: []
    })
    expect(down.items[0]!.output!.length).toBeGreaterThan(0)
    expect((await ok<{ total: number }>('feedback.list', { withNote: true })).total).toBe(1)
    expect((await ok<{ total: number }>('feedback.list', { rating: 'up' })).total).toBe(1)
  })
})

describe('feedback.toCases', () => {
  it('turns a thumbs-down into a case of a new dataset (output as a reference), then adds the thumbs-up as expected output', async () => {
    const [a, b] = calls as [RunDetail['calls'][0], RunDetail['calls'][0]]
    const first = await ok<{ datasetId: string; version: number; added: number; skipped: number }>('feedback.toCases', { callIds: [a.id], newDatasetName: 'Regressions' })
    expect(first).toMatchObject({ version: 1, added: 1, skipped: 0 })
    const second = await ok<{ version: number; added: number; skipped: number }>('feedback.toCases', { callIds: [a.id, b.id], datasetId: first.datasetId })
    expect(second).toEqual({ datasetId: first.datasetId, version: 2, added: 1, skipped: 1 })
    const { cases } = await ok<{ cases: DatasetCase[] }>('datasets.cases', { datasetId: first.datasetId })
    expect(cases).toHaveLength(2)
    expect(cases[0]).toMatchObject({ vars: { text: 'circuit breakers, with "quotes", commas' }, expected: null, tags: ['feedback:down'], source: `call:${a.id}` })
    expect(cases[0]!.notes).toBe(`Feedback: Misses the point about failing fast.\n\nRejected output (thumbs down) from local-emulator/${a.modelId}:\n${a.outputText}`)
    expect(cases[1]).toMatchObject({ expected: b.outputText, tags: ['feedback:up'], notes: '', source: `call:${b.id}` })
    const remaining = await ok<{ total: number; items: FeedbackItem[] }>('feedback.list', { notYetCase: true })
    expect(remaining.total).toBe(0)
    const listed = await ok<{ items: FeedbackItem[] }>('feedback.list', {})
    expect(listed.items.every((i) => i.inDatasets.includes('Regressions'))).toBe(true)
  })

  it('refuses unknown calls, no target, an empty selection and a taken name; writes nothing', async () => {
    const before = ((await ok<unknown[]>('datasets.list', {})) as unknown[]).length
    expect(await post('feedback.toCases', { callIds: ['nope'], newDatasetName: 'X' })).toMatchObject({ status: 404, json: { error: { code: 'NOT_FOUND', issues: [{ path: 'callIds.0' }] } } })
    expect(await post('feedback.toCases', { callIds: [calls[0]!.id] })).toMatchObject({ status: 400, json: { error: { issues: [{ path: 'datasetId' }] } } })
    expect(await post('feedback.toCases', { callIds: [], newDatasetName: 'X' })).toMatchObject({ status: 400, json: { error: { issues: [{ path: 'callIds', message: 'select at least one call' }] } } })
    expect(await post('feedback.toCases', { callIds: [calls[0]!.id], newDatasetName: 'regressions' })).toMatchObject({ status: 409, json: { error: { code: 'CONFLICT' } } })
    expect(((await ok<unknown[]>('datasets.list', {})) as unknown[]).length).toBe(before)
  })
})

import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { CompareResult, DatasetColumns, DatasetVersionInfo, SavedEdits } from '../../src/core/schemas/dataset-edit'
import type { DatasetCase, DatasetSummary } from '../../src/core/schemas/workspace'
import { startServerFixture } from '../support/engine-fixture'

let fixture: Awaited<ReturnType<typeof startServerFixture>>
let base: string
let auth: Record<string, string>

beforeAll(async () => {
  fixture = await startServerFixture()
  base = fixture.server.url.replace(/\/$/, '')
  auth = { authorization: `Bearer ${fixture.server.token}`, 'content-type': 'application/json' }
})
afterAll(async () => fixture.close())

/** POST /api/<op> over real HTTP; answers the status and the JSON body (the error envelope's error on failure). */
async function post<T>(op: string, body: unknown): Promise<{ status: number; json: T }> {
  const res = await fetch(`${base}/api/${op}`, { method: 'POST', headers: auth, body: JSON.stringify(body) })
  const json = (await res.json()) as T & { error?: T }
  return { status: res.status, json: res.ok ? json : (json.error as T) }
}
async function ok<T>(op: string, body: unknown): Promise<T> {
  const { status, json } = await post<T>(op, body)
  if (status !== 200) throw new Error(`${op} answered ${status}: ${JSON.stringify(json)}`)
  return json
}
type Failure = { code: string; message: string; issues?: Array<{ path: string; message: string }> }

async function casesOf(datasetId: string, version?: number): Promise<DatasetCase[]> {
  return (await ok<{ cases: DatasetCase[] }>('datasets.cases', { datasetId, version, limit: 1000 })).cases
}

describe('dataset editing over HTTP', () => {
  let datasetId = ''
  let contractId = ''

  it('creates an empty dataset linked to a contract, and refuses a taken name or an unknown contract', async () => {
    const contracts = await ok<Array<{ id: string; name: string }>>('contracts.list', {})
    contractId = contracts.find((c) => c.name === 'Support ticket triage')!.id
    const created = await ok<DatasetSummary>('datasets.create', { name: 'Refund questions', description: 'hand-built', contractId })
    expect(created).toMatchObject({ name: 'Refund questions', description: 'hand-built', contractId, latestVersion: 1, caseCount: 0 })
    datasetId = created.id

    const taken = await post<Failure>('datasets.create', { name: 'refund QUESTIONS' })
    expect(taken.status).toBe(409)
    expect(taken.json).toMatchObject({ code: 'CONFLICT', message: expect.stringContaining('already exists') })
    const unknown = await post<Failure>('datasets.create', { name: 'Orphan', contractId: 'no-such-contract' })
    expect(unknown).toMatchObject({ status: 404, json: { code: 'NOT_FOUND' } })
    const blank = await post<Failure>('datasets.create', { name: '   ' })
    expect(blank).toMatchObject({ status: 400, json: { code: 'VALIDATION_FAILED', issues: [{ path: 'name' }] } })
  })

  it('answers the columns: the contract variables and the variables the cases use', async () => {
    const columns = await ok<DatasetColumns>('datasets.columns', { datasetId })
    expect(columns.version).toBe(1)
    expect(columns.contractName).toBe('Support ticket triage')
    expect(columns.contractVariables.length).toBeGreaterThan(0)
    expect(columns.caseVariables).toEqual([])
  })

  it('saves an edit script as version 2 and refuses a stale base version with CONFLICT', async () => {
    const saved = await ok<SavedEdits>('datasets.saveEdits', {
      datasetId,
      baseVersion: 1,
      note: 'first cases',
      steps: [
        { op: 'add', case: { vars: { ticket: 'Where is my refund?' }, expected: 'billing', tags: ['refund'] } },
        { op: 'add', case: { vars: { ticket: 'Cancel my plan', tier: 'pro' }, assertions: [{ type: 'contains', value: 'cancel', weight: 2 }] } },
        { op: 'add', case: { vars: { ticket: 'Hello' }, notes: 'greeting' } }
      ]
    })
    expect(saved).toMatchObject({ datasetId, version: 2, caseCount: 3, note: 'first cases', added: 3, kept: 0, removed: 0 })

    const stale = await post<Failure>('datasets.saveEdits', { datasetId, baseVersion: 1, steps: [] })
    expect(stale.status).toBe(409)
    expect(stale.json).toMatchObject({ code: 'CONFLICT', message: expect.stringMatching(/Version 2 of "Refund questions" was saved after version 1.*Nothing was saved/) })

    const v2 = await casesOf(datasetId)
    const edited = await ok<SavedEdits>('datasets.saveEdits', {
      datasetId,
      baseVersion: 2,
      steps: [
        { op: 'edit', caseId: v2[0]!.id, expected: 'billing/refund', tags: ['refund', 'fixed'] },
        { op: 'keep', start: 2, count: 1 },
        { op: 'keep', start: 2, count: 1 },
        { op: 'add', case: { vars: { ticket: 'New one' } } }
      ]
    })
    expect(edited).toMatchObject({ version: 3, caseCount: 4, edited: 1, kept: 2, added: 1, removed: 1, note: 'Edited in the grid: 1 edited, 1 added, 1 removed' })
    const v3 = await casesOf(datasetId)
    expect(v3.map((c) => c.vars.ticket)).toEqual(['Where is my refund?', 'Hello', 'Hello', 'New one'])
    expect(v3[0]).toMatchObject({ expected: 'billing/refund', tags: ['refund', 'fixed'] })
    expect((await casesOf(datasetId, 2)).map((c) => c.id)).toEqual(v2.map((c) => c.id))

    const columns = await ok<DatasetColumns>('datasets.columns', { datasetId, version: 2 })
    expect(columns.caseVariables).toEqual(['ticket', 'tier'])
  })

  it('refuses bad scripts with the step named and writes nothing', async () => {
    const before = await ok<DatasetVersionInfo[]>('datasets.versions', { datasetId })
    const unknownId = await post<Failure>('datasets.saveEdits', { datasetId, baseVersion: 3, steps: [{ op: 'edit', caseId: 'not-a-case', notes: 'x' }] })
    expect(unknownId).toMatchObject({ status: 400, json: { code: 'VALIDATION_FAILED', issues: [{ path: 'steps.0.caseId', message: expect.stringContaining('unknown case id "not-a-case"') }] } })
    const pastEnd = await post<Failure>('datasets.saveEdits', { datasetId, baseVersion: 3, steps: [{ op: 'keep', start: 3, count: 5 }] })
    expect(pastEnd).toMatchObject({ status: 400, json: { code: 'VALIDATION_FAILED', message: expect.stringContaining('version 3 has 4 cases') } })
    const badAssertions = await post<Failure>('datasets.saveEdits', {
      datasetId,
      baseVersion: 3,
      steps: [{ op: 'add', case: { vars: {}, assertions: [{ value: 'no type' }] } }, { op: 'add', case: { assertions: 'contains' } }]
    })
    expect(badAssertions.status).toBe(400)
    expect(badAssertions.json.code).toBe('VALIDATION_FAILED')
    expect(badAssertions.json.issues).toEqual(
      expect.arrayContaining([
        { path: 'steps.0.case.assertions.0.type', message: expect.stringContaining('needs a "type"') },
        { path: 'steps.1.case.assertions', message: expect.stringContaining('JSON array of objects') }
      ])
    )
    const badOp = await post<Failure>('datasets.saveEdits', { datasetId, baseVersion: 3, steps: [{ op: 'move' }] })
    expect(badOp).toMatchObject({ status: 400, json: { code: 'VALIDATION_FAILED', issues: [{ path: 'steps.0.op' }] } })
    const noDataset = await post<Failure>('datasets.saveEdits', { datasetId: 'nope', baseVersion: 1, steps: [] })
    expect(noDataset).toMatchObject({ status: 404, json: { code: 'NOT_FOUND' } })
    expect(await ok<DatasetVersionInfo[]>('datasets.versions', { datasetId })).toEqual(before)
  })

  it('lists versions newest first and compares two versions with per-field changes, paged', async () => {
    const versions = await ok<DatasetVersionInfo[]>('datasets.versions', { datasetId })
    expect(versions.map((v) => [v.version, v.caseCount])).toEqual([[3, 4], [2, 3], [1, 0]])

    const result = await ok<CompareResult>('datasets.compare', { datasetId, from: 2, to: 3 })
    expect(result.summary).toEqual({ added: 2, removed: 1, changed: 1, unchanged: 1 })
    expect(result.total).toBe(4)
    const changed = result.entries.find((e) => e.kind === 'changed')!
    expect(changed.fields).toEqual(['expected', 'tags'])
    expect(changed.before).toMatchObject({ expected: 'billing', tags: ['refund'] })
    expect(changed.after).toMatchObject({ expected: 'billing/refund', tags: ['refund', 'fixed'] })
    const removed = result.entries.find((e) => e.kind === 'removed')!
    expect(removed.before?.vars).toEqual({ ticket: 'Cancel my plan', tier: 'pro' })

    const paged = await ok<CompareResult>('datasets.compare', { datasetId, from: 2, to: 3, offset: 1, limit: 2, kinds: ['added', 'removed'] })
    expect(paged.total).toBe(3)
    expect(paged.entries).toHaveLength(2)
    expect(paged.entries.every((e) => e.kind !== 'changed')).toBe(true)

    const missing = await post<Failure>('datasets.compare', { datasetId, from: 2, to: 9 })
    expect(missing).toMatchObject({ status: 404, json: { code: 'NOT_FOUND', issues: [{ path: 'to' }] } })
  })

  it('renames with a duplicate-name CONFLICT, links and unlinks the contract', async () => {
    const renamed = await ok<DatasetSummary>('datasets.update', { id: datasetId, name: 'Refunds', contractId: null })
    expect(renamed).toMatchObject({ name: 'Refunds', contractId: null, latestVersion: 3 })
    const taken = await post<Failure>('datasets.update', { id: datasetId, name: 'Triage golden set' })
    expect(taken).toMatchObject({ status: 409, json: { code: 'CONFLICT', issues: [{ path: 'name' }] } })
    const relinked = await ok<DatasetSummary>('datasets.update', { id: datasetId, contractId })
    expect(relinked.contractId).toBe(contractId)
    const unknown = await post<Failure>('datasets.update', { id: 'nope', name: 'x' })
    expect(unknown).toMatchObject({ status: 404, json: { code: 'NOT_FOUND' } })
  })
})

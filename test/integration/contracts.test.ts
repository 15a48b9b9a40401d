import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ContractProblem, ContractStatus, ContractVersionItem } from '../../src/core/schemas/contract-editor'
import type { ContractDetail, ContractSummary, ContractVersion } from '../../src/core/schemas/workspace'
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

type Failure = { error: { code: string; message: string; issues?: Array<{ path: string; message: string }> } }

/** POST /api/<op> over real HTTP; answers the status and the JSON body. */
async function post<T>(op: string, body: unknown): Promise<{ status: number; json: T }> {
  const res = await fetch(`${base}/api/${op}`, { method: 'POST', headers: auth, body: JSON.stringify(body) })
  return { status: res.status, json: (await res.json()) as T }
}
async function ok<T>(op: string, body: unknown): Promise<T> {
  const { status, json } = await post<T>(op, body)
  if (status !== 200) throw new Error(`${op} answered ${status}: ${JSON.stringify(json)}`)
  return json
}
async function fails(op: string, body: unknown): Promise<Failure['error'] & { status: number }> {
  const { status, json } = await post<Failure>(op, body)
  expect(status).not.toBe(200)
  return { status, ...json.error }
}

function body(user = 'Summarise {{text}}', extra: Record<string, unknown> = {}) {
  return {
    messages: [
      { role: 'system', content: 'You are concise.' },
      { role: 'user', content: user }
    ],
    variables: [{ name: 'text', type: 'string', description: 'The text', required: true, example: 'Hello' }],
    output: { kind: 'text' },
    params: { temperature: 0, maxTokens: 100 },
    budgets: { p95LatencyMs: 1500, maxCostPerRequestUsd: 0.01, minPassRate: 0.8 },
    candidates: [{ providerId: 'local-emulator', modelId: 'emu-swift' }],
    fallback: { retries: 1, timeoutMs: 30000, fallbacks: [{ providerId: 'local-emulator', modelId: 'emu-steady' }] },
    ...extra
  }
}

async function names(includeArchived = false): Promise<string[]> {
  return (await ok<ContractSummary[]>('contracts.list', { includeArchived })).map((c) => c.name)
}

describe('contracts: create → saveVersion → versions → duplicate → archive', () => {
  let id: string

  it('creates a contract with version 1', async () => {
    const created = await ok<ContractDetail>('contracts.create', { name: 'Summaries', description: 'Short summaries', feature: 'summaries', body: body() })
    id = created.id
    expect(created).toMatchObject({ name: 'Summaries', feature: 'summaries', latestVersion: 1, latest: { version: 1, variables: [{ name: 'text' }] } })
  })

  it('saves a changed body as version 2, and makes no version when nothing changed', async () => {
    const v2 = await ok<{ created: boolean; message: string; version: ContractVersion; contract: ContractSummary }>('contracts.saveVersion', {
      id,
      body: body('Summarise {{text}} in one line')
    })
    expect(v2).toMatchObject({ created: true, message: 'Saved version 2.', version: { version: 2 }, contract: { latestVersion: 2 } })
    const same = await ok<{ created: boolean; message: string }>('contracts.saveVersion', { id, body: body('Summarise {{text}} in one line') })
    expect(same).toEqual(expect.objectContaining({ created: false, message: 'Nothing changed since version 2: no new version was made.' }))
    const renamed = await ok<{ created: boolean; message: string; contract: ContractSummary }>('contracts.saveVersion', {
      id,
      name: 'Summaries EN',
      feature: '',
      body: body('Summarise {{text}} in one line')
    })
    expect(renamed).toMatchObject({ created: false, contract: { name: 'Summaries EN', feature: null, latestVersion: 2 } })
    expect(renamed.message).toMatch(/^Saved the name, description and feature; the body is the same as version 2/)
    expect(await ok<ContractSummary>('contracts.update', { id, name: 'Summaries', feature: 'summaries' })).toMatchObject({ name: 'Summaries', feature: 'summaries', latestVersion: 2 })
  })

  it('lists versions with what changed, and reads any of them', async () => {
    const versions = await ok<ContractVersionItem[]>('contracts.versions', { id })
    expect(versions.map((v) => [v.version, v.summary])).toEqual([
      [1, 'First version'],
      [2, 'message 2 edited']
    ])
    expect((await ok<ContractVersion>('contracts.version', { id, version: 1 })).messages[1]!.content).toBe('Summarise {{text}}')
    expect(await fails('contracts.version', { id, version: 9 })).toMatchObject({ status: 404, code: 'NOT_FOUND', message: expect.stringContaining('Version 9') })
  })

  it('duplicates as "<name> (copy)" with the latest body as v1', async () => {
    const copy = await ok<ContractDetail>('contracts.duplicate', { id })
    expect(copy).toMatchObject({ name: 'Summaries (copy)', latestVersion: 1, feature: 'summaries', latest: { messages: [{}, { content: 'Summarise {{text}} in one line' }] } })
    expect((await ok<ContractDetail>('contracts.duplicate', { id })).name).toBe('Summaries (copy 2)')
  })

  it('archives (hidden unless asked) and unarchives', async () => {
    expect(await ok<ContractSummary>('contracts.archive', { id })).toMatchObject({ archived: true })
    expect(await names()).not.toContain('Summaries')
    expect(await names(true)).toContain('Summaries')
    expect(await ok<ContractSummary>('contracts.archive', { id, archived: false })).toMatchObject({ archived: false })
    expect(await names()).toContain('Summaries')
  })
})

describe('contracts: bad input is refused with the place and the fix, and nothing is stored', () => {
  it('a template naming an unknown variable', async () => {
    const before = await names(true)
    const error = await fails('contracts.create', { name: 'Bad template', body: body('Summarise {{text}} for {{audience}}') })
    expect(error).toMatchObject({ status: 400, code: 'VALIDATION_FAILED' })
    expect(error.message).toMatch(/Message 2 \(user\) uses \{\{audience\}\}, which is not a declared variable: add "audience" to the variables/)
    expect(error.issues).toEqual([expect.objectContaining({ path: 'body.messages.1.content' })])
    expect(await names(true)).toEqual(before)
  })

  it('an invalid JSON Schema, naming the place in the schema', async () => {
    const schema = { type: 'object', properties: { label: { type: 'strnig' } }, required: ['label'] }
    const error = await fails('contracts.create', { name: 'Bad schema', body: body(undefined, { output: { kind: 'json_schema', name: 'out', schema } }) })
    expect(error).toMatchObject({ code: 'VALIDATION_FAILED', issues: [{ path: 'body.output.schema' }] })
    expect(error.message).toMatch(/not valid JSON Schema at #\/properties\/label\/type: .*use one of "array", "boolean"/)
    const typo = await fails('contracts.create', { name: 'Bad schema', body: body(undefined, { output: { kind: 'json_schema', name: 'out', schema: { type: 'object', propertys: {} } } }) })
    expect(typo.message).toMatch(/unknown keyword "propertys" at #/)
    expect(await names(true)).not.toContain('Bad schema')
  })

  it('a duplicate contract name (CONFLICT), on create, rename and duplicate', async () => {
    await ok('contracts.create', { name: 'Unique name', body: body() })
    const other = await ok<ContractDetail>('contracts.create', { name: 'Another', body: body() })
    expect(await fails('contracts.create', { name: 'UNIQUE NAME', body: body() })).toMatchObject({ status: 409, code: 'CONFLICT', message: expect.stringMatching(/"UNIQUE NAME" already exists; choose another name/) })
    expect(await fails('contracts.update', { id: other.id, name: 'unique name' })).toMatchObject({ code: 'CONFLICT' })
    expect(await fails('contracts.saveVersion', { id: other.id, name: 'Unique Name', body: body('Changed {{text}}') })).toMatchObject({ code: 'CONFLICT' })
    expect((await ok<ContractVersionItem[]>('contracts.versions', { id: other.id })).length).toBe(1)
    expect(await fails('contracts.duplicate', { id: other.id, name: 'Unique name' })).toMatchObject({ code: 'CONFLICT' })
  })

  it('duplicate variable names', async () => {
    const variables = [
      { name: 'text', type: 'string' },
      { name: 'text', type: 'number' }
    ]
    const error = await fails('contracts.create', { name: 'Twice', body: body(undefined, { variables }) })
    expect(error.message).toMatch(/Variable "text" is declared twice \(rows 1 and 2\): rename or remove one of them/)
    expect(error.issues).toEqual([{ path: 'body.variables.1.name', message: expect.any(String) }])
  })

  it('empty messages, and a saveVersion that would empty them keeps the old version', async () => {
    const error = await fails('contracts.create', { name: 'Silent', body: body(undefined, { messages: [] }) })
    expect(error).toMatchObject({ code: 'VALIDATION_FAILED', issues: [{ path: 'body.messages' }] })
    expect(error.message).toMatch(/no message: add at least one/)
    const blank = await fails('contracts.create', { name: 'Silent', body: body('   ') })
    expect(blank.message).toMatch(/Message 2 \(user\) is empty: write its template or remove the message/)
    const existing = await ok<ContractDetail>('contracts.create', { name: 'Keeps v1', body: body() })
    await fails('contracts.saveVersion', { id: existing.id, name: 'Renamed too', body: body(undefined, { messages: [] }) })
    expect(await ok<ContractDetail>('contracts.get', { id: existing.id })).toMatchObject({ name: 'Keeps v1', latestVersion: 1 })
  })

  it('validate lists errors and warnings without saving', async () => {
    const { problems } = await ok<{ problems: ContractProblem[] }>('contracts.validate', {
      body: body('{{text}} {{missing}}', { variables: [{ name: 'text', type: 'string' }, { name: 'unused', type: 'string' }] })
    })
    expect(problems.map((p) => [p.path, p.severity])).toEqual([
      ['messages.1.content', 'error'],
      ['variables.1.name', 'warning']
    ])
    const shape = await ok<{ problems: ContractProblem[] }>('contracts.validate', { body: { messages: 'nope' } })
    expect(shape.problems.length).toBeGreaterThan(0)
    expect(shape.problems.every((p) => p.severity === 'error')).toBe(true)
  })
})

describe('contracts.status', () => {
  it('is unmeasured at first, then compares budgets with the latest eval run, flagging an older version', async () => {
    const created = await ok<ContractDetail>('contracts.create', { name: 'Measured', body: body() })
    const [first] = await ok<ContractStatus[]>('contracts.status', { id: created.id })
    expect(first).toMatchObject({ level: 'unmeasured', latestVersion: 1, quality: null, performance: null })

    // An eval of v1, recorded through the store's repositories as the eval runner would.
    const store = fixture.engine.context.store!
    const runId = store.runs.create({ kind: 'eval', title: 'Golden set', contractVersionId: created.latest!.id })
    for (let i = 0; i < 10; i++) {
      const [callId] = store.calls.insertMany([
        { runId, providerId: 'local-emulator', modelId: 'emu-swift', status: 'ok', startedAt: Date.now(), latencyMs: 1000 + i * 100, ttftMs: 200, costUsd: 0.001 }
      ])
      store.scores.insertMany([{ callId: callId!, assertionType: 'contains', pass: i < 9 }])
    }
    store.runs.finish(runId, 'completed')

    const [measured] = await ok<ContractStatus[]>('contracts.status', { id: created.id })
    expect(measured!.quality).toMatchObject({ runId, version: 1, model: { modelId: 'emu-swift' }, calls: 10, passRate: { passed: 9, total: 10 } })
    expect(measured!.level).toBe('red')
    expect(measured!.summary).toBe('P95 latency 1,855 ms is over the 1,500 ms budget.')
    expect(measured!.checks.map((c) => c.metric)).toEqual(['p95_latency', 'pass_rate', 'cost'])

    await ok('contracts.saveVersion', { id: created.id, body: body('Summarise {{text}} briefly') })
    const [stale] = await ok<ContractStatus[]>('contracts.status', { id: created.id })
    expect(stale!.checks.map((c) => c.text)).toContain('the eval measured v1, but the latest version is v2: run it again on v2')

    const all = await ok<ContractStatus[]>('contracts.status', {})
    expect(all.map((s) => s.contractId)).toContain(created.id)
    expect(await fails('contracts.status', { id: 'nope' })).toMatchObject({ code: 'NOT_FOUND' })
  })
})

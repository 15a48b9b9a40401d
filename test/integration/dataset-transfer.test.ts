import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ImportPreview } from '../../src/core/api/dataset-transfer-operations'
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

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- response bodies are asserted field by field
async function post(op: string, body: unknown): Promise<{ status: number; json: any }> {
  const res = await fetch(`${base}/api/${op}`, { method: 'POST', headers: auth, body: typeof body === 'string' ? body : JSON.stringify(body) })
  return { status: res.status, json: await res.json() }
}
async function ok<T>(op: string, body: unknown): Promise<T> {
  const { status, json } = await post(op, body)
  if (status !== 200) throw new Error(`${op} answered ${status}: ${JSON.stringify(json)}`)
  return json as T
}
const b64 = (text: string | Buffer) => Buffer.from(text).toString('base64')
const datasetCount = async () => (await ok<DatasetSummary[]>('datasets.list', {})).length
const allCases = async (datasetId: string) => (await ok<{ cases: DatasetCase[] }>('datasets.cases', { datasetId, limit: 1000 })).cases
const strip = (cases: DatasetCase[]) => cases.map(({ vars, expected, assertions, tags, notes }) => ({ vars, expected, assertions, tags, notes }))

/** Cases with every awkward character a CSV can hold. */
const TRICKY = [
  { vars: { question: 'Capital of "France", please?', context: 'line one\nline two' }, expected: 'Paris', assertions: [{ type: 'icontains', value: 'paris' }], tags: ['geo', 'topic:capitals'], notes: 'commas, "quotes"\nand lines' },
  { vars: { question: 'naïve café 😀 東京 — ünïcödé', context: '=1+2' }, expected: null, assertions: [{ type: 'json-path-equals', path: '$.a', value: 'b' }], tags: ['a,b'], notes: '' },
  { vars: { question: ' padded ', context: '' }, expected: 'multi\nline', assertions: [], tags: [], notes: '' }
]

describe('datasets.previewImport', () => {
  it('detects the format and shows columns with samples and suggested roles', async () => {
    const csv = '\uFEFFCustomer name,question,__expected,__expected1,__metadata:topic,internal\r\nAda,"Hi, there",Hello,contains:Hel,greeting,x\r\nBob,Bye,See you,,farewell,y\r\n'
    const preview = await ok<ImportPreview>('datasets.previewImport', { fileName: 'greet.csv', contentBase64: b64(csv) })
    expect(preview).toMatchObject({ format: 'csv', shape: 'table', rowCount: 2, problems: { total: 0, issues: [] } })
    expect(preview.columns.map((c) => [c.name, c.suggested.role, c.samples[0]])).toEqual([
      ['Customer name', 'var', 'Ada'],
      ['question', 'var', 'Hi, there'],
      ['__expected', 'expected', 'Hello'],
      ['__expected1', 'assertion', 'contains:Hel'],
      ['__metadata:topic', 'metadata', 'greeting'],
      ['internal', 'var', 'x']
    ])
    expect(preview.columns[0]!.note).toMatch(/Customer_name/)
  })

  it('previews JSONL tests with vars.* columns, and lists the problems of a broken CSV instead of failing', async () => {
    const jsonl = '{"vars":{"q":"a"},"expected":"A","tags":["t"]}\n{"vars":{"q":"b","extra":1}}\n'
    const preview = await ok<ImportPreview>('datasets.previewImport', { fileName: 'tests.jsonl', contentBase64: b64(jsonl) })
    expect(preview).toMatchObject({ format: 'jsonl', shape: 'tests', rowCount: 2 })
    expect(preview.columns.map((c) => [c.name, c.suggested])).toEqual([
      ['vars.q', { column: 'vars.q', role: 'var', name: 'q' }],
      ['expected', { column: 'expected', role: 'expected' }],
      ['tags', { column: 'tags', role: 'tags' }],
      ['vars.extra', { column: 'vars.extra', role: 'var', name: 'extra' }]
    ])
    const broken = await ok<ImportPreview>('datasets.previewImport', { fileName: 'broken.csv', contentBase64: b64('a,b\n1,2\n3\n"open,4\n') })
    expect(broken.problems.issues.map((i) => [i.line, i.column, i.message.split(' —')[0]])).toEqual([
      [3, null, 'expected 2 fields, got 1'],
      [4, null, 'expected 2 fields, got 1'],
      [4, 1, 'unclosed quote']
    ])
    expect(broken.problems.total).toBe(3)
  })
})

describe('datasets.import with a mapping', () => {
  it('renames a variable, ignores a column, maps expected output, and adds a version to the dataset', async () => {
    const csv = 'Customer name,question,answer,internal\nAda,"Hi, there",Hello,x\nBob,Bye,,y\n'
    const mapping = [
      { column: 'Customer name', role: 'var', name: 'customer' },
      { column: 'question', role: 'var' },
      { column: 'answer', role: 'expected' },
      { column: 'internal', role: 'ignore' }
    ]
    const imported = await ok<{ datasetId: string; version: number; caseCount: number }>('datasets.import', { fileName: 'greet.csv', contentBase64: b64(csv), newDatasetName: 'Greetings', mapping })
    expect(imported).toMatchObject({ version: 1, caseCount: 2 })
    expect(strip(await allCases(imported.datasetId))).toEqual([
      { vars: { customer: 'Ada', question: 'Hi, there' }, expected: 'Hello', assertions: [], tags: [], notes: '' },
      { vars: { customer: 'Bob', question: 'Bye' }, expected: null, assertions: [], tags: [], notes: '' }
    ])
    const again = await ok<{ version: number }>('datasets.import', {
      fileName: 'more.jsonl',
      contentBase64: b64('{"prompt":"x","gold":"y"}\n'),
      datasetId: imported.datasetId,
      mapping: [{ column: 'prompt', role: 'var', name: 'question' }, { column: 'gold', role: 'expected' }]
    })
    expect(again.version).toBe(2)
    expect(strip(await allCases(imported.datasetId))).toEqual([{ vars: { question: 'x' }, expected: 'y', assertions: [], tags: [], notes: '' }])
  })
})

describe('datasets.export', () => {
  let datasetId = ''
  beforeAll(async () => {
    const jsonl = TRICKY.map((c) => JSON.stringify(c)).join('\n')
    datasetId = (await ok<{ datasetId: string }>('datasets.import', { fileName: 'tricky.jsonl', contentBase64: b64(jsonl), newDatasetName: 'Tricky "data", v1' })).datasetId
  })

  it('exports CSV (promptfoo columns, RFC 4180) that imports back as the same cases', async () => {
    const file = await ok<{ fileName: string; mimeType: string; content: string; version: number; caseCount: number }>('datasets.export', { datasetId, format: 'csv' })
    expect(file).toMatchObject({ fileName: 'tricky-data-v1-v1.csv', mimeType: 'text/csv;charset=utf-8', version: 1, caseCount: 3 })
    expect(file.content.split('\r\n')[0]).toBe('question,context,__expected,__expected1,__assertions,__tags,__description')
    expect(file.content).toContain('"Capital of ""France"", please?","line one\nline two",Paris,icontains:paris,')
    const back = await ok<{ datasetId: string }>('datasets.import', { fileName: file.fileName, contentBase64: b64(file.content), newDatasetName: 'Tricky from CSV' })
    expect(strip(await allCases(back.datasetId))).toEqual(TRICKY)
  })

  it('exports JSONL, one case per line, that imports back exactly; any version by number', async () => {
    const file = await ok<{ fileName: string; content: string }>('datasets.export', { datasetId, version: 1, format: 'jsonl' })
    expect(file.fileName).toBe('tricky-data-v1-v1.jsonl')
    expect(file.content.trimEnd().split('\n').map((l) => JSON.parse(l) as unknown)).toEqual(TRICKY)
    const back = await ok<{ datasetId: string }>('datasets.import', { fileName: file.fileName, contentBase64: b64(file.content), newDatasetName: 'Tricky from JSONL' })
    expect(strip(await allCases(back.datasetId))).toEqual(TRICKY)
    expect(await post('datasets.export', { datasetId, version: 9, format: 'csv' })).toMatchObject({ status: 404, json: { error: { code: 'NOT_FOUND', message: expect.stringMatching(/Version 9 .* it has only version 1; pick one of those/) } } })
    expect(await post('datasets.export', { datasetId: 'nope', format: 'csv' })).toMatchObject({ status: 404 })
  })

  it('exports 20k cases streamed from SQLite', async () => {
    const lines = Array.from({ length: 20_000 }, (_, i) => JSON.stringify({ q: `question ${i}, with "quotes"`, n: String(i) }))
    const big = await ok<{ datasetId: string }>('datasets.import', { fileName: 'big.jsonl', contentBase64: b64(lines.join('\n')), newDatasetName: 'Big one' })
    const file = await ok<{ content: string; caseCount: number }>('datasets.export', { datasetId: big.datasetId, format: 'csv' })
    expect(file.caseCount).toBe(20_000)
    expect(file.content.split('\r\n')[20_000]).toBe('"question 19999, with ""quotes""",19999')
  })
})

describe('bad input writes nothing and says where and how to fix', () => {
  const refused = async (body: Record<string, unknown>) => {
    const before = await datasetCount()
    const { status, json } = await post('datasets.import', { newDatasetName: 'Never', ...body })
    expect(status).toBe(400)
    expect(json.error.code).toBe('VALIDATION_FAILED')
    expect(await datasetCount()).toBe(before)
    return json.error as { message: string; issues?: Array<{ path: string; message: string }> }
  }

  it('ragged rows and broken quotes, by line and column; BOM and CRLF are fine', async () => {
    const ragged = await refused({ fileName: 'ragged.csv', contentBase64: b64('a,b\r\n1,2\r\n3\r\n4,5,6\r\n') })
    expect(ragged.issues!.map((i) => [i.path, i.message])).toEqual([
      ['ragged.csv:3', 'line 3: expected 2 fields, got 1'],
      ['ragged.csv:4', 'line 4: expected 2 fields, got 3']
    ])
    const quotes = await refused({ fileName: 'quotes.csv', contentBase64: b64('a,b\n"x"y,2\n1,"open\n') })
    expect(quotes.issues!.map((i) => i.path)).toEqual(['quotes.csv:2:4', 'quotes.csv:3:3'])
    expect(quotes.message).toMatch(/2 problems in quotes\.csv.*Nothing was imported/)
    const fine = await ok<{ caseCount: number }>('datasets.import', { fileName: 'bom.csv', contentBase64: b64('\uFEFFa,b\r\n1,2\r\n'), newDatasetName: 'BOM and CRLF' })
    expect(fine.caseCount).toBe(1)
  })

  it('non-UTF-8 bytes, with the byte offset and the fix', async () => {
    const latin1 = await refused({ fileName: 'latin1.csv', contentBase64: b64(Buffer.from([0x61, 0x0a, 0x63, 0x61, 0x66, 0xe9, 0x0a])) })
    expect(latin1.issues).toEqual([{ path: 'latin1.csv:2:4', message: 'line 2, column 4: not valid UTF-8: byte 0xe9 at byte offset 5 — re-save the file as UTF-8' }])
  })

  it('a mapping naming a missing column, two columns on one variable, an empty variable name', async () => {
    const csv = b64('q,a\n1,2\n')
    const missing = await refused({ fileName: 'm.csv', contentBase64: csv, mapping: [{ column: 'question', role: 'var' }] })
    expect(missing.issues![0]).toEqual({ path: 'm.csv:1', message: 'line 1 (question): the mapping names column "question", which is not in the file (columns: q, a) — pick one of those or drop it from the mapping' })
    const twice = await refused({ fileName: 'm.csv', contentBase64: csv, mapping: [{ column: 'q', role: 'var', name: 'x' }, { column: 'a', role: 'var', name: 'x' }] })
    expect(twice.issues![0]!.message).toMatch(/columns "q" and "a" are both mapped to variable "x" — rename one/)
    const empty = await refused({ fileName: 'm.csv', contentBase64: csv, mapping: [{ column: 'q', role: 'var', name: ' ' }] })
    expect(empty.issues![0]!.message).toMatch(/column "q" is mapped to a variable with an empty name — type a name, or set the column to Ignore/)
  })

  it('a file over the 40 MB import limit is refused before it is decoded, naming its size and the fix', async () => {
    const over = Buffer.alloc(45 * 1024 * 1024, 0x61)
    const tooBig = await refused({ fileName: 'huge.csv', contentBase64: over.toString('base64') })
    expect(tooBig.message).toMatch(/huge\.csv.*file is 45\.0 MB .* over the 40\.0 MB .* import limit — split it into smaller files/)
    const preview = await post('datasets.previewImport', { fileName: 'huge.csv', contentBase64: over.toString('base64') })
    expect(preview).toMatchObject({ status: 400, json: { error: { code: 'VALIDATION_FAILED', message: expect.stringMatching(/over the 40\.0 MB/) } } })
    // A 50 MB file is over web mode's 64 MB request limit once base64-encoded (the page checks the size before sending);
    // through IPC, which has no body limit, the engine names the size and the fix.
    const fifty = Buffer.alloc(50 * 1024 * 1024, 0x61).toString('base64')
    const ipc = await fixture.engine.dispatch('datasets.import', { fileName: 'fifty.csv', contentBase64: fifty, newDatasetName: 'Never' }).catch((e: unknown) => e)
    expect(ipc).toMatchObject({ code: 'VALIDATION_FAILED', message: expect.stringMatching(/file is 50\.0 MB .* split it into smaller files/) })
  })
})

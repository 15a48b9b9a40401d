import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { DatasetCase, DatasetSummary } from '../../src/core/schemas/workspace'
import { startEngineFixture, type EngineFixture } from '../support/engine-fixture'

let fixture: EngineFixture
const dispatch = (op: string, request: unknown) => fixture.engine.dispatch(op, request)
const b64 = (text: string | Buffer) => Buffer.from(text).toString('base64')

beforeAll(async () => {
  fixture = await startEngineFixture()
})
afterAll(async () => fixture.close())

describe('datasets.import', () => {
  it('imports a promptfoo-style CSV (BOM, CRLF, quoted newlines) as a new dataset', async () => {
    const csv = '\uFEFFquestion,__expected,__description\r\n"What is 2+2?",4,arithmetic\r\n"Name a colour,\nplease",contains:red,"multi-line"\r\n'
    const imported = (await dispatch('datasets.import', { fileName: 'qa.csv', contentBase64: b64(csv), newDatasetName: 'QA import' })) as { datasetId: string; version: number; caseCount: number }
    expect(imported).toMatchObject({ version: 1, caseCount: 2 })
    const page = (await dispatch('datasets.cases', { datasetId: imported.datasetId })) as { total: number; cases: DatasetCase[] }
    expect(page.total).toBe(2)
    expect(page.cases[0]).toMatchObject({ vars: { question: 'What is 2+2?' }, expected: '4', notes: 'arithmetic' })
    expect(page.cases[1]!.vars).toEqual({ question: 'Name a colour,\nplease' })
    expect(page.cases[1]!.assertions).toEqual([expect.objectContaining({ type: 'contains', value: 'red' })])
  })

  it('adds a JSONL file as a new version of an existing dataset', async () => {
    const list = (await dispatch('datasets.list', {})) as DatasetSummary[]
    const qa = list.find((d) => d.name === 'QA import')!
    const jsonl = '{"vars":{"question":"Capital of France?"},"expected":"Paris"}\n{"question":"Largest ocean?"}\n'
    const imported = (await dispatch('datasets.import', { fileName: 'more.jsonl', contentBase64: b64(jsonl), datasetId: qa.id })) as { version: number; caseCount: number }
    expect(imported).toEqual({ datasetId: qa.id, version: 2, caseCount: 2 })
    const page = (await dispatch('datasets.cases', { datasetId: qa.id })) as { version: number; cases: DatasetCase[] }
    expect(page.version).toBe(2)
    expect(page.cases.map((c) => c.vars.question)).toEqual(['Capital of France?', 'Largest ocean?'])
  })

  it('writes nothing and lists every problem by file, line and column when the file is bad', async () => {
    const before = ((await dispatch('datasets.list', {})) as DatasetSummary[]).length
    const csv = 'a,b\n1,2\n3\n"unclosed,4\n'
    const error = await dispatch('datasets.import', { fileName: 'bad.csv', contentBase64: b64(csv), newDatasetName: 'Never created' }).catch((e: unknown) => e)
    expect(error).toMatchObject({ code: 'VALIDATION_FAILED' })
    const { message, issues } = error as { message: string; issues: Array<{ path: string; message: string }> }
    expect(message).toMatch(/problems? in bad\.csv/)
    expect(message).toMatch(/Nothing was imported/)
    expect(issues.map((i) => i.path)).toEqual(expect.arrayContaining([expect.stringMatching(/^bad\.csv:3/), expect.stringMatching(/^bad\.csv:4/)]))
    const nonUtf8 = await dispatch('datasets.import', { fileName: 'latin1.csv', contentBase64: b64(Buffer.from([0x61, 0x0a, 0xe9, 0x0a])), newDatasetName: 'Never either' }).catch((e: unknown) => e)
    expect(nonUtf8).toMatchObject({ code: 'VALIDATION_FAILED', message: expect.stringMatching(/UTF-8/) })
    expect(((await dispatch('datasets.list', {})) as DatasetSummary[]).length).toBe(before)
  })

  it('refuses a request naming both or neither target', async () => {
    await expect(dispatch('datasets.import', { fileName: 'x.csv', contentBase64: b64('a\n1\n') })).rejects.toMatchObject({ code: 'VALIDATION_FAILED', issues: [{ path: 'datasetId' }] })
  })
})

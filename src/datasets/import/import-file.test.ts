import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ImportError } from './import-errors'
import { importDatasetFile } from './import-file'

let dir = ''
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'switchyard-import-'))
})
afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true })
})

function write(name: string, content: string | Uint8Array): string {
  const file = path.join(dir, name)
  fs.writeFileSync(file, content)
  return file
}

function importError(run: () => unknown): ImportError {
  try {
    run()
  } catch (e) {
    if (e instanceof ImportError) return e
    throw e
  }
  throw new Error('expected an ImportError')
}

describe('importDatasetFile', () => {
  it('imports a promptfoo CSV with BOM and CRLF from a path', () => {
    const csv = '\uFEFFquestion,__expected,__expected1\r\n"Capital, France?",Paris,"icontains:paris"\r\n"two\r\nlines",grade:ok,\r\n'
    const result = importDatasetFile(write('cases.csv', csv))
    expect(result.format).toBe('csv')
    expect(result.header).toEqual(['question', '__expected', '__expected1'])
    expect(result.cases).toEqual([
      {
        vars: { question: 'Capital, France?' },
        expected: 'Paris',
        assertions: [{ type: 'equals', value: 'Paris' }, { type: 'icontains', value: 'paris' }],
        tags: [],
        notes: '',
        source: 'cases.csv:2'
      },
      {
        vars: { question: 'two\nlines' },
        expected: null,
        assertions: [{ type: 'llm-rubric', value: 'ok' }],
        tags: [],
        notes: '',
        source: 'cases.csv:3'
      }
    ])
  })

  it('round-trips JSONL and JSON given as bytes, and honours an explicit format', () => {
    const cases = [{ vars: { q: 'a' }, expected: 'A', assert: [{ type: 'equals', value: 'A' }], tags: ['x'], notes: 'n' }]
    const jsonl = new TextEncoder().encode(cases.map((c) => JSON.stringify(c)).join('\n') + '\n')
    const fromJsonl = importDatasetFile({ name: 'd.jsonl', bytes: jsonl })
    const fromJson = importDatasetFile({ name: 'd.txt', bytes: new TextEncoder().encode(JSON.stringify({ cases })) }, { format: 'json' })
    const expected = { vars: { q: 'a' }, expected: 'A', assertions: [{ type: 'equals', value: 'A' }], tags: ['x'], notes: 'n' }
    expect(fromJsonl).toEqual({ format: 'jsonl', cases: [{ ...expected, source: 'd.jsonl:1' }] })
    expect(fromJson).toEqual({ format: 'json', cases: [{ ...expected, source: 'd.txt:1' }] })
  })

  it('is atomic: one ImportError with every problem from parsing and mapping', () => {
    const csv = 'q,q,__expected\n1,2,similar(x):y\n3\n4,5,"open\n'
    const err = importError(() => importDatasetFile({ name: 'cases.csv', bytes: new TextEncoder().encode(csv) }))
    expect(err.total).toBe(4)
    expect(err.issues.map((i) => [i.line, i.column, i.field])).toEqual([
      [1, 3, 'q'],
      [2, null, '__expected'],
      [3, null, null],
      [4, 5, null]
    ])
    expect(err.message).toBe('4 problems in cases.csv; first: line 1, column 3 (q): duplicate header "q" (also column 1) — rename one of them')
  })

  it('lists 100 of more than 100 problems with the right total', () => {
    const lines = ['{"q": 1}']
    for (let k = 0; k < 250; k++) lines.push('{oops}')
    const err = importError(() => importDatasetFile(write('many.jsonl', lines.join('\n'))))
    expect(err.total).toBe(250)
    expect(err.issues).toHaveLength(100)
    expect(err.issues[0]).toMatchObject({ line: 2, column: 2 })
    expect(err.message).toMatch(/^250 problems in many\.jsonl; first: line 2, column 2: invalid JSON/)
  })

  it('rejects a file over the size limit before reading it, and non-UTF-8 bytes', () => {
    const big = write('big.csv', 'a\n' + 'x\n'.repeat(600))
    expect(importError(() => importDatasetFile(big, { maxBytes: 1000 })).message).toBe(
      '1 problem in big.csv; first: line 1: file is 1.2 KB (1202 bytes), over the 1000 B (1000 bytes) import limit — split it into smaller files'
    )
    const latin1 = write('latin1.csv', new Uint8Array([0x61, 0x0a, 0x63, 0x61, 0x66, 0xe9, 0x0a]))
    expect(importError(() => importDatasetFile(latin1)).issues[0]).toMatchObject({ line: 2, column: 4 })
  })

  it('rejects an unknown extension', () => {
    expect(importError(() => importDatasetFile({ name: 'cases.xlsx', bytes: new Uint8Array() })).message).toContain(
      'unknown file type ".xlsx"'
    )
  })
})

import YAML from 'yaml'
import { Assertion } from '../../core/schemas/assertion'
import { importDatasetFile } from '../../datasets/import/import-file'
import type { ReadConfigFile, Unsupported } from './prompts'

export interface ReadBytes {
  (relativePath: string): Uint8Array
}

/** A promptfoo test as a Switchyard dataset case (assertions validated; unsupported ones reported and left out). */
export interface ImportedTestCase {
  vars: Record<string, unknown>
  expected: string | null
  assertions: Array<Record<string, unknown>>
  tags: string[]
  notes: string
  source: string
}

const TEST_KEYS = new Set(['description', 'vars', 'assert', 'metadata', 'threshold'])

/** Validates assertions one by one: good ones are kept, each bad or unsupported one is reported by place and reason. */
export function keepSupportedAssertions(list: unknown, where: string, unsupported: Unsupported[]): Array<Record<string, unknown>> {
  if (list === undefined || list === null) return []
  if (!Array.isArray(list)) {
    unsupported.push({ where, what: 'assert is not a list' })
    return []
  }
  const kept: Array<Record<string, unknown>> = []
  list.forEach((raw, i) => {
    const parsed = Assertion.safeParse(raw)
    if (parsed.success) kept.push(raw as Record<string, unknown>)
    else {
      const type = raw && typeof raw === 'object' ? String((raw as { type?: unknown }).type ?? '(no type)') : String(raw)
      unsupported.push({ where: `${where}[${i}]`, what: `assertion "${type}": ${parsed.error.issues[0]?.message ?? 'not understood'}` })
    }
  })
  return kept
}

/**
 * promptfoo `tests` → cases: an inline list of test objects, and/or `file://` references to CSV, JSONL, JSON
 * (through the dataset importer, which understands promptfoo's `__expected` columns) or YAML files of tests.
 * Vars whose value is `file://x.txt` get the file's text.
 */
export function parseTests(input: unknown, read: ReadConfigFile, readBytes: ReadBytes, unsupported: Unsupported[]): ImportedTestCase[] {
  const cases: ImportedTestCase[] = []
  const entries = input === undefined || input === null ? [] : Array.isArray(input) ? input : [input]
  entries.forEach((entry, i) => {
    const where = Array.isArray(input) ? `tests[${i}]` : 'tests'
    if (typeof entry === 'string') cases.push(...testsFromFile(entry, where, read, readBytes, unsupported))
    else if (entry && typeof entry === 'object') {
      const test = testCase(entry as Record<string, unknown>, where, read, unsupported)
      if (test) cases.push(test)
    } else unsupported.push({ where, what: 'a test that is neither an object nor a file reference' })
  })
  return cases
}

function testsFromFile(ref: string, where: string, read: ReadConfigFile, readBytes: ReadBytes, unsupported: Unsupported[]): ImportedTestCase[] {
  if (!ref.startsWith('file://')) {
    unsupported.push({ where, what: `tests source "${ref}" (only file:// references to CSV, JSONL, JSON or YAML files are read)` })
    return []
  }
  const path = ref.slice('file://'.length)
  if (/\.(ya?ml)$/i.test(path)) {
    const doc = YAML.parse(read(path)) as unknown
    const list = Array.isArray(doc) ? doc : [doc]
    return list.flatMap((t, i) => {
      const test = t && typeof t === 'object' ? testCase(t as Record<string, unknown>, `${path}[${i}]`, read, unsupported) : null
      if (!test) unsupported.push({ where: `${path}[${i}]`, what: 'a test that is not an object' })
      return test ? [test] : []
    })
  }
  if (/\.(csv|jsonl|ndjson|json)$/i.test(path)) {
    const result = importDatasetFile({ name: path, bytes: readBytes(path) })
    return result.cases.map((c) => ({ vars: c.vars, expected: c.expected, assertions: keepSupportedAssertions(c.assertions, `${path}`, unsupported), tags: c.tags, notes: c.notes, source: `promptfoo:${path}` }))
  }
  unsupported.push({ where, what: `tests file ${ref} (Switchyard reads CSV, JSONL, JSON and YAML test files; code generators are not run)` })
  return []
}

function testCase(test: Record<string, unknown>, where: string, read: ReadConfigFile, unsupported: Unsupported[]): ImportedTestCase | null {
  for (const key of Object.keys(test)) if (!TEST_KEYS.has(key)) unsupported.push({ where: `${where}.${key}`, what: `test option "${key}"` })
  const vars: Record<string, unknown> = {}
  const rawVars = test.vars
  if (rawVars !== undefined && (rawVars === null || typeof rawVars !== 'object' || Array.isArray(rawVars))) {
    unsupported.push({ where: `${where}.vars`, what: 'vars must be an object of name: value' })
  } else {
    for (const [name, value] of Object.entries((rawVars ?? {}) as Record<string, unknown>)) {
      if (typeof value === 'string' && value.startsWith('file://')) {
        const path = value.slice('file://'.length)
        if (/\.(txt|md)$/i.test(path)) vars[name] = read(path)
        else unsupported.push({ where: `${where}.vars.${name}`, what: `variable file ${value} (only .txt and .md files are read as text)` })
      } else if (Array.isArray(value)) {
        unsupported.push({ where: `${where}.vars.${name}`, what: 'a list of values (promptfoo expands it into several tests); write one test per value' })
      } else vars[name] = value
    }
  }
  if (test.threshold !== undefined) unsupported.push({ where: `${where}.threshold`, what: 'a test-level threshold (set thresholds on assertions or the suite)' })
  const metadata = test.metadata && typeof test.metadata === 'object' ? (test.metadata as Record<string, unknown>) : {}
  const tags = Object.entries(metadata).map(([k, v]) => `${k}:${typeof v === 'string' ? v : JSON.stringify(v)}`)
  return {
    vars,
    expected: null,
    assertions: keepSupportedAssertions(test.assert, `${where}.assert`, unsupported),
    tags,
    notes: typeof test.description === 'string' ? test.description : '',
    source: 'promptfoo'
  }
}

/** A dataset's .jsonl file → cases, every problem by line (and column for JSON syntax). */
import { jsonSyntaxErrorOffset } from '../datasets/import/json-position'
import { CASE_KEYS, CaseLine } from './file-schemas'
import type { CaseEntry } from './model'
import type { ProblemList } from './problems'

export interface ParsedCases {
  cases: CaseEntry[]
  /** The 1-based line of each case (blank lines are skipped). */
  lines: number[]
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function describe(value: unknown): string {
  return Array.isArray(value) ? 'an array' : value === null ? 'null' : `a ${typeof value}`
}

export function parseCaseLines(text: string, file: string, problems: ProblemList): ParsedCases {
  const cases: CaseEntry[] = []
  const lines: number[] = []
  let start = 0
  let line = 0
  while (start < text.length) {
    line++
    let end = text.indexOf('\n', start)
    if (end === -1) end = text.length
    const raw = text.slice(start, end)
    start = end + 1
    if (raw.trim() === '') continue
    let value: unknown
    try {
      value = JSON.parse(raw)
    } catch (error) {
      const offset = jsonSyntaxErrorOffset(raw)
      const detail = offset >= raw.length ? 'unexpected end of line' : ((error as Error).message.split(',')[0] ?? 'invalid JSON')
      problems.add(file, { line, column: offset >= 0 ? offset + 1 : null }, `invalid JSON: ${detail} — each line is one case, a complete JSON object`)
      continue
    }
    if (!isPlainObject(value)) {
      problems.add(file, { line, column: 1 }, `expected a JSON object with ${CASE_KEYS}, got ${describe(value)}`)
      continue
    }
    const parsed = CaseLine.safeParse(value)
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const field = issue.path.map(String).join('.')
        const message =
          issue.code === 'unrecognized_keys'
            ? `unknown key${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `"${k}"`).join(', ')} — a case has ${CASE_KEYS}`
            : field
              ? `${field}: ${issue.message}`
              : issue.message
        problems.add(file, { line, column: null }, message)
      }
      continue
    }
    const c = parsed.data
    cases.push({ vars: c.vars, expected: c.expected, assertions: c.assertions, tags: c.tags, notes: c.notes })
    lines.push(line)
  }
  return { cases, lines }
}

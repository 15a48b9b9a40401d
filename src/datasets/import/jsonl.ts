/** JSON Lines datasets: one object per line (blank lines skipped), each a promptfoo test or a flat vars object. */
import { objectToCase, type ImportedCase } from './case-shape'
import { normalizeNewlines } from './decode'
import { IssueList } from './import-errors'
import { jsonSyntaxErrorOffset } from './json-position'

/** Visits the parsed JSON value of each non-blank line with its 1-based line number; syntax errors go to `issues`. */
export function eachJsonlValue(input: string, issues: IssueList, visit: (value: unknown, line: number) => void): void {
  const text = normalizeNewlines(input)
  let start = 0
  let line = 0
  while (start <= text.length) {
    line++
    let end = text.indexOf('\n', start)
    if (end === -1) end = text.length
    const raw = text.slice(start, end)
    start = end + 1
    if (raw.trim() === '') continue
    let value: unknown
    try {
      value = JSON.parse(raw)
    } catch (err) {
      const offset = jsonSyntaxErrorOffset(raw)
      const column = offset >= 0 ? offset + 1 : null
      const detail = offset >= raw.length ? 'unexpected end of line' : (err as Error).message.split(',')[0] ?? 'invalid JSON'
      issues.add(line, column, null, `invalid JSON: ${detail} — each line must be one complete JSON object`)
      continue
    }
    visit(value, line)
  }
}

/** Parsed JSON values of the non-blank lines, with their line numbers. */
export function readJsonlValues(input: string, issues: IssueList): { values: unknown[]; lines: number[] } {
  const values: unknown[] = []
  const lines: number[] = []
  eachJsonlValue(input, issues, (value, line) => {
    values.push(value)
    lines.push(line)
  })
  return { values, lines }
}

export function parseJsonl(input: string, options: { fileName?: string; issues?: IssueList } = {}): ImportedCase[] {
  const fileName = options.fileName ?? 'input.jsonl'
  const issues = options.issues ?? new IssueList()
  const cases: ImportedCase[] = []
  eachJsonlValue(input, issues, (value, line) => {
    const c = objectToCase(value, line, fileName, issues)
    if (c) cases.push(c)
  })
  if (!options.issues) issues.throwIfAny(fileName)
  return cases
}

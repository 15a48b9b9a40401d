/** JSON datasets: an array of cases or `{ "cases": [...] }`; each a promptfoo test or a flat vars object. */
import { objectToCase, type ImportedCase } from './case-shape'
import { normalizeNewlines } from './decode'
import { IssueList } from './import-errors'
import { caseElementOffsets, jsonSyntaxErrorOffset, lineColumn } from './json-position'

/** The cases array's elements with the line each starts on; syntax errors and a wrong root go to `issues`. */
export function readJsonValues(input: string, issues: IssueList): { values: unknown[]; lines: number[] } {
  const text = normalizeNewlines(input)
  let root: unknown
  try {
    root = JSON.parse(text)
  } catch (err) {
    const offset = jsonSyntaxErrorOffset(text)
    const at = lineColumn(text, Math.max(0, offset))
    const detail = offset >= text.length ? 'unexpected end of file' : (err as Error).message.split(',')[0] ?? 'invalid JSON'
    issues.add(at.line, at.column, null, `invalid JSON: ${detail}`)
    return { values: [], lines: [] }
  }
  let list: unknown[] | null = null
  if (Array.isArray(root)) list = root
  else if (typeof root === 'object' && root !== null && Array.isArray((root as Record<string, unknown>).cases)) {
    list = (root as { cases: unknown[] }).cases
  }
  if (list === null) {
    issues.add(1, null, null, 'expected an array of cases or an object with a "cases" array')
    return { values: [], lines: [] }
  }
  const offsets = caseElementOffsets(text)
  const lines = offsets.length === list.length ? linesOf(text, offsets) : list.map(() => 1)
  return { values: list, lines }
}

export function parseJson(input: string, options: { fileName?: string; issues?: IssueList } = {}): ImportedCase[] {
  const fileName = options.fileName ?? 'input.json'
  const issues = options.issues ?? new IssueList()
  const { values, lines } = readJsonValues(input, issues)
  const cases: ImportedCase[] = []
  values.forEach((value, k) => {
    const c = objectToCase(value, lines[k] ?? 1, fileName, issues)
    if (c) cases.push(c)
  })
  if (!options.issues) issues.throwIfAny(fileName)
  return cases
}

/** 1-based lines of ascending `offsets`, in one pass. */
function linesOf(text: string, offsets: number[]): number[] {
  const out: number[] = []
  let line = 1
  let i = 0
  for (const o of offsets) {
    for (; i < o; i++) if (text.charCodeAt(i) === 10) line++
    out.push(line)
  }
  return out
}

/** JSON datasets: an array of cases or `{ "cases": [...] }`; each a promptfoo test or a flat vars object. */
import { objectToCase, type ImportedCase } from './case-shape'
import { normalizeNewlines } from './decode'
import { IssueList } from './import-errors'
import { caseElementOffsets, jsonSyntaxErrorOffset, lineColumn } from './json-position'

export function parseJson(input: string, options: { fileName?: string; issues?: IssueList } = {}): ImportedCase[] {
  const fileName = options.fileName ?? 'input.json'
  const issues = options.issues ?? new IssueList()
  const text = normalizeNewlines(input)
  const cases: ImportedCase[] = []
  let root: unknown
  let ok = true
  try {
    root = JSON.parse(text)
  } catch (err) {
    ok = false
    const offset = jsonSyntaxErrorOffset(text)
    const at = lineColumn(text, Math.max(0, offset))
    const detail = offset >= text.length ? 'unexpected end of file' : (err as Error).message.split(',')[0] ?? 'invalid JSON'
    issues.add(at.line, at.column, null, `invalid JSON: ${detail}`)
  }
  if (ok) {
    let list: unknown[] | null = null
    if (Array.isArray(root)) list = root
    else if (typeof root === 'object' && root !== null && Array.isArray((root as Record<string, unknown>).cases)) {
      list = (root as { cases: unknown[] }).cases
    }
    if (list === null) {
      issues.add(1, null, null, 'expected an array of cases or an object with a "cases" array')
    } else {
      const offsets = caseElementOffsets(text)
      const lines = offsets.length === list.length ? linesOf(text, offsets) : null
      list.forEach((value, k) => {
        const c = objectToCase(value, lines?.[k] ?? 1, fileName, issues)
        if (c) cases.push(c)
      })
    }
  }
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

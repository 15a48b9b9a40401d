/**
 * Dataset cases as promptfoo-compatible CSV and as JSONL (pure; the rows come from any iterable, e.g. SQLite's
 * `.iterate()`, so 100k cases never need to be held as objects at once).
 *
 * CSV columns, in this order (a column only when some case needs it):
 * - one column per variable (names in order of first appearance); a value that is not text is written as JSON, and a
 *   case without the variable gets an empty cell (CSV cannot tell "missing" from "empty");
 * - `__expected`: the expected output (promptfoo reads a plain value as an equals check);
 * - `__expected1` … `__expectedN`: assertions in promptfoo's shorthand (`contains:x`, `similar(0.8):x`,
 *   `not-icontains:x`, `contains-any:a,b`, `is-json`); from the first assertion with no shorthand on (extra keys such
 *   as `path`, non-text values, unknown types), the rest of the case's assertions go to `__assertions` as a JSON array
 *   (promptfoo ignores it as an unused variable; Switchyard reads it back);
 * - `__tags`: tags joined with ", " (a JSON array when a tag holds a comma or semicolon);
 * - `__description`: the notes.
 * Fields are quoted per RFC 4180 (when they hold a quote, comma or line break; quotes doubled), records end in CRLF,
 * the text is UTF-8 without a BOM. Cells are written verbatim, so leading `=`/`+`/`-`/`@` are not defused for
 * spreadsheets.
 */
import { toShorthand } from '../import/assertion-shorthand'

export interface ExportCase {
  vars: Record<string, unknown>
  expected: string | null
  assertions: Record<string, unknown>[]
  tags: string[]
  notes: string
}

export interface CsvPlan {
  vars: string[]
  expected: boolean
  /** How many `__expectedN` columns. */
  shorthand: number
  assertionsJson: boolean
  tags: boolean
  notes: boolean
}

/** How many of the case's assertions, from the first, have a shorthand. */
function shorthandPrefix(assertions: Record<string, unknown>[]): string[] {
  const cells: string[] = []
  for (const a of assertions) {
    const cell = toShorthand(a)
    if (cell === null) break
    cells.push(cell)
  }
  return cells
}

const SIMPLE_TAG = /^[^,;\s](?:[^,;]*[^,;\s])?$/

function tagsCell(tags: string[]): string {
  const simple = tags.every((t) => SIMPLE_TAG.test(t)) && !(tags[0] ?? '').startsWith('[')
  return simple ? tags.join(', ') : JSON.stringify(tags)
}

/** First pass: which columns the file needs. */
export function planCsv(cases: Iterable<ExportCase>): CsvPlan {
  const vars = new Set<string>()
  const plan: CsvPlan = { vars: [], expected: false, shorthand: 0, assertionsJson: false, tags: false, notes: false }
  for (const c of cases) {
    for (const k of Object.keys(c.vars)) vars.add(k)
    if (c.expected !== null) plan.expected = true
    const prefix = shorthandPrefix(c.assertions).length
    plan.shorthand = Math.max(plan.shorthand, prefix)
    if (prefix < c.assertions.length) plan.assertionsJson = true
    if (c.tags.length > 0) plan.tags = true
    if (c.notes !== '') plan.notes = true
  }
  plan.vars = [...vars]
  // A file needs one column; a set of empty cases keeps its rows through an empty notes column.
  if (plan.vars.length === 0 && !plan.expected && plan.shorthand === 0 && !plan.assertionsJson && !plan.tags) plan.notes = true
  return plan
}

export function csvHeader(plan: CsvPlan): string[] {
  const header = [...plan.vars]
  if (plan.expected) header.push('__expected')
  for (let i = 1; i <= plan.shorthand; i++) header.push(`__expected${i}`)
  if (plan.assertionsJson) header.push('__assertions')
  if (plan.tags) header.push('__tags')
  if (plan.notes) header.push('__description')
  return header
}

/** One RFC 4180 field. */
export function csvField(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text
}

function csvLine(cells: string[]): string {
  // A lone empty field would read back as a blank line, which importers skip: quote it.
  if (cells.length === 1 && cells[0] === '') return '""\r\n'
  return `${cells.map(csvField).join(',')}\r\n`
}

function varCell(v: unknown): string {
  if (v === undefined || v === null) return ''
  return typeof v === 'string' ? v : JSON.stringify(v)
}

/** Second pass: the header line, then one line per case. */
export function* csvLines(cases: Iterable<ExportCase>, plan: CsvPlan): Generator<string> {
  yield csvLine(csvHeader(plan))
  for (const c of cases) {
    const cells = plan.vars.map((k) => varCell(c.vars[k]))
    if (plan.expected) cells.push(c.expected ?? '')
    const shorthand = shorthandPrefix(c.assertions)
    for (let i = 0; i < plan.shorthand; i++) cells.push(shorthand[i] ?? '')
    if (plan.assertionsJson) {
      const rest = c.assertions.slice(shorthand.length)
      cells.push(rest.length > 0 ? JSON.stringify(rest) : '')
    }
    if (plan.tags) cells.push(c.tags.length > 0 ? tagsCell(c.tags) : '')
    if (plan.notes) cells.push(c.notes)
    yield csvLine(cells)
  }
}

/** One JSONL line: `{vars, expected, assertions, tags, notes}` (a promptfoo-style test Switchyard reads back exactly). */
export function jsonlLine(c: ExportCase): string {
  return `${JSON.stringify({ vars: c.vars, expected: c.expected, assertions: c.assertions, tags: c.tags, notes: c.notes })}\n`
}

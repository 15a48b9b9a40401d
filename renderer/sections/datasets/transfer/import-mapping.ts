import type { ColumnMapping, ColumnRole } from '../../../../src/core/api/dataset-transfer-operations'
import { nameOf } from '../../../stores/dataset-transfer-store'

/** Labels of the column roles, in the order the role menu lists them. */
export const ROLE_LABELS: Record<ColumnRole, string> = {
  var: 'Variable',
  expected: 'Expected output',
  assertion: 'Assertion (promptfoo)',
  'assertions-json': 'Assertions (JSON)',
  tags: 'Tags',
  notes: 'Notes',
  description: 'Description',
  metadata: 'Metadata tag',
  ignore: 'Ignore'
}

const TEMPLATE_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/

/** Problems the engine would refuse (shown next to the column before sending): empty or repeated names, two expected columns. */
export function mappingProblems(mapping: readonly ColumnMapping[]): Record<string, string> {
  const problems: Record<string, string> = {}
  const vars = new Map<string, string>()
  let expected: string | null = null
  for (const m of mapping) {
    const name = nameOf(m).trim()
    if (m.role === 'var') {
      if (name === '') problems[m.column] = 'Type a variable name, or set the column to Ignore.'
      else if (vars.has(name)) problems[m.column] = `"${vars.get(name)}" is already variable "${name}": rename one of them.`
      else vars.set(name, m.column)
    } else if (m.role === 'metadata' && name === '') {
      problems[m.column] = 'Type a metadata key, or set the column to Ignore.'
    } else if (m.role === 'expected') {
      if (expected !== null) problems[m.column] = `"${expected}" is already the expected output: keep one.`
      else expected = m.column
    }
  }
  return problems
}

/** A hint for a variable name a template cannot use as is. */
export function nameHint(m: ColumnMapping): string | null {
  if (m.role !== 'var') return null
  const name = nameOf(m).trim()
  return name === '' || TEMPLATE_NAME.test(name) ? null : `{{${name}}} is not a valid template variable; use letters, digits and _.`
}

/** How many problems an engine error reports in all (its message starts with the total), at least those listed. */
export function problemTotal(message: string, listed: number): number {
  const m = /^(\d+) problems? in /.exec(message)
  return Math.max(listed, m ? Number(m[1]) : 0)
}

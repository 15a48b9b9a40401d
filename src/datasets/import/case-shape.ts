/** The shape of one imported case and the conversion of a JSON object (promptfoo test or flat row) into it. */
import { z } from 'zod'
import { DatasetCase } from '../../core/schemas/workspace'
import type { IssueList } from './import-errors'

/** A case as the importer returns it: the store assigns id and position. */
export type ImportedCase = Omit<DatasetCase, 'id' | 'position'>
export const ImportedCase = DatasetCase.omit({ id: true, position: true })

const Assertions = z.array(z.record(z.string(), z.unknown()))

/** promptfoo test shape (`vars` present). Unknown keys are reported rather than silently dropped. */
const TestShape = z
  .object({
    vars: z.record(z.string(), z.unknown()),
    expected: z.string().nullable().optional(),
    assert: Assertions.optional(),
    assertions: Assertions.optional(),
    tags: z.array(z.string()).optional(),
    notes: z.string().optional(),
    description: z.string().optional(),
    metadata: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])).optional()
  })
  .strict()

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v)
}

/** Converts one parsed JSON value to a case, adding problems (by `line` and field path) to `issues`. */
export function objectToCase(value: unknown, line: number, fileName: string, issues: IssueList): ImportedCase | null {
  const source = `${fileName}:${line}`
  if (!isPlainObject(value)) {
    const kind = Array.isArray(value) ? 'an array' : value === null ? 'null' : `a ${typeof value}`
    issues.add(line, null, null, `expected a JSON object, got ${kind}`)
    return null
  }
  if (!('vars' in value)) {
    return { vars: value, expected: null, assertions: [], tags: [], notes: '', source }
  }
  const parsed = TestShape.safeParse(value)
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = issue.path.map(String).join('.') || null
      const message =
        issue.code === 'unrecognized_keys'
          ? `unknown key${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `"${k}"`).join(', ')} — expected vars, expected, assert, tags, notes, description, metadata`
          : issue.message
      issues.add(line, null, field, message)
    }
    return null
  }
  const t = parsed.data
  if (t.notes !== undefined && t.description !== undefined && t.notes !== t.description) {
    issues.add(line, null, 'description', 'both "notes" and "description" are set — keep one')
    return null
  }
  const tags = [...(t.tags ?? [])]
  for (const [k, v] of Object.entries(t.metadata ?? {})) tags.push(`${k}:${String(v)}`)
  return {
    vars: t.vars,
    expected: t.expected ?? null,
    assertions: [...(t.assert ?? []), ...(t.assertions ?? [])],
    tags,
    notes: t.notes ?? t.description ?? '',
    source
  }
}

import { AppError, type ApiIssue } from '../../core/errors'
import type { ParsedEditStep } from '../../core/schemas/dataset-edit'

/**
 * Edit scripts: how a save from the grid describes a new version as keep-ranges of the base version, edited base
 * cases and new cases, without sending the unchanged cases back. The store applies them in one transaction.
 */

/** The fields of a stored case that an edit can change (plus its source, which an edit keeps). */
export interface CaseFields {
  vars: Record<string, unknown>
  expected: string | null
  assertions: Record<string, unknown>[]
  tags: string[]
  notes: string
  source: string
}

export interface ScriptPlan {
  /** Cases in the new version. */
  caseCount: number
  kept: number
  edited: number
  added: number
  /** Base cases the new version no longer holds (neither kept nor edited). */
  removed: number
}

type EditOp = Extract<ParsedEditStep, { op: 'edit' }>

/**
 * Checks the script against a base version of `baseCount` cases whose edited cases sit at `editPositions` (step
 * index → base position, found by the store; a missing entry is an unknown case id) and counts what it does.
 * Throws VALIDATION_FAILED naming every bad step (first 100) when a keep range runs past the base or a case id is
 * not in the base version.
 */
export function planEditScript(steps: readonly ParsedEditStep[], baseCount: number, baseVersion: number, editPositions: ReadonlyMap<number, number>): ScriptPlan {
  const issues: ApiIssue[] = []
  const ranges: Array<[number, number]> = []
  let kept = 0
  let edited = 0
  let added = 0
  steps.forEach((step, index) => {
    if (step.op === 'keep') {
      const end = step.start + step.count
      if (end > baseCount) {
        const last = step.start + step.count - 1
        issues.push({
          path: `steps.${index}`,
          message: `keeps cases at positions ${step.start}–${last}, but version ${baseVersion} has ${baseCount} case${baseCount === 1 ? '' : 's'} (positions 0–${Math.max(0, baseCount - 1)})`
        })
        return
      }
      ranges.push([step.start, end])
      kept += step.count
    } else if (step.op === 'edit') {
      const position = editPositions.get(index)
      if (position === undefined) {
        issues.push({ path: `steps.${index}.caseId`, message: `unknown case id "${step.caseId}": it is not a case of version ${baseVersion}` })
        return
      }
      ranges.push([position, position + 1])
      edited++
    } else {
      added++
    }
  })
  if (issues.length > 0) {
    const more = issues.length > 1 ? ` (and ${issues.length - 1} more)` : ''
    const first = issues[0]!
    throw new AppError(
      'VALIDATION_FAILED',
      `The edits do not fit version ${baseVersion}: ${first.path}: ${first.message}${more}. Nothing was saved; reload the dataset and make the edits again.`,
      issues.slice(0, 100)
    )
  }
  return { caseCount: kept + edited + added, kept, edited, added, removed: baseCount - coveredCount(ranges) }
}

/** How many distinct positions a set of half-open ranges covers. */
export function coveredCount(ranges: Array<[number, number]>): number {
  const sorted = [...ranges].sort((a, b) => a[0] - b[0])
  let covered = 0
  let reach = -1
  for (const [start, end] of sorted) {
    const from = Math.max(start, reach)
    if (end > from) covered += end - from
    reach = Math.max(reach, end)
  }
  return covered
}

/** A base case with an edit step applied: `vars` merged key by key, `unsetVars` removed, other fields replaced. */
export function applyEdit(base: CaseFields, step: EditOp): CaseFields {
  const vars = { ...base.vars, ...(step.vars ?? {}) }
  for (const name of step.unsetVars ?? []) delete vars[name]
  return {
    vars,
    expected: step.expected !== undefined ? step.expected : base.expected,
    assertions: step.assertions ?? base.assertions,
    tags: step.tags ?? base.tags,
    notes: step.notes ?? base.notes,
    source: base.source
  }
}

/** The note a version gets when the save gave none: what the edits did, in words. */
export function defaultEditNote(plan: ScriptPlan): string {
  const parts = [
    plan.edited && `${plan.edited} edited`,
    plan.added && `${plan.added} added`,
    plan.removed && `${plan.removed} removed`
  ].filter(Boolean)
  return parts.length ? `Edited in the grid: ${parts.join(', ')}` : 'Saved from the grid (no case changed)'
}

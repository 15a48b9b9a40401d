import { describe, expect, it } from 'vitest'
import { AppError } from '../../core/errors'
import { EditStep, type ParsedEditStep } from '../../core/schemas/dataset-edit'
import { applyEdit, coveredCount, defaultEditNote, planEditScript } from './edit-script'

const steps = (raw: unknown[]): ParsedEditStep[] => raw.map((s) => EditStep.parse(s))

describe('planEditScript', () => {
  it('counts kept, edited, added and removed cases (a base case kept twice is a duplicate, not two)', () => {
    const plan = planEditScript(
      steps([
        { op: 'keep', start: 0, count: 3 },
        { op: 'edit', caseId: 'c5', expected: 'x' },
        { op: 'keep', start: 1, count: 1 },
        { op: 'add', case: { vars: { a: 1 } } }
      ]),
      10,
      4,
      new Map([[1, 5]])
    )
    expect(plan).toEqual({ caseCount: 6, kept: 4, edited: 1, added: 1, removed: 6 })
  })

  it('names every step that does not fit the base version', () => {
    let error: unknown
    try {
      planEditScript(steps([{ op: 'keep', start: 8, count: 5 }, { op: 'edit', caseId: 'nope' }]), 10, 2, new Map())
    } catch (e) {
      error = e
    }
    expect(error).toBeInstanceOf(AppError)
    expect(error).toMatchObject({
      code: 'VALIDATION_FAILED',
      message: expect.stringMatching(/do not fit version 2: steps\.0: keeps cases at positions 8–12, but version 2 has 10 cases.*\(and 1 more\)\. Nothing was saved/),
      issues: [{ path: 'steps.0' }, { path: 'steps.1.caseId', message: 'unknown case id "nope": it is not a case of version 2' }]
    })
  })
})

describe('edit helpers', () => {
  it('coveredCount counts distinct positions of overlapping ranges', () => {
    expect(coveredCount([[0, 3], [2, 5], [10, 11], [1, 2]])).toBe(6)
    expect(coveredCount([])).toBe(0)
  })

  it('applyEdit merges variables, removes unset ones and replaces the other fields given', () => {
    const base = { vars: { a: 1, b: 2 }, expected: 'old', assertions: [], tags: ['t'], notes: 'n', source: 'import' }
    const [edit] = steps([{ op: 'edit', caseId: 'x', vars: { b: 3, c: 'new' }, unsetVars: ['a'], expected: null, tags: [] }])
    expect(applyEdit(base, edit as Extract<ParsedEditStep, { op: 'edit' }>)).toEqual({ vars: { b: 3, c: 'new' }, expected: null, assertions: [], tags: [], notes: 'n', source: 'import' })
  })

  it('defaultEditNote says what the save did', () => {
    expect(defaultEditNote({ caseCount: 3, kept: 1, edited: 1, added: 1, removed: 2 })).toBe('Edited in the grid: 1 edited, 1 added, 2 removed')
    expect(defaultEditNote({ caseCount: 3, kept: 3, edited: 0, added: 0, removed: 0 })).toBe('Saved from the grid (no case changed)')
  })
})

import type { ReactElement } from 'react'
import type { ContractProblem } from '../../../src/core/schemas/contract-editor'
import { problemsAt } from '../../lib/contract-form'

/** The problems of one field (or of everything under it), shown right next to it. */
export function FieldProblems({ problems, path, exact = false, id }: { problems: readonly ContractProblem[]; path: string; exact?: boolean; id?: string }): ReactElement | null {
  const mine = exact ? problems.filter((p) => p.path === path) : problemsAt(problems, path)
  if (mine.length === 0) return null
  return (
    <ul className="field-problems" id={id} data-testid={`problems-${path}`}>
      {mine.map((p, i) => (
        <li key={i} className={p.severity === 'error' ? 'bad-text' : 'warn-text'}>
          <span className="visually-hidden">{p.severity === 'error' ? 'Error: ' : 'Warning: '}</span>
          {p.message}
        </li>
      ))}
    </ul>
  )
}

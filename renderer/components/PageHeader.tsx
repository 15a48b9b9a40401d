import type { ReactElement, ReactNode } from 'react'

interface Props {
  title: string
  description?: ReactNode
  actions?: ReactNode
}

/** Every page starts with one <h1> named after its section. */
export function PageHeader({ title, description, actions }: Props): ReactElement {
  return (
    <header className="page-header">
      <div>
        <h1>{title}</h1>
        {description && <p>{description}</p>}
      </div>
      {actions && <div className="actions">{actions}</div>}
    </header>
  )
}

import type { ReactElement, ReactNode } from 'react'
import { Icon } from './Icon'
import type { IconName } from './Icon'

interface Props {
  icon?: IconName
  title: string
  children: ReactNode
  actions?: ReactNode
}

/** An honest, teaching empty state: what this place is for, and where to go now. */
export function EmptyState({ icon, title, children, actions }: Props): ReactElement {
  return (
    <section className="empty" aria-label={title}>
      {icon && (
        <div className="empty-icon">
          <Icon name={icon} size={18} />
        </div>
      )}
      <h2>{title}</h2>
      {children}
      {actions && <div className="row">{actions}</div>}
    </section>
  )
}

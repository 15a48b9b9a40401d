import type { ReactElement, ReactNode } from 'react'
import { navigate } from '../lib/navigation'
import type { SectionId } from '../lib/routes'
import { EmptyState } from './EmptyState'
import type { IconName } from './Icon'
import { PageHeader } from './PageHeader'

interface Props {
  title: string
  icon: IconName
  description: string
  /** What the section will do, in a paragraph or two. */
  children: ReactNode
  /** What works now, and the button that goes there. */
  now: ReactNode
  goTo: { section: SectionId; label: string }
  secondary?: { section: SectionId; label: string }
}

/** A section that is not built yet: an honest, teaching empty state and a way to what works today. */
export function ComingSection({ title, icon, description, children, now, goTo, secondary }: Props): ReactElement {
  return (
    <div className="page">
      <PageHeader title={title} description={description} />
      <EmptyState
        icon={icon}
        title="Not built yet"
        actions={
          <>
            <button type="button" className="btn primary" onClick={() => navigate(goTo.section)}>
              {goTo.label}
            </button>
            {secondary && (
              <button type="button" className="btn" onClick={() => navigate(secondary.section)}>
                {secondary.label}
              </button>
            )}
          </>
        }
      >
        {children}
        <p>
          <strong>What you can do now:</strong> {now}
        </p>
      </EmptyState>
    </div>
  )
}

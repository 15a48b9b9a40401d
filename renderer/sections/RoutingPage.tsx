import type { ReactElement } from 'react'
import { ComingSection } from '../components/ComingSection'

export function RoutingPage(): ReactElement {
  return (
    <ComingSection
      title="Routing"
      icon="routing"
      description="Turn a proven model choice into a routing config your production code can load."
      now="read the sample contract's candidates, budgets and fallback policy, the inputs a routing config is built from."
      goTo={{ section: 'contracts', label: 'Open the model contracts' }}
    >
      <p>
        Once evals and benchmarks have picked a winner, this section will export a routing config per contract: the
        primary model, its fallbacks, retries and timeouts, with keys referenced by environment variable name and never
        written into the file.
      </p>
    </ComingSection>
  )
}

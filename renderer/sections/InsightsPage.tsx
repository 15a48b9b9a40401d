import type { ReactElement } from 'react'
import { ComingSection } from '../components/ComingSection'

export function InsightsPage(): ReactElement {
  return (
    <ComingSection
      title="Insights"
      icon="insights"
      description="Cost and latency across everything you have run, to see which model is worth its price."
      now="every probe is stored as a run: Recent runs in the Playground lists each call's latency, tokens and errors, and exports them as CSV."
      goTo={{ section: 'playground', label: 'See recent runs' }}
      secondary={{ section: 'providers', label: 'Probe a provider' }}
    >
      <p>
        This section will chart the runs in your store: cost per request and per thousand requests, latency against
        quality for each candidate, and how results drift across contract versions, so the trade-off between models is
        visible at a glance.
      </p>
    </ComingSection>
  )
}

import type { ReactElement } from 'react'
import { ComingSection } from '../components/ComingSection'

export function EvalsPage(): ReactElement {
  return (
    <ComingSection
      title="Evals"
      icon="evals"
      description="Score candidate models on a contract's data set before one of them reaches production."
      now="read the sample contract's “Triage golden set” cases in Datasets, and probe the emulator's models in Providers to see how they answer and how fast."
      goTo={{ section: 'datasets', label: 'Browse the data sets' }}
      secondary={{ section: 'providers', label: 'Probe a provider' }}
    >
      <p>
        An eval runs every case of a data set through a contract against each candidate model, then checks the answers:
        JSON schema validity, exact or fuzzy matches with the expected output, and custom assertions. You get a pass rate
        per model and per tag, with p95 latency and cost next to it, checked against the contract&apos;s budgets.
      </p>
    </ComingSection>
  )
}

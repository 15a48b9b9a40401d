import type { ReactElement } from 'react'
import { ComingSection } from '../components/ComingSection'

export function BenchmarksPage(): ReactElement {
  return (
    <ComingSection
      title="Benchmarks"
      icon="benchmarks"
      description="Put a model under production-like load and see how its latency and errors hold up."
      now="probe up to 8 models at once in Providers to measure time to first token and latency for a single request; the emulator's emu-ratelimited, emu-hang and emu-flaky models show how failures are classified."
      goTo={{ section: 'providers', label: 'Probe a provider' }}
    >
      <p>
        A benchmark sends a contract&apos;s requests at a set concurrency or request rate for a while, then reports time
        to first token and latency percentiles (p50, p95, p99), throughput, and errors by class such as rate limits and
        timeouts. The local emulator&apos;s failure models let you rehearse those failures offline.
      </p>
    </ComingSection>
  )
}

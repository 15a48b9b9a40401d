import { useEffect } from 'react'
import type { ReactElement } from 'react'
import { Loading } from './components/Feedback'
import { EngineUnreachablePage, UnauthorizedPage } from './components/FullPagePanels'
import { Shell } from './components/Shell'
import { StatusBar } from './components/StatusBar'
import { StoreErrorPage } from './components/StoreErrorPage'
import { normaliseHash, useRoute } from './lib/navigation'
import { applyTheme } from './lib/theme'
import { useThemeChoice } from './lib/use-app-theme'
import { BenchmarksPage } from './sections/BenchmarksPage'
import { ContractsPage } from './sections/ContractsPage'
import { DatasetsPage } from './sections/DatasetsPage'
import { EvalsPage } from './sections/EvalsPage'
import { InsightsPage } from './sections/InsightsPage'
import { PlaygroundPage } from './sections/PlaygroundPage'
import { ProvidersPage } from './sections/ProvidersPage'
import { RoutingPage } from './sections/RoutingPage'
import { SettingsPage } from './sections/SettingsPage'
import { useAppStore } from './stores/app-store'
import { useJobsStore } from './stores/jobs-store'
import { useSettingsStore } from './stores/settings-store'

function CurrentPage(): ReactElement {
  const { section, sub } = useRoute()
  switch (section) {
    case 'playground':
      return <PlaygroundPage runId={sub} />
    case 'contracts':
      return <ContractsPage contractId={sub} />
    case 'datasets':
      return <DatasetsPage datasetId={sub} />
    case 'evals':
      return <EvalsPage />
    case 'benchmarks':
      return <BenchmarksPage />
    case 'insights':
      return <InsightsPage />
    case 'routing':
      return <RoutingPage />
    case 'providers':
      return <ProvidersPage providerId={sub} />
    case 'settings':
      return <SettingsPage />
  }
}

export function App(): ReactElement {
  const info = useAppStore((s) => s.info)
  const unauthorized = useAppStore((s) => s.unauthorized)
  const loadInfo = useAppStore((s) => s.load)
  const storeOk = info.data?.store.state === 'ok'
  const themeChoice = useThemeChoice()

  useEffect(() => {
    normaliseHash()
    void loadInfo()
  }, [loadInfo])

  useEffect(() => {
    applyTheme(themeChoice)
  }, [themeChoice])

  useEffect(() => {
    // Settings and job events live in the store: wait until it is open (or reopened fresh).
    if (!storeOk) return
    void useSettingsStore.getState().load()
    useJobsStore.getState().start()
  }, [storeOk])

  if (unauthorized) return <UnauthorizedPage />
  if (!info.data && info.status === 'error' && info.error) {
    return <EngineUnreachablePage error={info.error} onRetry={() => void loadInfo()} />
  }
  if (info.data?.store.state === 'error') {
    return (
      <div className="shell shell-bare">
        <main className="main" id="main">
          <StoreErrorPage store={info.data.store} />
        </main>
        <StatusBar />
      </div>
    )
  }
  // Pages load their data from the store: they mount once the engine has said the store is open.
  return (
    <Shell>
      {info.data ? (
        <CurrentPage />
      ) : (
        <div className="page">
          <Loading label="Connecting to the engine…" />
        </div>
      )}
    </Shell>
  )
}

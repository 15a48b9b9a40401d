import type { ReactElement } from 'react'
import { useAppStore } from '../stores/app-store'
import { selectRunningCount, useJobsStore } from '../stores/jobs-store'

const FACE_LABEL = { electron: 'Desktop', web: 'Web', cli: 'CLI' } as const

/** Bottom bar: store, emulator, face and running jobs, always visible. */
export function StatusBar(): ReactElement {
  const info = useAppStore((s) => s.info)
  const running = useJobsStore(selectRunningCount)
  const data = info.data

  return (
    <footer className="statusbar" role="status" aria-label="Status bar">
      <span className="statusbar-item grow" data-testid="status-store">
        {!data ? (
          <span className="muted">{info.status === 'error' ? 'Engine unreachable' : 'Connecting to the engine…'}</span>
        ) : data.store.state === 'ok' ? (
          <>
            <span className="dot on" aria-hidden="true" />
            <span>Store</span>
            <span className="mono truncate" title={data.store.path}>
              {data.store.path}
            </span>
          </>
        ) : (
          <>
            <span className="dot bad" aria-hidden="true" />
            <span className="bad">store unavailable</span>
            <span className="mono truncate" title={data.store.path}>
              {data.store.path}
            </span>
          </>
        )}
      </span>
      {data && (
        <span className="statusbar-item" data-testid="status-emulator">
          <span className={`dot ${data.emulator.running ? 'on' : 'off'}`} aria-hidden="true" />
          {data.emulator.running ? (
            <>
              Emulator running
              {data.emulator.url && <span className="mono">{data.emulator.url}</span>}
              <span className="num">{data.emulator.models} models</span>
            </>
          ) : (
            'Emulator stopped'
          )}
        </span>
      )}
      {data && (
        <span className="statusbar-item" data-testid="status-face">
          {FACE_LABEL[data.face]}
        </span>
      )}
      <span className="statusbar-item" data-testid="status-jobs">
        <span className={`dot ${running > 0 ? 'busy' : 'off'}`} aria-hidden="true" />
        <span className="num">{running}</span> {running === 1 ? 'job running' : 'jobs running'}
      </span>
      {data && <span className="statusbar-item mono">v{data.version}</span>}
    </footer>
  )
}

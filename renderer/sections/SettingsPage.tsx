import type { ReactElement } from 'react'
import type { Settings } from '../../src/core/schemas/app'
import { ErrorNotice, Loading, Notice } from '../components/Feedback'
import { PageHeader } from '../components/PageHeader'
import { formatBytes } from '../lib/format'
import { useThemeChoice } from '../lib/use-app-theme'
import { useAppStore } from '../stores/app-store'
import { useSettingsStore } from '../stores/settings-store'
import { CallPolicyPanel } from './settings/CallPolicyPanel'
import { SecretsPanel } from './settings/SecretsPanel'
import { WorkspaceFilesPanel } from './settings/WorkspaceFilesPanel'

const THEMES: { value: Settings['theme']; label: string }[] = [
  { value: 'system', label: 'System' },
  { value: 'light', label: 'Light' },
  { value: 'dark', label: 'Dark' }
]

const FACE_LABEL = { electron: 'Desktop app', web: 'Web (local server)', cli: 'Command line' } as const

export function SettingsPage(): ReactElement {
  const info = useAppStore((s) => s.info.data)
  const settings = useSettingsStore((s) => s.settings)
  const saveError = useSettingsStore((s) => s.saveError)
  const update = useSettingsStore((s) => s.update)
  const loadSettings = useSettingsStore((s) => s.load)
  const theme = useThemeChoice()

  return (
    <div className="page">
      <PageHeader title="Settings" description="Appearance, where your data lives, how provider keys are kept, and how provider calls retry and time out." />
      <div className="settings-grid">
        {settings.error && <ErrorNotice error={settings.error} title="Could not read the preferences" onRetry={() => void loadSettings()} />}
        {saveError && <ErrorNotice error={saveError} title="The change was not saved" />}

        <section className="panel" aria-labelledby="settings-appearance">
          <div className="panel-header">
            <h2 id="settings-appearance">Appearance</h2>
          </div>
          <div className="panel-body stack">
            <fieldset className="probe-models">
              <legend className="field-label">Theme</legend>
              <div className="segmented">
                {THEMES.map((t) => (
                  <label key={t.value}>
                    <input
                      type="radio"
                      name="theme"
                      value={t.value}
                      checked={theme === t.value}
                      disabled={!settings.data}
                      onChange={() => void update({ theme: t.value })}
                    />
                    {t.label}
                  </label>
                ))}
              </div>
            </fieldset>
            <p className="hint">System follows your operating system&apos;s light or dark mode and switches with it.</p>
          </div>
        </section>

        <section className="panel" aria-labelledby="settings-store">
          <div className="panel-header">
            <h2 id="settings-store">Store</h2>
          </div>
          <div className="panel-body">
            {!info ? (
              <Loading />
            ) : info.store.state === 'ok' ? (
              <dl className="facts">
                <dt>File</dt>
                <dd className="mono">{info.store.path}</dd>
                <dt>Schema version</dt>
                <dd className="num">{info.store.schemaVersion}</dd>
                <dt>Size</dt>
                <dd className="num">{formatBytes(info.store.sizeBytes)}</dd>
                <dt>Runs recovered at start</dt>
                <dd className="num">{info.store.recoveredRuns}</dd>
              </dl>
            ) : (
              <Notice tone="warn" title="Store unavailable">
                <span className="mono">{info.store.path}</span>: {info.store.message}
              </Notice>
            )}
          </div>
        </section>

        {info && <SecretsPanel info={info} />}

        <CallPolicyPanel />

        <WorkspaceFilesPanel />

        <section className="panel" aria-labelledby="settings-about">
          <div className="panel-header">
            <h2 id="settings-about">About</h2>
          </div>
          <dl className="facts panel-body">
            <dt>Version</dt>
            <dd className="num">{info?.version ?? '—'}</dd>
            <dt>Running as</dt>
            <dd>{info ? FACE_LABEL[info.face] : '—'}</dd>
          </dl>
        </section>
      </div>
    </div>
  )
}

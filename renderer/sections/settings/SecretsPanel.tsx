import { useId } from 'react'
import type { ReactElement } from 'react'
import type { AppInfo } from '../../../src/core/schemas/app'
import { Notice } from '../../components/Feedback'
import { useSettingsStore } from '../../stores/settings-store'

const BACKEND_LABEL: Record<AppInfo['secrets']['backend'], string> = {
  safeStorage: 'Operating system keychain (Electron safeStorage)',
  'environment+memory': 'Environment variables, plus memory for this session'
}

/** Where keys live, the OS warning if any, and the opt-in to store keys unencrypted (desktop, basic_text only). */
export function SecretsPanel({ info }: { info: AppInfo }): ReactElement {
  const toggleId = useId()
  const settings = useSettingsStore((s) => s.settings.data)
  const update = useSettingsStore((s) => s.update)
  const allowed = settings?.allowUnencryptedKeys ?? false
  const meaningful = info.face === 'electron' && info.secrets.backend === 'safeStorage' && !info.secrets.encryptedAtRest

  return (
    <section className="panel" aria-labelledby="settings-secrets">
      <div className="panel-header">
        <h2 id="settings-secrets">Keys &amp; secrets</h2>
      </div>
      <div className="panel-body stack">
        <dl className="facts">
          <dt>Backend</dt>
          <dd>{BACKEND_LABEL[info.secrets.backend]}</dd>
          <dt>Encrypted at rest</dt>
          <dd>{info.secrets.encryptedAtRest ? <span className="badge ok">yes</span> : <span className="badge warn">no</span>}</dd>
        </dl>
        {info.secrets.warning && (
          <Notice tone="warn" title="Key storage warning">
            {info.secrets.warning}
          </Notice>
        )}
        <div className="switch-row">
          <input
            id={toggleId}
            type="checkbox"
            role="switch"
            checked={allowed}
            disabled={!settings || (!meaningful && !allowed)}
            aria-describedby={`${toggleId}-hint`}
            onChange={(e) => void update({ allowUnencryptedKeys: e.target.checked })}
          />
          <div>
            <label htmlFor={toggleId}>Allow storing keys unencrypted</label>
            <p className="hint" id={`${toggleId}-hint`}>
              {meaningful
                ? 'Your system offers no real encryption for saved keys (Linux basic_text). Turn this on only if you accept that anyone who can read your files can read the keys; otherwise keys stay in memory for this session and environment variables keep working.'
                : 'Only needed on Linux desktops without a keyring. Here keys are either encrypted by the system or read from environment variables, so this setting has no effect.'}
            </p>
          </div>
        </div>
      </div>
    </section>
  )
}

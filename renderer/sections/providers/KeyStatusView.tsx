import type { ReactElement } from 'react'
import type { KeyStatus, ProviderWithStatus } from '../../../src/core/schemas/provider'
import { kindInfo } from '../../lib/provider-form'

const SOURCE_LABEL: Record<KeyStatus['source'], string> = {
  stored: 'stored key',
  session: 'this session only',
  environment: 'environment variable',
  none: 'none'
}

const STORAGE_HINT: Record<KeyStatus['storage'], string> = {
  encrypted: 'A key you save here is encrypted on disk by the operating system.',
  memory: 'A key you save here is kept in memory for this session only; set the environment variable to keep it.',
  'plaintext-opt-in': 'A key you save here is stored unencrypted, as you allowed in Settings.'
}

/** Whether the provider takes a key at all (local servers usually do not; OpenAI-compatible ones may). */
export function needsKey(provider: ProviderWithStatus): boolean {
  const info = kindInfo(provider.kind)
  return provider.kind !== 'emulator' && (info.needsKey || info.envVar !== undefined || provider.key.configured)
}

/** Whether a call will fail for want of a key. */
export function missingKey(provider: ProviderWithStatus): boolean {
  return kindInfo(provider.kind).needsKey && !provider.key.configured
}

/** One-line key state for lists: configured/missing, never the key. */
export function KeySummary({ provider }: { provider: ProviderWithStatus }): ReactElement {
  if (!needsKey(provider)) return <span>key not needed</span>
  if (!provider.key.configured) return kindInfo(provider.kind).needsKey ? <span className="badge warn">no key</span> : <span>key optional</span>
  return (
    <span>
      key <span className="mono">••••{provider.key.last4 ?? ''}</span>
    </span>
  )
}

/** Key facts: configured, source, last four characters, the environment variable consulted. */
export function KeyStatusView({ provider }: { provider: ProviderWithStatus }): ReactElement {
  const key = provider.key
  if (!needsKey(provider)) {
    return (
      <dl className="facts">
        <dt>Key</dt>
        <dd>
          <span className="badge">Not needed</span> <span className="muted">{provider.kind === 'emulator' ? 'the built-in emulator runs locally and takes no key' : 'this local server takes no key'}</span>
        </dd>
      </dl>
    )
  }
  return (
    <>
      <dl className="facts">
        <dt>Key</dt>
        <dd>
          {key.configured ? <span className="badge ok">Configured</span> : <span className="badge warn">Not configured</span>}
        </dd>
        <dt>Source</dt>
        <dd>{SOURCE_LABEL[key.source]}</dd>
        {key.configured && key.last4 && (
          <>
            <dt>Ends in</dt>
            <dd className="mono">••••{key.last4}</dd>
          </>
        )}
        {key.envVar && (
          <>
            <dt>Environment variable</dt>
            <dd className="mono">{key.envVar}</dd>
          </>
        )}
      </dl>
      <p className="hint">{STORAGE_HINT[key.storage]}</p>
    </>
  )
}

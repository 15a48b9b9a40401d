import { useEffect, useId, useState } from 'react'
import type { ReactElement } from 'react'
import type { AppError } from '../../../src/core/errors'
import type { ContractVersion } from '../../../src/core/schemas/workspace'
import { ErrorNotice, Loading } from '../../components/Feedback'
import { LazyDiffView } from '../../components/LazyDiffView'
import { toAppError } from '../../lib/errors'
import { formatDateTime } from '../../lib/format'
import { useContractsStore } from '../../stores/contracts-store'
import { VersionView } from './VersionView'

/** Two versions as canonical YAML, side by side in Monaco's diff editor. */
function VersionDiff({ contractId, from, to }: { contractId: string; from: number; to: number }): ReactElement {
  const getVersion = useContractsStore((s) => s.getVersion)
  const [texts, setTexts] = useState<{ key: string; original: string; modified: string } | null>(null)
  const [error, setError] = useState<AppError | null>(null)
  const key = `${contractId}:${from}:${to}`

  useEffect(() => {
    let live = true
    // The YAML printer loads with the first diff, not with the app.
    Promise.all([getVersion(contractId, from), getVersion(contractId, to), import('../../lib/contract-text')])
      .then(([a, b, { contractVersionText }]) => {
        if (live) setTexts({ key, original: contractVersionText(a), modified: contractVersionText(b) })
      })
      .catch((e: unknown) => live && setError(toAppError(e)))
    return () => {
      live = false
    }
  }, [getVersion, contractId, from, to, key])

  if (error) return <ErrorNotice error={error} title="Could not load the versions to compare" />
  if (!texts || texts.key !== key) return <Loading label="Loading the versions…" />
  return <LazyDiffView original={texts.original} modified={texts.modified} language="plaintext" label={`Changes from v${from} to v${to}`} />
}

/** One version opened read-only, with a way into the playground. */
function OpenedVersion({ contractId, version, onClose, onPlayground }: { contractId: string; version: number; onClose: () => void; onPlayground: (v: ContractVersion) => void }): ReactElement {
  const getVersion = useContractsStore((s) => s.getVersion)
  const [body, setBody] = useState<ContractVersion | null>(null)
  const [error, setError] = useState<AppError | null>(null)
  useEffect(() => {
    let live = true
    getVersion(contractId, version)
      .then((v) => live && setBody(v))
      .catch((e: unknown) => live && setError(toAppError(e)))
    return () => {
      live = false
    }
  }, [getVersion, contractId, version])
  return (
    <section className="panel" aria-label={`Version ${version} (read-only)`}>
      <div className="panel-header">
        <h3>Version {version}</h3>
        <span className="badge">read-only</span>
        <div className="actions">
          <button type="button" className="btn small" disabled={!body} onClick={() => body && onPlayground(body)}>
            Open v{version} in playground
          </button>
          <button type="button" className="btn small ghost" onClick={onClose}>
            Close
          </button>
        </div>
      </div>
      <div className="panel-body stack">
        {error && <ErrorNotice error={error} title={`Could not open version ${version}`} />}
        {!error && !body && <Loading label={`Loading version ${version}…`} />}
        {body && <VersionView version={body} />}
      </div>
    </section>
  )
}

/** Every version with what changed, a diff between any two, and any version opened read-only. */
export function VersionsPanel({ contractId, onPlayground }: { contractId: string; onPlayground: (v: ContractVersion) => void }): ReactElement {
  const id = useId()
  const versions = useContractsStore((s) => s.versions[contractId])
  const loadVersions = useContractsStore((s) => s.loadVersions)
  const [opened, setOpened] = useState<number | null>(null)
  const [pair, setPair] = useState<{ from: number; to: number } | null>(null)

  useEffect(() => {
    void loadVersions(contractId)
  }, [loadVersions, contractId])

  const list = versions?.data ?? []
  const latest = list[list.length - 1]?.version ?? 0
  const from = pair?.from ?? Math.max(1, latest - 1)
  const to = pair?.to ?? latest

  if (versions?.error) return <ErrorNotice error={versions.error} title="Could not list the versions" onRetry={() => void loadVersions(contractId)} />
  if (!versions?.data) return <Loading label="Loading versions…" />

  return (
    <div className="stack">
      <section className="table-block" aria-labelledby={`${id}-title`}>
        <div className="table-toolbar">
          <h3 id={`${id}-title`}>Versions</h3>
          <span className="count num">{list.length}</span>
        </div>
        <div className="table-scroll">
          <table className="data-table" aria-labelledby={`${id}-title`}>
            <thead>
              <tr>
                <th>Version</th>
                <th>Saved</th>
                <th>What changed</th>
                <th>
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {[...list].reverse().map((v) => (
                <tr key={v.id} className={opened === v.version ? 'selected' : undefined}>
                  <td className="num">v{v.version}</td>
                  <td className="nowrap">{formatDateTime(v.createdAt)}</td>
                  <td className="wrap">{v.summary}</td>
                  <td className="nowrap">
                    <button type="button" className="btn small" onClick={() => setOpened(v.version)}>
                      Open v{v.version}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>

      {opened !== null && <OpenedVersion key={opened} contractId={contractId} version={opened} onClose={() => setOpened(null)} onPlayground={onPlayground} />}

      <section className="panel" aria-labelledby={`${id}-diff`}>
        <div className="panel-header">
          <h3 id={`${id}-diff`}>Compare versions</h3>
          {list.length > 1 && (
            <div className="actions row">
              <label htmlFor={`${id}-from`}>From</label>
              <select id={`${id}-from`} className="select" value={from} onChange={(e) => setPair({ from: Number(e.target.value), to })}>
                {list.map((v) => (
                  <option key={v.id} value={v.version}>
                    v{v.version}
                  </option>
                ))}
              </select>
              <label htmlFor={`${id}-to`}>to</label>
              <select id={`${id}-to`} className="select" value={to} onChange={(e) => setPair({ from, to: Number(e.target.value) })}>
                {list.map((v) => (
                  <option key={v.id} value={v.version}>
                    v{v.version}
                  </option>
                ))}
              </select>
            </div>
          )}
        </div>
        <div className="panel-body">
          {list.length < 2 ? (
            <p className="hint">Only one version so far: save a change to compare two.</p>
          ) : from === to ? (
            <p className="hint">Pick two different versions to see what changed.</p>
          ) : (
            <VersionDiff contractId={contractId} from={from} to={to} />
          )}
        </div>
      </section>
    </div>
  )
}

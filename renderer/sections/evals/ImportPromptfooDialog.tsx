import { useEffect, useId, useRef, useState } from 'react'
import type { FormEvent, ReactElement } from 'react'
import type { PromptfooImportResult } from '../../../src/core/schemas/eval-api'
import type { AppError } from '../../../src/core/errors'
import { ErrorNotice } from '../../components/Feedback'
import { toAppError } from '../../lib/errors'
import { goToEvals } from '../../lib/eval-routes'
import { hrefFor } from '../../lib/routes'
import { useEvalsStore } from '../../stores/evals-store'

/** The header button that opens the promptfoo import. */
export function ImportPromptfooButton(): ReactElement {
  const [open, setOpen] = useState(false)
  return (
    <>
      <button type="button" className="btn" onClick={() => setOpen(true)}>
        Import promptfoo
      </button>
      {open && <ImportPromptfooDialog onClose={() => setOpen(false)} />}
    </>
  )
}

function Created({ result }: { result: PromptfooImportResult }): ReactElement {
  return (
    <div className="stack" data-testid="promptfoo-result">
      <dl className="facts">
        <dt>Contract</dt>
        <dd>
          <a href={hrefFor('contracts', result.contract.id)}>{result.contract.name}</a>{' '}
          <span className="faint">
            {result.contract.versions.length === 1 ? 'version' : 'versions'} {result.contract.versions.map((v) => `v${v}`).join(', ')}
          </span>
        </dd>
        <dt>Dataset</dt>
        <dd>
          <a href={hrefFor('datasets', result.dataset.id)}>
            {result.dataset.name} v{result.dataset.version}
          </a>{' '}
          <span className="faint">{result.dataset.caseCount} cases</span>
        </dd>
        <dt>Suite</dt>
        <dd>{result.suite.name}</dd>
      </dl>
      {result.providers.length > 0 && (
        <div className="stack tight">
          <h3 className="subheading">Providers</h3>
          <ul className="ev-plain-list">
            {result.providers.map((p) => (
              <li key={p.id}>
                <span className="mono">{p.id}</span> →{' '}
                {p.modelId ? (
                  <span className="mono">
                    {p.providerId} / {p.modelId}
                  </span>
                ) : (
                  <span className="warn-text">not mapped</span>
                )}
                {p.note && <span className="faint"> · {p.note}</span>}
              </li>
            ))}
          </ul>
        </div>
      )}
      <div className="stack tight">
        <h3 className="subheading">Not carried over ({result.unsupported.length})</h3>
        {result.unsupported.length === 0 ? (
          <p className="hint">Everything in the config was carried over.</p>
        ) : (
          <ul className="ev-plain-list" aria-label="Unsupported items">
            {result.unsupported.map((u, i) => (
              <li key={i}>
                <code>{u.where}</code> {u.what}
              </li>
            ))}
          </ul>
        )}
      </div>
    </div>
  )
}

/**
 * Imports a promptfooconfig.yaml by its path on the engine's machine (a browser page cannot read arbitrary paths,
 * so the engine reads it): a contract (one version per prompt), a dataset and a suite, with what was not carried over.
 */
export function ImportPromptfooDialog({ onClose }: { onClose: () => void }): ReactElement {
  const dialog = useRef<HTMLDialogElement>(null)
  const id = useId()
  const importPromptfoo = useEvalsStore((s) => s.importPromptfoo)
  const [path, setPath] = useState('')
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<AppError | null>(null)
  const [result, setResult] = useState<PromptfooImportResult | null>(null)

  useEffect(() => {
    const el = dialog.current
    if (el && !el.open) el.showModal()
  }, [])

  async function onSubmit(event: FormEvent<HTMLFormElement>): Promise<void> {
    event.preventDefault()
    if (!path.trim() || busy) return
    setBusy(true)
    setError(null)
    try {
      setResult(await importPromptfoo(path.trim()))
    } catch (e) {
      setError(toAppError(e))
    } finally {
      setBusy(false)
    }
  }

  function openSuite(): void {
    if (!result) return
    goToEvals({ view: 'suite', suiteId: result.suite.id })
    dialog.current?.close()
  }

  return (
    <dialog ref={dialog} className="dialog ev-dialog-wide" aria-labelledby={`${id}-title`} onClose={onClose}>
      <form aria-labelledby={`${id}-title`} onSubmit={(e) => void onSubmit(e)}>
        <div className="panel-header">
          <h2 id={`${id}-title`}>Import a promptfoo config</h2>
        </div>
        <div className="panel-body stack">
          <p className="hint">
            The path of a <code>promptfooconfig.yaml</code> on this machine. Its prompts become versions of a new contract (several
            prompts compete as variants), its tests a dataset (CSV and JSONL test files too), its providers the suite&apos;s models.
            Anything Switchyard cannot carry over is listed by place, never dropped silently.
          </p>
          <div className="field">
            <label htmlFor={`${id}-path`}>Config file path</label>
            <input
              id={`${id}-path`}
              className="input mono"
              value={path}
              onChange={(e) => setPath(e.target.value)}
              placeholder="/home/me/project/promptfooconfig.yaml"
              autoComplete="off"
              spellCheck={false}
              disabled={busy || result !== null}
            />
          </div>
          {error && <ErrorNotice error={error} title="The import failed; nothing was created" />}
          {result && <Created result={result} />}
        </div>
        <div className="dialog-actions">
          {result ? (
            <button type="button" className="btn primary" onClick={openSuite}>
              Open the suite
            </button>
          ) : (
            <button type="submit" className="btn primary" disabled={!path.trim() || busy}>
              {busy ? 'Importing…' : 'Import'}
            </button>
          )}
          <button type="button" className="btn" onClick={() => dialog.current?.close()}>
            Close
          </button>
        </div>
      </form>
    </dialog>
  )
}

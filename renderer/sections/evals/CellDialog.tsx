import { useEffect, useId, useRef, useState } from 'react'
import type { ReactElement } from 'react'
import type { EvalCellDetail } from '../../../src/core/schemas/eval-api'
import { ErrorNotice, Loading } from '../../components/Feedback'
import { LazyDiffView } from '../../components/LazyDiffView'
import { formatScore } from '../../lib/eval-format'
import { formatMs, formatUsd } from '../../lib/format'
import { prettyJson } from '../../lib/playground-run'
import { useEvalsStore } from '../../stores/evals-store'
import type { CellQuery } from '../../stores/evals-store'

type Attempt = EvalCellDetail['attempts'][number]
type Tab = 'output' | 'diff' | 'prompt' | 'attempts'

function ScoresTable({ attempt }: { attempt: Attempt }): ReactElement {
  if (attempt.scores.length === 0) return <p className="hint">No assertion was scored for this attempt{attempt.status !== 'ok' ? ' (the call did not answer)' : ''}.</p>
  return (
    <table className="data-table" aria-label="Assertions">
      <thead>
        <tr>
          <th scope="col">Assertion</th>
          <th scope="col">Result</th>
          <th scope="col" className="right">Score</th>
          <th scope="col" className="right">Weight</th>
          <th scope="col">Reason</th>
        </tr>
      </thead>
      <tbody>
        {attempt.scores.map((s, i) => (
          <tr key={i}>
            <td className="mono">{s.type}</td>
            <td>
              {s.error ? (
                <span className="badge warn">error</span>
              ) : s.pass === null ? (
                <span className="badge">—</span>
              ) : (
                <span className={`badge ${s.pass ? 'ok' : 'bad'}`}>{s.pass ? 'pass' : 'fail'}</span>
              )}
            </td>
            <td className="right num">{formatScore(s.score)}</td>
            <td className="right num">{s.weight}</td>
            <td className="ev-reason">{s.error ? <span className="warn-text">{s.error}</span> : (s.reason ?? '')}</td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}

function AttemptLine({ attempt }: { attempt: Attempt }): ReactElement {
  return (
    <span className="row">
      <span className="badge">attempt {attempt.attempt}</span>
      <span className={`badge ${attempt.status === 'ok' ? 'ok' : attempt.status === 'error' ? 'bad' : 'warn'}`}>{attempt.status}</span>
      {attempt.final && <span className="badge accent">final</span>}
      {attempt.cacheHit && <span className="badge">from cache</span>}
      {attempt.errorClass && <span className="mono warn-text">{attempt.errorClass}</span>}
      <span className="faint num">
        {formatMs(attempt.latencyMs)} · TTFT {formatMs(attempt.ttftMs)} · {attempt.inputTokens ?? '—'} in / {attempt.outputTokens ?? '—'} out · {formatUsd(attempt.costUsd)}
      </span>
    </span>
  )
}

function Body({ detail, tab }: { detail: EvalCellDetail; tab: Tab }): ReactElement {
  const final = detail.attempts.find((a) => a.final) ?? detail.attempts[detail.attempts.length - 1]
  const output = final?.outputText ?? null
  const pretty = output === null ? null : prettyJson(output)
  switch (tab) {
    case 'output':
      return (
        <div className="stack">
          {final ? <AttemptLine attempt={final} /> : <p className="hint">This cell has no call yet.</p>}
          {final?.errorMessage && <p className="bad-text">{final.errorMessage}</p>}
          <div className="stack tight">
            <h3 className="subheading">Output</h3>
            <pre className="ev-pre" data-testid="cell-output">
              {pretty ? pretty.text : '(no output)'}
            </pre>
          </div>
          {final && (
            <div className="stack tight">
              <h3 className="subheading">Assertions</h3>
              <ScoresTable attempt={final} />
            </div>
          )}
          <div className="stack tight">
            <h3 className="subheading">Variables</h3>
            <pre className="ev-pre">{JSON.stringify(detail.vars, null, 2)}</pre>
          </div>
        </div>
      )
    case 'diff': {
      if (detail.expected === null) return <p className="hint">This case has no expected output to compare with.</p>
      const expected = prettyJson(detail.expected)
      const json = expected.parsed && (pretty?.parsed ?? false)
      return <LazyDiffView original={json ? expected.text : detail.expected} modified={json ? pretty!.text : (output ?? '')} language={json ? 'json' : 'plaintext'} label="Expected output (left) against the output (right)" />
    }
    case 'prompt':
      return (
        <ol className="ev-messages" aria-label="Prompt as sent">
          {detail.messages.map((m, i) => (
            <li key={i}>
              <span className="badge">{m.role}</span>
              <pre className="ev-pre">{m.content}</pre>
            </li>
          ))}
        </ol>
      )
    case 'attempts':
      return (
        <ol className="ev-attempts" aria-label="Attempts">
          {detail.attempts.map((a) => (
            <li key={a.callId} className="stack tight">
              <AttemptLine attempt={a} />
              {a.errorMessage && <p className="bad-text">{a.errorMessage}</p>}
              {a.outputText !== null && <pre className="ev-pre">{a.outputText}</pre>}
              {!a.final && a.scores.length > 0 && <ScoresTable attempt={a} />}
            </li>
          ))}
        </ol>
      )
  }
}

interface Props {
  query: CellQuery
  /** "Case 3 × emu-swift". */
  title: string
  repeats: number
  onRepeat: (repeatIndex: number) => void
  onClose: () => void
}

/** One cell (evals.cell): the output, a diff against the expected output, each assertion's reason, the prompt as sent, every attempt. */
export function CellDialog({ query, title, repeats, onRepeat, onClose }: Props): ReactElement {
  const dialog = useRef<HTMLDialogElement>(null)
  const id = useId()
  const cell = useEvalsStore((s) => s.cell)
  const loadCell = useEvalsStore((s) => s.loadCell)
  const [tab, setTab] = useState<Tab>('output')
  const { runId, caseId, columnKey, repeatIndex } = query

  useEffect(() => {
    const el = dialog.current
    if (el && !el.open) el.showModal()
  }, [])

  useEffect(() => {
    void loadCell({ runId, caseId, columnKey, repeatIndex })
  }, [runId, caseId, columnKey, repeatIndex, loadCell])

  const detail = cell.data
  const tabs: Array<[Tab, string]> = [
    ['output', 'Output and assertions'],
    ['diff', 'Diff against expected'],
    ['prompt', 'Prompt as sent'],
    ['attempts', `Attempts${detail ? ` (${detail.attempts.length})` : ''}`]
  ]

  return (
    <dialog ref={dialog} className="dialog ev-dialog-huge ev-cell-dialog" aria-labelledby={`${id}-title`} onClose={onClose}>
      <div className="panel-header">
        <h2 id={`${id}-title`}>{title}</h2>
        {repeats > 1 && (
          <label className="row">
            <span className="field-label">Repeat</span>
            <select className="select" aria-label="Repeat" value={repeatIndex} onChange={(e) => onRepeat(Number(e.target.value))}>
              {Array.from({ length: repeats }, (_, i) => (
                <option key={i} value={i}>
                  {i + 1} of {repeats}
                </option>
              ))}
            </select>
          </label>
        )}
        <div className="actions">
          <button type="button" className="btn small" onClick={() => dialog.current?.close()}>
            Close
          </button>
        </div>
      </div>
      <div className="panel-body stack">
        <div className="segmented" role="radiogroup" aria-label="Cell view">
          {tabs.map(([value, label]) => (
            <label key={value}>
              <input type="radio" name={`${id}-tab`} checked={tab === value} onChange={() => setTab(value)} />
              {label}
            </label>
          ))}
        </div>
        {cell.error && <ErrorNotice error={cell.error} title="Could not load the cell" onRetry={() => void loadCell(query)} />}
        {!detail && cell.status === 'loading' && <Loading label="Loading the cell…" />}
        {detail && <Body detail={detail} tab={tab} />}
      </div>
    </dialog>
  )
}

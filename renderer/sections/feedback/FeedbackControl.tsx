import { useEffect, useId, useState } from 'react'
import type { FormEvent, ReactElement } from 'react'
import type { Rating } from '../../../src/core/api/dataset-transfer-operations'
import type { AppError } from '../../../src/core/errors'
import { toAppError } from '../../lib/errors'
import { hasModifier } from '../../lib/keys'
import { useFeedbackStore } from '../../stores/feedback-store'
import './feedback.css'

/** A 16px stroke thumb (pointing down when `down`), drawn inline like the app's other icons; decorative. */
function Thumb({ down = false }: { down?: boolean }): ReactElement {
  return (
    <svg width="14" height="14" viewBox="0 0 16 16" fill="none" stroke="currentColor" strokeWidth="1.4" strokeLinejoin="round" aria-hidden="true">
      <g transform={down ? 'rotate(180 8 8)' : undefined}>
        <path d="M2 7h3v7H2z" />
        <path d="M5 7l3-5.5c1.1 0 1.9.9 1.7 2L9.3 6H13a1.5 1.5 0 0 1 1.5 1.8l-.9 4.9A1.6 1.6 0 0 1 12 14H5" />
      </g>
    </svg>
  )
}

interface Props {
  /** The stored call; undefined while it runs (the control is shown disabled). */
  callId: string | undefined
  /** Name of the call for screen readers, e.g. its model. */
  label?: string
}

/**
 * Thumbs up / down and a note on one call. Pressing the lit thumb again clears it; the note opens in place
 * (Ctrl/Cmd+Enter saves, Esc closes). "Cases from feedback" on the Datasets page turns these into test cases.
 */
export function FeedbackControl({ callId, label }: Props): ReactElement {
  const id = useId()
  const feedback = useFeedbackStore((s) => (callId ? s.byCall[callId] : undefined))
  const saving = useFeedbackStore((s) => (callId ? Boolean(s.saving[callId]) : false))
  const request = useFeedbackStore((s) => s.request)
  const save = useFeedbackStore((s) => s.set)
  const [editing, setEditing] = useState(false)
  const [draft, setDraft] = useState('')
  const [error, setError] = useState<AppError | null>(null)
  const rating = feedback?.rating ?? null
  const note = feedback?.note ?? ''
  const disabled = !callId || saving

  useEffect(() => {
    if (callId) request(callId)
  }, [callId, request])

  async function put(next: Rating | null, nextNote: string): Promise<boolean> {
    if (!callId) return false
    setError(null)
    try {
      await save(callId, next, nextNote)
      return true
    } catch (e) {
      setError(toAppError(e))
      return false
    }
  }

  async function onSubmit(event: FormEvent<HTMLFormElement>): Promise<void> {
    event.preventDefault()
    if (await put(rating, draft)) setEditing(false)
  }

  const name = label ? ` for ${label}` : ''
  return (
    <div className="feedback-control" role="group" aria-label={`Feedback${name}`} title={callId ? undefined : 'Feedback opens when the call has finished'}>
      <div className="feedback-buttons">
        <button type="button" className={`btn small thumb${rating === 1 ? ' on up' : ''}`} aria-label="Thumbs up" aria-pressed={rating === 1} disabled={disabled} onClick={() => void put(rating === 1 ? null : 1, note)}>
          <Thumb />
        </button>
        <button type="button" className={`btn small thumb${rating === -1 ? ' on down' : ''}`} aria-label="Thumbs down" aria-pressed={rating === -1} disabled={disabled} onClick={() => void put(rating === -1 ? null : -1, note)}>
          <Thumb down />
        </button>
        <button
          type="button"
          className="btn small ghost"
          aria-expanded={editing}
          aria-controls={`${id}-note`}
          disabled={!callId}
          onClick={() => {
            setDraft(note)
            setEditing(!editing)
          }}
        >
          {note ? 'Edit note' : 'Add note'}
        </button>
      </div>
      {note && !editing && (
        <p className="feedback-note" data-testid="feedback-note">
          {note}
        </p>
      )}
      {editing && (
        <form id={`${id}-note`} className="feedback-form" onSubmit={(e) => void onSubmit(e)}>
          <textarea
            className="input"
            aria-label="Feedback note"
            value={draft}
            rows={3}
            maxLength={10_000}
            autoFocus
            placeholder="What was right or wrong with this answer?"
            onChange={(e) => setDraft(e.target.value)}
            onKeyDown={(e) => {
              // Keep the playground's Ctrl/Cmd+Enter (run) and Esc (cancel all) for the page, not this note.
              if (e.key === 'Enter' && hasModifier(e)) {
                e.preventDefault()
                e.stopPropagation()
                e.currentTarget.form?.requestSubmit()
              } else if (e.key === 'Escape') {
                e.preventDefault()
                e.stopPropagation()
                setEditing(false)
              }
            }}
          />
          <div className="row">
            <button type="submit" className="btn small primary" disabled={saving}>
              Save note
            </button>
            <button type="button" className="btn small" onClick={() => setEditing(false)}>
              Cancel
            </button>
          </div>
        </form>
      )}
      {error && (
        <p className="feedback-error" role="alert">
          {error.message}
        </p>
      )}
    </div>
  )
}

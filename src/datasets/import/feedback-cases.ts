/**
 * A call with feedback → a dataset case (what "Cases from feedback" adds):
 * - variables: the call's (its dataset case's, or the playground run's);
 * - thumbs up: the output becomes the expected output; the feedback note goes to the notes;
 * - thumbs down: no expected output (the answer was wrong); the notes hold the feedback note and the rejected output
 *   as a reference, so whoever writes the expected answer or assertions sees what went wrong;
 * - neutral or note only: the notes hold the note and the output as a reference;
 * - tags `feedback:up` / `feedback:down` / `feedback:note`; source `call:<id>` (how "not yet a case" is found).
 */
import type { ImportedCase } from './case-shape'

export interface FeedbackCaseSource {
  callId: string
  providerId: string
  modelId: string
  outputText: string | null
  errorClass: string | null
  errorMessage: string | null
  vars: Record<string, unknown>
  rating: -1 | 0 | 1 | null
  note: string
}

export function feedbackTag(rating: -1 | 0 | 1 | null): string {
  return rating === 1 ? 'feedback:up' : rating === -1 ? 'feedback:down' : 'feedback:note'
}

export function feedbackToCase(call: FeedbackCaseSource): ImportedCase {
  const model = `${call.providerId}/${call.modelId}`
  const note = call.note.trim()
  const output = call.outputText ?? ''
  const source = `call:${call.callId}`
  const tags = [feedbackTag(call.rating)]
  if (call.rating === 1 && output !== '') {
    return { vars: call.vars, expected: output, assertions: [], tags, notes: note, source }
  }
  const heading = call.rating === -1 ? `Rejected output (thumbs down) from ${model}` : `Reference output from ${model}`
  const reference =
    output !== '' ? `${heading}:\n${output}` : `The call from ${model} returned no output${call.errorClass ? ` (${call.errorClass}${call.errorMessage ? `: ${call.errorMessage}` : ''})` : ''}.`
  const notes = note !== '' ? `Feedback: ${note}\n\n${reference}` : reference
  return { vars: call.vars, expected: null, assertions: [], tags, notes, source }
}

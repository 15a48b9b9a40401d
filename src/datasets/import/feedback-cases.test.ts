import { describe, expect, it } from 'vitest'
import { feedbackToCase, type FeedbackCaseSource } from './feedback-cases'

const call: FeedbackCaseSource = {
  callId: 'c1',
  providerId: 'local-emulator',
  modelId: 'emu-swift',
  outputText: 'The answer.',
  errorClass: null,
  errorMessage: null,
  vars: { text: 'hello' },
  rating: 1,
  note: ' good one '
}

describe('feedbackToCase', () => {
  it('thumbs up: the output is the expected output, the note the notes', () => {
    expect(feedbackToCase(call)).toEqual({ vars: { text: 'hello' }, expected: 'The answer.', assertions: [], tags: ['feedback:up'], notes: 'good one', source: 'call:c1' })
  })

  it('thumbs down: no expected output; the note and the rejected output as a reference', () => {
    expect(feedbackToCase({ ...call, rating: -1, note: 'too vague' })).toEqual({
      vars: { text: 'hello' },
      expected: null,
      assertions: [],
      tags: ['feedback:down'],
      notes: 'Feedback: too vague\n\nRejected output (thumbs down) from local-emulator/emu-swift:\nThe answer.',
      source: 'call:c1'
    })
  })

  it('a note alone keeps the output as a reference; a failed call says how it failed', () => {
    expect(feedbackToCase({ ...call, rating: null, note: '' }).notes).toBe('Reference output from local-emulator/emu-swift:\nThe answer.')
    const failed = feedbackToCase({ ...call, rating: 1, outputText: null, errorClass: 'rate_limited', errorMessage: '429' })
    expect(failed).toMatchObject({ expected: null, tags: ['feedback:up'], notes: 'Feedback: good one\n\nThe call from local-emulator/emu-swift returned no output (rate_limited: 429).' })
  })
})

import { describe, expect, it } from 'vitest'
import { applyProbeEvent, emptyColumn, initialProbe } from './probe-state'
import type { ProbeState } from './probe-state'

const running: ProbeState = { ...initialProbe, phase: 'running', jobId: 'j', columns: [emptyColumn('emu-swift'), emptyColumn('emu-hang')] }

describe('probe state', () => {
  it('streams text and records timings per model', () => {
    let s = applyProbeEvent(running, { type: 'call-started', modelId: 'emu-swift' })
    s = applyProbeEvent(s, { type: 'delta', modelId: 'emu-swift', text: 'Hello' })
    s = applyProbeEvent(s, { type: 'delta', modelId: 'emu-swift', text: ' there' })
    s = applyProbeEvent(s, {
      type: 'call-finished',
      modelId: 'emu-swift',
      callId: 'c1',
      ok: true,
      ttftMs: 80,
      latencyMs: 300,
      outputTokens: 5,
      errorClass: null,
      errorMessage: null
    })
    s = applyProbeEvent(s, { type: 'progress', done: 1, total: 2 })
    expect(s.columns[0]).toMatchObject({ phase: 'ok', text: 'Hello there', ttftMs: 80, latencyMs: 300, outputTokens: 5 })
    expect(s.progress).toEqual({ done: 1, total: 2 })
  })

  it('shows the error class of a failed call, and adds columns for models it did not expect', () => {
    const s = applyProbeEvent(running, {
      type: 'call-finished',
      modelId: 'emu-broken',
      callId: 'c2',
      ok: false,
      ttftMs: null,
      latencyMs: 40,
      outputTokens: null,
      errorClass: 'server_error',
      errorMessage: 'boom'
    })
    expect(s.columns.map((c) => c.modelId)).toEqual(['emu-swift', 'emu-hang', 'emu-broken'])
    expect(s.columns[2]).toMatchObject({ phase: 'error', errorClass: 'server_error', errorMessage: 'boom' })
  })

  it('ends on the final status; unanswered columns of a cancelled job read as cancelled', () => {
    const s = applyProbeEvent(running, { type: 'status', status: 'cancelled', error: null })
    expect(s.phase).toBe('cancelled')
    expect(s.columns.every((c) => c.phase === 'error' && c.errorClass === 'cancelled')).toBe(true)
  })
})

import { afterEach, describe, expect, it } from 'vitest'
import type { SwitchyardClient } from '../../src/core/client'
import type { JobEventEnvelope } from '../../src/core/schemas/jobs'
import { setClient } from '../api/client'
import { usePlaygroundRun } from './playground-run-store'

afterEach(() => setClient(null))

describe('playground run store', () => {
  it('buffers deltas and events and applies them together, one state change per flush', async () => {
    let emit: (e: JobEventEnvelope) => void = () => {}
    const env = (seq: number, event: Record<string, unknown>): JobEventEnvelope => ({ jobId: 'j1', op: 'playground.run', seq, at: seq, event })
    const client: SwitchyardClient = {
      face: 'web',
      call: (async (op: string) => (op === 'jobs.list' ? [] : [])) as SwitchyardClient['call'],
      start: (async () => ({ jobId: 'j1' })) as SwitchyardClient['start'],
      onJobEvent: (l) => {
        emit = l
        return () => {}
      }
    }
    setClient(client)
    await usePlaygroundRun.getState().start({ messages: [{ role: 'user', content: 'hi' }], variables: {}, params: { output: { kind: 'text' } }, models: [{ providerId: 'p', modelId: 'a' }], repeat: 1 })
    emit(env(1, { type: 'run-created', runId: 'r', columns: [{ columnId: '0.r0', providerId: 'p', modelId: 'a', repeatIndex: 0 }] }))
    await new Promise((r) => setTimeout(r, 25))
    let renders = 0
    const unsubscribe = usePlaygroundRun.subscribe(() => (renders += 1))
    for (let i = 0; i < 50; i += 1) emit(env(2 + i, { type: 'delta', columnId: '0.r0', text: 'x' }))
    expect(usePlaygroundRun.getState().run.columns['0.r0']?.text).toBe('')
    await new Promise((r) => setTimeout(r, 40))
    expect(usePlaygroundRun.getState().run.columns['0.r0']?.text).toBe('x'.repeat(50))
    expect(renders).toBe(1)
    emit(env(60, { type: 'delta', columnId: '0.r0', text: '!' }))
    emit(env(61, { type: 'status', status: 'completed', error: null }))
    await new Promise((r) => setTimeout(r, 25))
    expect(usePlaygroundRun.getState().run).toMatchObject({ phase: 'completed' })
    expect(usePlaygroundRun.getState().run.columns['0.r0']?.text).toBe(`${'x'.repeat(50)}!`)
    // The last text and the final status arrived together: one state change, not two.
    expect(renders).toBe(2)
    unsubscribe()
  })
})

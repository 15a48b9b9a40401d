import { afterEach, describe, expect, it } from 'vitest'
import type { SwitchyardClient } from '../../src/core/client'
import type { JobEventEnvelope } from '../../src/core/schemas/jobs'
import { setClient } from '../api/client'
import { useProvidersStore } from './providers-store'

const SECRET = 'sk-test-0123456789abcd'

function fakeClient(handlers: Record<string, (req: unknown) => unknown>, start?: (emit: (e: JobEventEnvelope) => void) => Promise<{ jobId: string }>) {
  const listeners: ((e: JobEventEnvelope) => void)[] = []
  const emit = (e: JobEventEnvelope): void => listeners.forEach((l) => l(e))
  const client: SwitchyardClient = {
    face: 'web',
    call: (async (op: string, req: unknown) => {
      const handler = handlers[op]
      if (!handler) throw new Error(`unexpected ${op}`)
      return handler(req)
    }) as SwitchyardClient['call'],
    start: (async () => (start ? start(emit) : { jobId: 'j' })) as SwitchyardClient['start'],
    onJobEvent: (l) => {
      listeners.push(l)
      return () => {}
    }
  }
  return client
}

afterEach(() => setClient(null))

describe('providers store', () => {
  it('sends a key to the engine and keeps only its status', async () => {
    const sent: unknown[] = []
    setClient(
      fakeClient({
        'secrets.set': (req) => {
          sent.push(req)
          return { providerId: 'openai', configured: true, source: 'stored', last4: 'abcd', storage: 'encrypted' }
        }
      })
    )
    useProvidersStore.setState({
      providers: {
        status: 'ready',
        error: null,
        data: [
          {
            id: 'openai',
            kind: 'openai',
            name: 'OpenAI',
            baseUrl: null,
            options: {},
            enabled: true,
            builtIn: false,
            createdAt: '',
            updatedAt: '',
            key: { providerId: 'openai', configured: false, source: 'none', storage: 'encrypted' }
          }
        ]
      }
    })
    await expect(useProvidersStore.getState().setKey('openai', SECRET)).resolves.toBe(true)
    expect(sent).toEqual([{ providerId: 'openai', key: SECRET }])
    expect(useProvidersStore.getState().providers.data?.[0]?.key).toMatchObject({ configured: true, last4: 'abcd' })
    expect(JSON.stringify(useProvidersStore.getState())).not.toContain(SECRET)
  })

  it('follows a probe, including events that arrive before the job id does', async () => {
    const env = (seq: number, event: Record<string, unknown>): JobEventEnvelope => ({ jobId: 'p1', op: 'providers.probe', seq, at: seq, event })
    let emitLater: ((e: JobEventEnvelope) => void) | null = null
    setClient(
      fakeClient(
        {
          'jobs.list': () => [],
          'jobs.get': () => ({ id: 'p1', op: 'providers.probe', status: 'completed', startedAt: '', finishedAt: '', progress: null, error: null, runId: 'run-1' }),
          'runs.list': () => []
        },
        async (emit) => {
          emit(env(1, { type: 'call-started', modelId: 'emu-swift' }))
          emit(env(2, { type: 'delta', modelId: 'emu-swift', text: 'Hi' }))
          emitLater = emit
          return { jobId: 'p1' }
        }
      )
    )
    await useProvidersStore.getState().runProbe({ providerId: 'local-emulator', modelIds: ['emu-swift'], prompt: 'x', maxTokens: 8 })
    expect(useProvidersStore.getState().probe.columns[0]).toMatchObject({ modelId: 'emu-swift', phase: 'streaming', text: 'Hi' })
    emitLater!(env(2, { type: 'delta', modelId: 'emu-swift', text: 'Hi' }))
    emitLater!(env(3, { type: 'call-finished', modelId: 'emu-swift', callId: 'c', ok: true, ttftMs: 1, latencyMs: 2, outputTokens: 1, errorClass: null, errorMessage: null }))
    emitLater!(env(4, { type: 'status', status: 'completed', error: null }))
    const probe = useProvidersStore.getState().probe
    expect(probe.phase).toBe('completed')
    expect(probe.columns[0]).toMatchObject({ phase: 'ok', text: 'Hi' })
    await new Promise((r) => setTimeout(r, 0))
    expect(useProvidersStore.getState().probe.runId).toBe('run-1')
  })
})

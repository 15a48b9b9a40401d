import { describe, expect, it } from 'vitest'
import type { BridgeApi } from '../../src/core/client'
import { createIpcClient } from './ipc-client'

function bridge(overrides: Record<string, Record<string, unknown>>): BridgeApi {
  return { events: { onJobEvent: () => () => {} }, ...overrides } as unknown as BridgeApi
}

describe('IPC client', () => {
  it('calls window.switchyard.<domain>.<verb>(request) and unwraps ok results', async () => {
    const seen: unknown[] = []
    const client = createIpcClient(
      bridge({
        app: {
          ping: async (req: unknown) => {
            seen.push(req)
            return { ok: true, data: { pong: true, at: 2 } }
          }
        }
      })
    )
    expect(client.face).toBe('electron')
    await expect(client.call('app.ping', {})).resolves.toEqual({ pong: true, at: 2 })
    expect(seen).toEqual([{}])
  })

  it('turns an error result into an AppError with the engine code', async () => {
    const client = createIpcClient(
      bridge({ runs: { get: async () => ({ ok: false, error: { code: 'NOT_FOUND', message: 'gone' } }) } })
    )
    await expect(client.call('runs.get', { id: 'r' })).rejects.toMatchObject({ code: 'NOT_FOUND', message: 'gone' })
  })

  it('names an operation the preload does not expose', async () => {
    const client = createIpcClient(bridge({}))
    await expect(client.call('app.ping', {})).rejects.toMatchObject({ code: 'INTERNAL' })
  })

  it('starts jobs and forwards job events from the bridge', async () => {
    const listeners: ((e: unknown) => void)[] = []
    const client = createIpcClient({
      providers: { probe: async () => ({ ok: true, data: { jobId: 'j9' } }) },
      events: {
        onJobEvent: (l: (e: unknown) => void) => {
          listeners.push(l)
          return () => {}
        }
      }
    } as unknown as BridgeApi)
    await expect(client.start('providers.probe', { providerId: 'p' })).resolves.toEqual({ jobId: 'j9' })
    const seen: unknown[] = []
    client.onJobEvent((e) => seen.push(e))
    const envelope = { jobId: 'j9', op: 'providers.probe', seq: 3, at: 1, event: { type: 'progress', done: 0, total: 1 } }
    listeners[0]?.(envelope)
    listeners[0]?.({ jobId: 'j9' })
    expect(seen).toEqual([envelope])
  })
})

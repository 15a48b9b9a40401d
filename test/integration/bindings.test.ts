import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { bindIpc } from '../../main/ipc-binding'
import { buildBridgeApi } from '../../main/bridge-api'
import { OPERATION_NAMES, apiContract, splitOperationName } from '../../src/core/api-contract'
import { OPERATION_KINDS, ipcChannel } from '../../src/core/api-operations'
import { startServerFixture } from '../support/engine-fixture'

let fixture: Awaited<ReturnType<typeof startServerFixture>>
beforeAll(async () => {
  fixture = await startServerFixture()
})
afterAll(async () => fixture.close())

describe('every operation of the contract is bound on every face', () => {
  it('the zod-free operation list matches the contract exactly', () => {
    expect(Object.keys(OPERATION_KINDS).sort()).toEqual([...OPERATION_NAMES].sort())
    for (const op of OPERATION_NAMES) expect(OPERATION_KINDS[op]).toBe(apiContract[op].kind)
  })

  it('IPC: one handler per operation, each reaching the real engine', async () => {
    const handlers = new Map<string, (event: unknown, request?: unknown) => Promise<unknown>>()
    const ipcMain = {
      handle: (channel: string, listener: (event: unknown, ...args: unknown[]) => Promise<unknown>) => {
        expect(handlers.has(channel)).toBe(false)
        handlers.set(channel, listener)
      },
      removeHandler: (channel: string) => handlers.delete(channel)
    }
    bindIpc({ ipcMain, engine: fixture.engine, isTrustedSender: () => true })
    expect([...handlers.keys()].sort()).toEqual(OPERATION_NAMES.map(ipcChannel).sort())
    for (const op of OPERATION_NAMES) {
      const result = (await handlers.get(ipcChannel(op))!({}, {})) as { ok: boolean; error?: { code: string; message: string } }
      // Each answers from the engine: data, or a typed error about its payload, never "Unknown operation".
      expect(result.ok || /Unknown operation/.test(result.error?.message ?? '') === false).toBe(true)
      if (!result.ok) expect(['VALIDATION_FAILED', 'NOT_FOUND', 'CONFLICT']).toContain(result.error?.code)
    }
    const info = (await handlers.get(ipcChannel('app.info'))!({}, {})) as { ok: true; data: { face: string } }
    expect(info).toMatchObject({ ok: true, data: { face: 'web' } })
  })

  it('preload bridge: every operation under its domain, nothing else but events', () => {
    const invoked: string[] = []
    const bridge = buildBridgeApi(
      async (channel) => {
        invoked.push(channel)
        return { ok: true, data: null }
      },
      () => () => undefined
    ) as unknown as Record<string, Record<string, (r: unknown) => Promise<unknown>>>
    for (const op of OPERATION_NAMES) {
      const [domain, verb] = splitOperationName(op)
      expect(typeof bridge[domain]?.[verb]).toBe('function')
      void bridge[domain]![verb]!({})
    }
    expect(invoked.sort()).toEqual(OPERATION_NAMES.map(ipcChannel).sort())
    const domains = new Set(OPERATION_NAMES.map((op) => splitOperationName(op)[0]))
    expect(Object.keys(bridge).sort()).toEqual([...domains, 'events'].sort())
  })

  it('HTTP: POST /api/<op> reaches the engine for every operation', async () => {
    const base = fixture.server.url.replace(/\/$/, '')
    for (const op of OPERATION_NAMES) {
      const res = await fetch(`${base}/api/${op}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${fixture.server.token}`, 'content-type': 'application/json' },
        body: '{}'
      })
      const body = (await res.json()) as { error?: { code: string; message: string } }
      // Known operations answer 200 or a typed error about their payload or state, never "Unknown operation".
      expect(body.error?.message ?? '').not.toMatch(/Unknown operation/)
      expect([200, 400, 404, 409, 503]).toContain(res.status)
    }
  })
})

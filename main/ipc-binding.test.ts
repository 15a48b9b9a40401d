import { describe, expect, it, vi } from 'vitest'
import { OPERATION_NAMES } from '../src/core/api-contract'
import { IPC_JOB_EVENT_CHANNEL, IPC_PREFIX, ipcChannel } from '../src/core/api-operations'
import { AppError } from '../src/core/errors'
import type { JobEventEnvelope } from '../src/core/schemas/jobs'
import { bindIpc, forwardJobEvents, toIpcError, type EventSinkLike, type IpcMainLike } from './ipc-binding'

type FakeEvent = { trusted: boolean }
type Handler = (event: FakeEvent, ...args: unknown[]) => Promise<unknown>

/** A stand-in for Electron's ipcMain: a Map of handlers that refuses a second handler on a channel, as Electron does. */
function fakeIpcMain() {
  const handlers = new Map<string, Handler>()
  const ipcMain: IpcMainLike<FakeEvent> = {
    handle(channel, listener) {
      if (handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`)
      handlers.set(channel, listener)
    },
    removeHandler(channel) {
      handlers.delete(channel)
    }
  }
  const invoke = (channel: string, event: FakeEvent, ...args: unknown[]): Promise<unknown> => {
    const handler = handlers.get(channel)
    if (!handler) throw new Error(`No handler registered for '${channel}'`)
    return handler(event, ...args)
  }
  return { ipcMain, handlers, invoke }
}

function fakeEngine(dispatch: (op: string, request: unknown) => Promise<unknown> = async (op, request) => ({ op, request })) {
  let listener: ((event: JobEventEnvelope) => void) | undefined
  return {
    dispatch: vi.fn(dispatch),
    onJobEvent: (l: (event: JobEventEnvelope) => void) => {
      listener = l
      return () => (listener = undefined)
    },
    emit: (event: JobEventEnvelope) => listener?.(event)
  }
}

const trusted: FakeEvent = { trusted: true }
const untrusted: FakeEvent = { trusted: false }
const isTrustedSender = (event: FakeEvent): boolean => event.trusted

describe('bindIpc', () => {
  it('binds every operation of the contract exactly once, and nothing else', () => {
    const { ipcMain, handlers } = fakeIpcMain()
    const handle = vi.spyOn(ipcMain, 'handle')
    bindIpc({ ipcMain, engine: fakeEngine(), isTrustedSender })
    expect([...handlers.keys()].sort()).toEqual(OPERATION_NAMES.map(ipcChannel).sort())
    expect(handle).toHaveBeenCalledTimes(OPERATION_NAMES.length)
    expect([...handlers.keys()].every((channel) => channel.startsWith(IPC_PREFIX))).toBe(true)
    expect(handlers.has('switchyard:eval.run')).toBe(false)
    expect(handlers.has(IPC_JOB_EVENT_CHANNEL)).toBe(false)
  })

  it('passes a trusted call to the engine and wraps the answer', async () => {
    const { ipcMain, invoke } = fakeIpcMain()
    const engine = fakeEngine()
    bindIpc({ ipcMain, engine, isTrustedSender })
    const request = { providerId: 'emulator' }
    await expect(invoke('switchyard:providers.probe', trusted, request)).resolves.toEqual({
      ok: true,
      data: { op: 'providers.probe', request }
    })
    await expect(invoke('switchyard:app.info', trusted)).resolves.toEqual({ ok: true, data: { op: 'app.info', request: {} } })
  })

  it('refuses an untrusted sender with FORBIDDEN, without calling the engine', async () => {
    const { ipcMain, invoke } = fakeIpcMain()
    const engine = fakeEngine()
    bindIpc({ ipcMain, engine, isTrustedSender })
    const result = await invoke('switchyard:secrets.set', untrusted, { providerId: 'openai', key: 'sk-CANARY-123456' })
    expect(result).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    expect(engine.dispatch).not.toHaveBeenCalled()
  })

  it('answers FORBIDDEN when the sender check itself throws', async () => {
    const { ipcMain, invoke } = fakeIpcMain()
    bindIpc({ ipcMain, engine: fakeEngine(), isTrustedSender: () => { throw new Error('frame gone') } })
    await expect(invoke('switchyard:app.ping', trusted, {})).resolves.toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
  })

  it('maps an engine AppError to an envelope with its code and issues, without stack', async () => {
    const { ipcMain, invoke } = fakeIpcMain()
    const engine = fakeEngine(async () => {
      throw new AppError('VALIDATION_FAILED', 'Invalid request for runs.get: id: must not be empty', [{ path: 'id', message: 'must not be empty' }])
    })
    bindIpc({ ipcMain, engine, isTrustedSender })
    const result = await invoke('switchyard:runs.get', trusted, { id: '' })
    expect(result).toEqual({
      ok: false,
      error: { code: 'VALIDATION_FAILED', message: 'Invalid request for runs.get: id: must not be empty', issues: [{ path: 'id', message: 'must not be empty' }] }
    })
    expect(JSON.stringify(result)).not.toContain('stack')
  })

  it('maps unknown throws to INTERNAL and never rejects', async () => {
    const { ipcMain, invoke } = fakeIpcMain()
    let thrown: unknown = new Error('boom')
    bindIpc({ ipcMain, engine: fakeEngine(async () => { throw thrown }), isTrustedSender })
    await expect(invoke('switchyard:jobs.list', trusted, {})).resolves.toEqual({ ok: false, error: { code: 'INTERNAL', message: 'boom' } })
    thrown = 'a string'
    await expect(invoke('switchyard:jobs.list', trusted, {})).resolves.toEqual({ ok: false, error: { code: 'INTERNAL', message: 'a string' } })
  })

  it('binds only the operations given and refuses names outside the contract', () => {
    const { ipcMain, handlers } = fakeIpcMain()
    bindIpc({ ipcMain, engine: fakeEngine(), isTrustedSender, operations: ['app.ping', 'app.ping'] })
    expect([...handlers.keys()]).toEqual(['switchyard:app.ping'])
    expect(() =>
      bindIpc({ ipcMain: fakeIpcMain().ipcMain, engine: fakeEngine(), isTrustedSender, operations: ['eval.run' as never] })
    ).toThrow(/Not an operation/)
  })

  it('unbind() removes every handler, so binding again works', () => {
    const { ipcMain, handlers } = fakeIpcMain()
    const unbind = bindIpc({ ipcMain, engine: fakeEngine(), isTrustedSender })
    unbind()
    expect(handlers.size).toBe(0)
    bindIpc({ ipcMain, engine: fakeEngine(), isTrustedSender })
    expect(handlers.size).toBe(OPERATION_NAMES.length)
  })
})

describe('toIpcError', () => {
  it('keeps the code of an AppError-shaped error from another module copy', () => {
    const foreign = Object.assign(new Error('gone'), { code: 'NOT_FOUND', stack: 'at secret/path.ts:1' })
    expect(toIpcError(foreign)).toEqual({ code: 'NOT_FOUND', message: 'gone' })
  })

  it('does not trust unknown codes', () => {
    expect(toIpcError(Object.assign(new Error('x'), { code: 'ENOENT' }))).toEqual({ code: 'INTERNAL', message: 'x' })
  })
})

describe('forwardJobEvents', () => {
  const envelope: JobEventEnvelope = { jobId: 'j1', op: 'providers.probe', seq: 0, at: 1, event: { type: 'progress', done: 0, total: 1 } }

  it('sends each event to live windows only, and stops after unsubscribe', () => {
    const engine = fakeEngine()
    const live: EventSinkLike = { isDestroyed: () => false, send: vi.fn() }
    const dead: EventSinkLike = { isDestroyed: () => true, send: vi.fn() }
    const throwing: EventSinkLike = { isDestroyed: () => false, send: vi.fn(() => { throw new Error('closed') }) }
    const stop = forwardJobEvents(engine, () => [throwing, dead, live])
    engine.emit(envelope)
    expect(live.send).toHaveBeenCalledExactlyOnceWith(IPC_JOB_EVENT_CHANNEL, envelope)
    expect(dead.send).not.toHaveBeenCalled()
    stop()
    engine.emit(envelope)
    expect(live.send).toHaveBeenCalledTimes(1)
  })
})

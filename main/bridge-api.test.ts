import { EventEmitter } from 'node:events'
import { describe, expect, it, vi } from 'vitest'
import { OPERATION_NAMES } from '../src/core/api-contract'
import { IPC_JOB_EVENT_CHANNEL } from '../src/core/api-operations'
import type { JobEventEnvelope } from '../src/core/schemas/jobs'
import { buildBridgeApi, ipcRendererTransport, type IpcRendererLike } from './bridge-api'

const envelope: JobEventEnvelope = { jobId: 'j1', op: 'providers.probe', seq: 3, at: 1, event: { type: 'delta', modelId: 'm', text: 'hi' } }

describe('buildBridgeApi', () => {
  it('exposes every operation under its domain, and nothing else besides events', () => {
    const api = buildBridgeApi(async () => undefined, () => () => undefined) as unknown as Record<string, Record<string, unknown>>
    const exposed: string[] = []
    for (const [domain, verbs] of Object.entries(api)) {
      if (domain === 'events') continue
      for (const [verb, fn] of Object.entries(verbs)) {
        expect(typeof fn).toBe('function')
        exposed.push(`${domain}.${verb}`)
      }
    }
    expect(exposed.sort()).toEqual([...OPERATION_NAMES].sort())
    expect(Object.keys(api['events'] ?? {})).toEqual(['onJobEvent'])
    expect(Object.keys(api)).not.toContain('invoke')
    expect(Object.keys(api)).not.toContain('ipcRenderer')
    expect(Object.isFrozen(api)).toBe(true)
    expect(Object.isFrozen(api['providers'])).toBe(true)
  })

  it('providers.probe(req) invokes switchyard:providers.probe with req', async () => {
    const invoke = vi.fn(async () => ({ ok: true, data: { jobId: 'j1' } }))
    const api = buildBridgeApi(invoke, () => () => undefined)
    const request = { providerId: 'emulator', prompt: 'hi' }
    await expect(api.providers.probe(request)).resolves.toEqual({ ok: true, data: { jobId: 'j1' } })
    expect(invoke).toHaveBeenCalledExactlyOnceWith('switchyard:providers.probe', request)
  })

  it('passes only the request, not extra arguments', async () => {
    const invoke = vi.fn(async () => ({ ok: true, data: null }))
    const api = buildBridgeApi(invoke, () => () => undefined)
    await (api.app.info as (...args: unknown[]) => Promise<unknown>)({}, 'extra')
    expect(invoke).toHaveBeenCalledExactlyOnceWith('switchyard:app.info', {})
  })

  it('events.onJobEvent subscribes to the job-event channel and returns its unsubscribe', () => {
    const unsubscribe = vi.fn()
    const subscribe = vi.fn((_channel: string, _listener: (payload: unknown) => void) => unsubscribe)
    const api = buildBridgeApi(async () => undefined, subscribe)
    const listener = vi.fn()
    const off = api.events.onJobEvent(listener)
    expect(subscribe).toHaveBeenCalledWith(IPC_JOB_EVENT_CHANNEL, expect.any(Function))
    subscribe.mock.calls[0]?.[1](envelope)
    expect(listener).toHaveBeenCalledExactlyOnceWith(envelope)
    off()
    expect(unsubscribe).toHaveBeenCalledOnce()
    expect(() => api.events.onJobEvent(undefined as never)).toThrow(TypeError)
  })
})

describe('ipcRendererTransport', () => {
  /** A stand-in for ipcRenderer: an EventEmitter plus a recorded invoke. */
  function fakeIpcRenderer() {
    const emitter = new EventEmitter()
    const invoke = vi.fn(async (..._args: unknown[]) => ({ ok: true, data: 1 }))
    const ipcRenderer: IpcRendererLike = {
      invoke,
      on: (channel, listener) => emitter.on(channel, listener),
      removeListener: (channel, listener) => emitter.removeListener(channel, listener)
    }
    return { ipcRenderer, emitter, invoke }
  }

  it('gives listeners the payload only, and unsubscribe removes only that listener', () => {
    const { ipcRenderer, emitter } = fakeIpcRenderer()
    const { invoke, subscribe } = ipcRendererTransport(ipcRenderer)
    const api = buildBridgeApi(invoke, subscribe)
    const first = vi.fn()
    const second = vi.fn()
    const offFirst = api.events.onJobEvent(first)
    api.events.onJobEvent(second)
    const rendererEvent = { sender: ipcRenderer }
    emitter.emit(IPC_JOB_EVENT_CHANNEL, rendererEvent, envelope)
    expect(first).toHaveBeenCalledExactlyOnceWith(envelope)
    offFirst()
    offFirst()
    emitter.emit(IPC_JOB_EVENT_CHANNEL, rendererEvent, envelope)
    expect(first).toHaveBeenCalledTimes(1)
    expect(second).toHaveBeenCalledTimes(2)
    expect(emitter.listenerCount(IPC_JOB_EVENT_CHANNEL)).toBe(1)
  })

  it('invokes the operation channel with the request', async () => {
    const { ipcRenderer, invoke } = fakeIpcRenderer()
    const { invoke: send } = ipcRendererTransport(ipcRenderer)
    await send('switchyard:runs.get', { id: 'r1' })
    expect(invoke).toHaveBeenCalledExactlyOnceWith('switchyard:runs.get', { id: 'r1' })
  })
})

describe('preload stays zod-free', () => {
  it('the preload imports at runtime only api-operations (and its import-free kind lists) and electron', async () => {
    const { readFile, readdir } = await import('node:fs/promises')
    const runtimeImports = (source: string) => [...source.matchAll(/^import (?!type )[^'"]*['"]([^'"]+)['"]/gm)].map((m) => m[1] as string)
    for (const file of ['bridge-api.ts', 'preload.ts']) {
      const source = await readFile(new URL(file, import.meta.url), 'utf8')
      for (const spec of runtimeImports(source)) expect(['../src/core/api-operations', './bridge-api', 'electron']).toContain(spec)
    }
    const operations = await readFile(new URL('../src/core/api-operations.ts', import.meta.url), 'utf8')
    const kindFiles = runtimeImports(operations)
    for (const spec of kindFiles) expect(spec).toMatch(/^\.\/api\/[a-z-]+-operation-kinds$/)
    const onDisk = (await readdir(new URL('../src/core/api/', import.meta.url))).filter((f) => f.endsWith('-operation-kinds.ts'))
    expect(kindFiles.map((s) => `${s.slice('./api/'.length)}.ts`).sort()).toEqual(onDisk.sort())
    for (const file of onDisk) {
      expect(runtimeImports(await readFile(new URL(`../src/core/api/${file}`, import.meta.url), 'utf8'))).toEqual([])
    }
  })
})

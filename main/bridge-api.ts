import { IPC_JOB_EVENT_CHANNEL, OPERATION_KINDS, ipcChannel } from '../src/core/api-operations'
import type { OperationName } from '../src/core/api-contract'
import type { BridgeApi } from '../src/core/client'
import type { JobEventEnvelope } from '../src/core/schemas/jobs'

/**
 * Builds `window.switchyard`, the domain-shaped bridge (`switchyard.providers.probe(req)`), from the zod-free
 * operation list. Runtime imports stay limited to src/core/api-operations.ts: the preload is sandboxed and tiny.
 * There is no generic invoke and no ipcRenderer in the result, only one function per operation plus `events`.
 */

export type Invoke = (channel: string, request: unknown) => Promise<unknown>
export type Subscribe = (channel: string, listener: (payload: unknown) => void) => () => void

type Verbs = Record<string, (request: unknown) => Promise<unknown>>

export function buildBridgeApi(invoke: Invoke, subscribe: Subscribe): BridgeApi {
  const domains: Record<string, Verbs> = {}
  for (const op of Object.keys(OPERATION_KINDS) as OperationName[]) {
    const dot = op.indexOf('.')
    const domain = op.slice(0, dot)
    const verb = op.slice(dot + 1)
    if (domain === 'events') throw new Error(`Operation ${op} collides with the events bridge`)
    const channel = ipcChannel(op)
    const verbs = (domains[domain] ??= {})
    verbs[verb] = (request: unknown) => invoke(channel, request)
  }
  const events = {
    onJobEvent(listener: (event: JobEventEnvelope) => void): () => void {
      if (typeof listener !== 'function') throw new TypeError('onJobEvent needs a listener function')
      return subscribe(IPC_JOB_EVENT_CHANNEL, (payload) => listener(payload as JobEventEnvelope))
    }
  }
  const api: Record<string, object> = {}
  for (const [domain, verbs] of Object.entries(domains)) api[domain] = Object.freeze(verbs)
  api['events'] = Object.freeze(events)
  return Object.freeze(api) as unknown as BridgeApi
}

/** The part of Electron's ipcRenderer the preload uses. */
export interface IpcRendererLike {
  invoke(channel: string, ...args: unknown[]): Promise<unknown>
  on(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown
  removeListener(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown
}

/**
 * invoke/subscribe over ipcRenderer. A listener receives only the payload, never the IpcRendererEvent (whose
 * `sender` is ipcRenderer itself); unsubscribing removes only that listener, and a second call is a no-op.
 */
export function ipcRendererTransport(ipcRenderer: IpcRendererLike): { invoke: Invoke; subscribe: Subscribe } {
  return {
    invoke: (channel, request) => ipcRenderer.invoke(channel, request),
    subscribe: (channel, listener) => {
      const wrapped = (_event: unknown, payload?: unknown): void => listener(payload)
      ipcRenderer.on(channel, wrapped)
      let subscribed = true
      return () => {
        if (!subscribed) return
        subscribed = false
        ipcRenderer.removeListener(channel, wrapped)
      }
    }
  }
}

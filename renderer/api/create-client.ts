import type { SwitchyardClient } from '../../src/core/client'
import { AppError } from '../../src/core/errors'
import { readBridge } from './bridge'
import { createHttpClient } from './http-client'
import { createIpcClient } from './ipc-client'

/** Picks the binding once at startup: the preload bridge when present (Electron), HTTP + SSE otherwise (web). */
export function createClient(): SwitchyardClient {
  const bridge = readBridge()
  return bridge ? createIpcClient(bridge) : createHttpClient()
}

type AuthListener = (error: AppError) => void

/**
 * Wraps a client so that any UNAUTHORIZED answer is reported once to `onUnauthorized` (the app shows a full-page
 * message) while the caller still gets the rejection.
 */
export function withAuthWatch(client: SwitchyardClient, onUnauthorized: AuthListener): SwitchyardClient {
  const watch = (error: unknown): never => {
    if (error instanceof AppError && error.code === 'UNAUTHORIZED') onUnauthorized(error)
    throw error
  }
  return {
    face: client.face,
    call: (op, request) => client.call(op, request).catch(watch),
    start: (op, request) => client.start(op, request).catch(watch),
    onJobEvent: (listener) => client.onJobEvent(listener)
  }
}

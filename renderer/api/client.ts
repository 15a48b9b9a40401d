import type { SwitchyardClient } from '../../src/core/client'
import type { AppError } from '../../src/core/errors'
import { createClient, withAuthWatch } from './create-client'

/** The one client instance the stores use, created on first use; tests replace it with `setClient`. */
let instance: SwitchyardClient | null = null
const authListeners = new Set<(error: AppError) => void>()

function notifyUnauthorized(error: AppError): void {
  for (const listener of authListeners) listener(error)
}

export function getClient(): SwitchyardClient {
  instance ??= withAuthWatch(createClient(), notifyUnauthorized)
  return instance
}

export function setClient(client: SwitchyardClient | null): void {
  instance = client ? withAuthWatch(client, notifyUnauthorized) : null
}

/** Called whenever the engine rejects this page's session (HTTP 401 / UNAUTHORIZED). */
export function onUnauthorized(listener: (error: AppError) => void): () => void {
  authListeners.add(listener)
  return () => {
    authListeners.delete(listener)
  }
}

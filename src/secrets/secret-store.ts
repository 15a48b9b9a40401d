import type { KeyStatus } from '../core/schemas/provider'

/**
 * Where provider keys live. Keys never leave the engine / main process: the renderer sees only KeyStatus.
 * Implementations: `EnvSecretStore` (web mode and CLI: environment variables plus session memory) and the
 * Electron `SafeStorageSecretStore` in main/ (ciphertext on disk via safeStorage).
 */
export interface SecretStore {
  readonly backend: 'safeStorage' | 'environment+memory'
  /** False when a key set now would live in memory only (or unencrypted by opt-in). */
  readonly encryptedAtRest: boolean
  /** A human warning about the storage (e.g. Linux basic_text), or null. */
  readonly warning: string | null
  /** Status for a provider; `envVar` is the variable consulted when nothing is stored. */
  status(providerId: string, envVar: string | undefined): KeyStatus
  set(providerId: string, key: string, envVar: string | undefined): KeyStatus
  clear(providerId: string, envVar: string | undefined): KeyStatus
  /** The key itself, for provider calls inside the engine only. */
  reveal(providerId: string, envVar: string | undefined): string | undefined
}

export function last4(key: string): string {
  return key.slice(-4)
}

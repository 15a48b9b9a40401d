import type { KeyStatus } from '../core/schemas/provider'
import { last4, type SecretStore } from './secret-store'

/**
 * Keys for web mode and the CLI: a key set through the API lives in this process's memory only (gone when it
 * exits); otherwise the provider kind's environment variable (OPENAI_API_KEY, …) supplies it. Nothing is written.
 */
export class EnvSecretStore implements SecretStore {
  readonly backend = 'environment+memory' as const
  readonly encryptedAtRest = false
  readonly warning = 'Web mode and the CLI keep keys in memory for this session only, or read them from environment variables; nothing is written to disk.'
  private readonly session = new Map<string, string>()

  constructor(private readonly env: Record<string, string | undefined> = process.env) {}

  status(providerId: string, envVar: string | undefined): KeyStatus {
    const sessionKey = this.session.get(providerId)
    const envKey = envVar ? this.env[envVar] : undefined
    const base = { providerId, storage: 'memory' as const, ...(envVar ? { envVar } : {}) }
    if (sessionKey) return { ...base, configured: true, source: 'session', last4: last4(sessionKey) }
    if (envKey) return { ...base, configured: true, source: 'environment', last4: last4(envKey) }
    return { ...base, configured: false, source: 'none' }
  }

  set(providerId: string, key: string, envVar: string | undefined): KeyStatus {
    this.session.set(providerId, key.trim())
    return this.status(providerId, envVar)
  }

  clear(providerId: string, envVar: string | undefined): KeyStatus {
    this.session.delete(providerId)
    return this.status(providerId, envVar)
  }

  reveal(providerId: string, envVar: string | undefined): string | undefined {
    return this.session.get(providerId) ?? (envVar ? this.env[envVar] : undefined)
  }
}

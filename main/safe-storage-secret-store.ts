import { existsSync, readFileSync, renameSync } from 'node:fs'
import { z } from 'zod'
import type { KeyStatus } from '../src/core/schemas/provider'
import { last4, type SecretStore } from '../src/secrets/secret-store'
import { writeFileAtomic } from './atomic-write'

/** The part of Electron's safeStorage used here (sync API of Electron 45). */
export interface SafeStorageLike {
  isEncryptionAvailable(): boolean
  encryptString(plainText: string): Buffer
  decryptString(encrypted: Buffer): string
  /** Linux only: `basic_text` means a hardcoded password, i.e. no real protection. */
  getSelectedStorageBackend?(): string
}

export interface SafeStorageSecretStoreOptions {
  safeStorage: SafeStorageLike
  /** `secrets.json` in userData. */
  filePath: string
  /** The user's "store keys unencrypted" opt-in (Settings.allowUnencryptedKeys), read at each set. */
  allowUnencrypted: () => boolean
  env: Record<string, string | undefined>
}

type Storage = KeyStatus['storage']

const SecretsFile = z.object({
  version: z.literal(1),
  keys: z.record(
    z.string(),
    z.object({ ciphertext: z.string(), last4: z.string().max(4), storage: z.enum(['encrypted', 'plaintext-opt-in']) })
  )
})
type SecretsFile = z.infer<typeof SecretsFile>

export const WARNING_MEMORY_BASIC_TEXT =
  'No OS keyring was found (Linux basic_text backend): API keys are kept in memory for this session only. ' +
  'Turn on "store keys unencrypted" in Settings to keep them on disk, protected only by a fixed, public password.'
export const WARNING_PLAINTEXT_OPT_IN =
  'API keys are stored on disk with the basic_text backend (a fixed, public password), as you allowed in Settings: ' +
  'anyone who can read your user folder can read them.'
export const WARNING_UNAVAILABLE =
  'OS encryption is unavailable: API keys are kept in memory for this session only.'

/**
 * Electron SecretStore (SECURITY.md §2): keys as safeStorage ciphertext (base64) in `secrets.json`, written atomically
 * with mode 0600. With Linux `basic_text` or no encryption at all, keys stay in memory unless the user opted in (then
 * basic_text ciphertext, with a warning); never a silent fallback. Lookup order: session, stored, environment.
 * Nothing here logs; `reveal()` is for the engine's provider calls only.
 */
export class SafeStorageSecretStore implements SecretStore {
  readonly backend = 'safeStorage' as const
  private readonly options: SafeStorageSecretStoreOptions
  private readonly session = new Map<string, string>()
  private readonly decrypted = new Map<string, string>()
  private file: SecretsFile | null = null

  constructor(options: SafeStorageSecretStoreOptions) {
    this.options = options
  }

  /** Where a key set now would go. */
  get storage(): Storage {
    const { safeStorage, allowUnencrypted } = this.options
    if (!safeStorage.isEncryptionAvailable()) return 'memory'
    if (safeStorage.getSelectedStorageBackend?.() === 'basic_text') return allowUnencrypted() ? 'plaintext-opt-in' : 'memory'
    return 'encrypted'
  }

  get encryptedAtRest(): boolean {
    return this.storage === 'encrypted'
  }

  get warning(): string | null {
    const storage = this.storage
    if (storage === 'plaintext-opt-in') return WARNING_PLAINTEXT_OPT_IN
    if (storage === 'memory') return this.options.safeStorage.isEncryptionAvailable() ? WARNING_MEMORY_BASIC_TEXT : WARNING_UNAVAILABLE
    return null
  }

  status(providerId: string, envVar: string | undefined): KeyStatus {
    const base = { providerId, storage: this.storage, ...(envVar ? { envVar } : {}) }
    const sessionKey = this.session.get(providerId)
    if (sessionKey !== undefined) return { ...base, configured: true, source: 'session', last4: last4(sessionKey) }
    const stored = this.stored(providerId)
    if (stored) return { ...base, configured: true, source: 'stored', last4: stored.last4 }
    const envKey = this.envKey(envVar)
    if (envKey !== undefined) return { ...base, configured: true, source: 'environment', last4: last4(envKey) }
    return { ...base, configured: false, source: 'none' }
  }

  set(providerId: string, key: string, envVar: string | undefined): KeyStatus {
    const storage = this.storage
    const file = this.load()
    this.session.delete(providerId)
    this.decrypted.delete(providerId)
    if (storage === 'memory') {
      this.session.set(providerId, key)
      // An older stored key must not come back after a restart.
      if (Object.hasOwn(file.keys, providerId)) this.save(withoutKey(file, providerId))
    } else {
      const ciphertext = this.options.safeStorage.encryptString(key).toString('base64')
      this.save({ ...file, keys: { ...file.keys, [providerId]: { ciphertext, last4: last4(key), storage } } })
      this.decrypted.set(providerId, key)
    }
    return this.status(providerId, envVar)
  }

  clear(providerId: string, envVar: string | undefined): KeyStatus {
    this.session.delete(providerId)
    this.decrypted.delete(providerId)
    const file = this.load()
    if (Object.hasOwn(file.keys, providerId)) this.save(withoutKey(file, providerId))
    return this.status(providerId, envVar)
  }

  reveal(providerId: string, envVar: string | undefined): string | undefined {
    const sessionKey = this.session.get(providerId)
    if (sessionKey !== undefined) return sessionKey
    const cached = this.decrypted.get(providerId)
    if (cached !== undefined) return cached
    const stored = this.stored(providerId)
    if (stored) {
      try {
        const key = this.options.safeStorage.decryptString(Buffer.from(stored.ciphertext, 'base64'))
        this.decrypted.set(providerId, key)
        return key
      } catch {
        // Unreadable (e.g. written under another OS keyring): fall through to the environment.
      }
    }
    return this.envKey(envVar)
  }

  private stored(providerId: string): SecretsFile['keys'][string] | undefined {
    const { keys } = this.load()
    return Object.hasOwn(keys, providerId) ? keys[providerId] : undefined
  }

  private envKey(envVar: string | undefined): string | undefined {
    if (!envVar) return undefined
    const value = this.options.env[envVar]?.trim()
    return value ? value : undefined
  }

  /** Reads secrets.json once. A corrupt file is moved aside (never overwritten) and the store starts empty. */
  private load(): SecretsFile {
    if (this.file) return this.file
    const { filePath } = this.options
    let file: SecretsFile = { version: 1, keys: {} }
    if (existsSync(filePath)) {
      const parsed = SecretsFile.safeParse(parseJson(readFileSync(filePath, 'utf8')))
      if (parsed.success) file = parsed.data
      else renameSync(filePath, `${filePath}.corrupt-${Date.now()}`)
    }
    this.file = file
    return file
  }

  private save(file: SecretsFile): void {
    writeFileAtomic(this.options.filePath, `${JSON.stringify(file, null, 2)}\n`, 0o600)
    this.file = file
  }
}

function withoutKey(file: SecretsFile, providerId: string): SecretsFile {
  const keys = { ...file.keys }
  delete keys[providerId]
  return { ...file, keys }
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text)
  } catch {
    return undefined
  }
}

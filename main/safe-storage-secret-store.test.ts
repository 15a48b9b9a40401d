import { randomUUID } from 'node:crypto'
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import {
  SafeStorageSecretStore,
  WARNING_MEMORY_BASIC_TEXT,
  WARNING_PLAINTEXT_OPT_IN,
  WARNING_UNAVAILABLE,
  type SafeStorageLike
} from './safe-storage-secret-store'

/** A stand-in for safeStorage: reverses the string, XORs each byte and adds a marker. Not crypto, just not plaintext. */
function fakeSafeStorage(backend: string | undefined = 'gnome_libsecret', available = true) {
  const marker = Buffer.from('FAKE1:')
  const storage: SafeStorageLike = {
    isEncryptionAvailable: () => available,
    encryptString: vi.fn((plain: string) => {
      if (!available) throw new Error('Encryption is not available')
      const bytes = Buffer.from([...plain].reverse().join(''), 'utf8').map((b) => b ^ 0x5a)
      return Buffer.concat([marker, bytes])
    }),
    decryptString: vi.fn((encrypted: Buffer) => {
      if (!encrypted.subarray(0, marker.length).equals(marker)) throw new Error('bad ciphertext')
      return [...Buffer.from(encrypted.subarray(marker.length).map((b) => b ^ 0x5a)).toString('utf8')].reverse().join('')
    })
  }
  if (backend !== undefined) storage.getSelectedStorageBackend = () => backend
  return storage
}

let dir: string
let filePath: string
const canary = `sk-CANARY-${randomUUID()}`

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'switchyard-secrets-'))
  filePath = join(dir, 'secrets.json')
})
afterEach(() => rmSync(dir, { recursive: true, force: true }))

function makeStore(safeStorage: SafeStorageLike = fakeSafeStorage(), opts: { optIn?: boolean; env?: Record<string, string> } = {}) {
  return new SafeStorageSecretStore({ safeStorage, filePath, allowUnencrypted: () => opts.optIn ?? false, env: opts.env ?? {} })
}

function expectNoLeak(): void {
  for (const name of readdirSync(dir)) {
    const bytes = readFileSync(join(dir, name), 'utf8')
    expect(bytes).not.toContain(canary)
    expect(bytes).not.toContain(Buffer.from(canary).toString('base64'))
    expect(bytes).not.toContain(Buffer.from(canary).toString('hex'))
  }
}

describe('SafeStorageSecretStore with a real keyring', () => {
  it('round-trips a key through encrypted storage, across instances', () => {
    const store = makeStore()
    expect(store.encryptedAtRest).toBe(true)
    expect(store.warning).toBeNull()
    const status = store.set('openai', canary, 'OPENAI_API_KEY')
    expect(status).toEqual({
      providerId: 'openai',
      configured: true,
      source: 'stored',
      last4: canary.slice(-4),
      envVar: 'OPENAI_API_KEY',
      storage: 'encrypted'
    })
    expect(store.reveal('openai', 'OPENAI_API_KEY')).toBe(canary)
    const reopened = makeStore()
    expect(reopened.status('openai', undefined)).toMatchObject({ configured: true, source: 'stored', last4: canary.slice(-4) })
    expect(reopened.reveal('openai', undefined)).toBe(canary)
  })

  it('writes ciphertext only: no plaintext key nor its base64 on disk, file mode 0600, no temp files left', () => {
    makeStore().set('openai', canary, undefined)
    expectNoLeak()
    expect(readdirSync(dir)).toEqual(['secrets.json'])
    if (process.platform !== 'win32') expect(statSync(filePath).mode & 0o777).toBe(0o600)
    const file = JSON.parse(readFileSync(filePath, 'utf8'))
    expect(file.keys.openai.storage).toBe('encrypted')
    expect(Buffer.from(file.keys.openai.ciphertext, 'base64').subarray(0, 6).toString()).toBe('FAKE1:')
  })

  it('status never carries the key', () => {
    const store = makeStore()
    const statuses = [store.set('openai', canary, 'OPENAI_API_KEY'), store.status('openai', 'OPENAI_API_KEY')]
    expect(JSON.stringify(statuses)).not.toContain(canary.slice(0, -4))
  })

  it('clear forgets the stored key and removes it from disk', () => {
    const store = makeStore()
    store.set('openai', canary, undefined)
    expect(store.clear('openai', undefined)).toMatchObject({ configured: false, source: 'none' })
    expect(store.reveal('openai', undefined)).toBeUndefined()
    expect(JSON.parse(readFileSync(filePath, 'utf8')).keys).toEqual({})
    expect(makeStore().status('openai', undefined).configured).toBe(false)
  })

  it('falls back to the environment variable when nothing is stored, and again after clear', () => {
    const env = { ANTHROPIC_API_KEY: 'sk-ant-env-key-9876' }
    const store = makeStore(fakeSafeStorage(), { env })
    expect(store.status('anthropic', 'ANTHROPIC_API_KEY')).toMatchObject({ configured: true, source: 'environment', last4: '9876', envVar: 'ANTHROPIC_API_KEY' })
    expect(store.reveal('anthropic', 'ANTHROPIC_API_KEY')).toBe('sk-ant-env-key-9876')
    store.set('anthropic', canary, 'ANTHROPIC_API_KEY')
    expect(store.reveal('anthropic', 'ANTHROPIC_API_KEY')).toBe(canary)
    expect(store.clear('anthropic', 'ANTHROPIC_API_KEY')).toMatchObject({ source: 'environment', last4: '9876' })
    expect(store.status('anthropic', undefined)).toMatchObject({ configured: false, source: 'none' })
    expect(makeStore(fakeSafeStorage(), { env: { X: '  ' } }).status('p', 'X').configured).toBe(false)
  })

  it('does not mistake inherited property names for stored keys', () => {
    const store = makeStore()
    expect(store.status('constructor', undefined).configured).toBe(false)
    expect(store.reveal('toString', undefined)).toBeUndefined()
  })

  it('moves a corrupt secrets.json aside instead of overwriting it', () => {
    writeFileSync(filePath, '{ not json')
    const store = makeStore()
    expect(store.status('openai', undefined).configured).toBe(false)
    expect(readdirSync(dir).some((name) => name.startsWith('secrets.json.corrupt-'))).toBe(true)
  })

  it('treats an undecryptable entry as absent when revealing', () => {
    writeFileSync(filePath, JSON.stringify({ version: 1, keys: { openai: { ciphertext: 'AAAA', last4: 'abcd', storage: 'encrypted' } } }))
    expect(makeStore().reveal('openai', undefined)).toBeUndefined()
  })
})

describe('SafeStorageSecretStore on Linux basic_text', () => {
  it('keeps keys in memory only without the opt-in, and writes no file', () => {
    const safeStorage = fakeSafeStorage('basic_text')
    const store = makeStore(safeStorage)
    expect(store.encryptedAtRest).toBe(false)
    expect(store.warning).toBe(WARNING_MEMORY_BASIC_TEXT)
    expect(store.set('openai', canary, undefined)).toMatchObject({ configured: true, source: 'session', storage: 'memory' })
    expect(store.reveal('openai', undefined)).toBe(canary)
    expect(existsSync(filePath)).toBe(false)
    expect(safeStorage.encryptString).not.toHaveBeenCalled()
    expect(makeStore(fakeSafeStorage('basic_text')).status('openai', undefined).configured).toBe(false)
  })

  it('with the opt-in, stores basic_text ciphertext and says so', () => {
    const store = makeStore(fakeSafeStorage('basic_text'), { optIn: true })
    expect(store.encryptedAtRest).toBe(false)
    expect(store.warning).toBe(WARNING_PLAINTEXT_OPT_IN)
    expect(store.set('openai', canary, undefined)).toMatchObject({ source: 'stored', storage: 'plaintext-opt-in' })
    expectNoLeak()
    expect(makeStore(fakeSafeStorage('basic_text')).reveal('openai', undefined)).toBe(canary)
  })

  it('a memory-only set removes an older stored key so it cannot come back', () => {
    makeStore(fakeSafeStorage('basic_text'), { optIn: true }).set('openai', 'sk-old-stored-key', undefined)
    const store = makeStore(fakeSafeStorage('basic_text'))
    store.set('openai', canary, undefined)
    expect(store.reveal('openai', undefined)).toBe(canary)
    expect(makeStore(fakeSafeStorage('basic_text')).status('openai', undefined).configured).toBe(false)
    expectNoLeak()
  })
})

describe('logging', () => {
  it('never writes to the console', () => {
    const spies = (['log', 'info', 'warn', 'error', 'debug'] as const).map((m) => vi.spyOn(console, m).mockImplementation(() => undefined))
    writeFileSync(filePath, '{ not json')
    for (const store of [makeStore(), makeStore(fakeSafeStorage('basic_text'))]) {
      store.set('openai', canary, 'OPENAI_API_KEY')
      store.reveal('openai', 'OPENAI_API_KEY')
      store.status('openai', 'OPENAI_API_KEY')
      store.clear('openai', 'OPENAI_API_KEY')
    }
    for (const spy of spies) expect(spy).not.toHaveBeenCalled()
    vi.restoreAllMocks()
  })
})

describe('SafeStorageSecretStore without encryption', () => {
  it('is memory-only even with the opt-in', () => {
    const store = makeStore(fakeSafeStorage(undefined, false), { optIn: true })
    expect(store.warning).toBe(WARNING_UNAVAILABLE)
    expect(store.set('openai', canary, undefined)).toMatchObject({ source: 'session', storage: 'memory' })
    expect(existsSync(filePath)).toBe(false)
    expect(store.clear('openai', undefined)).toMatchObject({ configured: false, source: 'none' })
  })
})

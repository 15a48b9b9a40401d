import { z } from 'zod'
import { CallPolicy } from './playground'

export const Face = z.enum(['electron', 'web', 'cli'])
export type Face = z.infer<typeof Face>

export const StoreInfo = z.discriminatedUnion('state', [
  z.object({
    state: z.literal('ok'),
    path: z.string(),
    schemaVersion: z.number().int(),
    sizeBytes: z.number().int().nonnegative(),
    recoveredRuns: z.number().int().nonnegative()
  }),
  z.object({
    state: z.literal('error'),
    path: z.string(),
    code: z.enum(['corrupt', 'not_sqlite', 'foreign', 'too_new', 'io']),
    message: z.string()
  })
])
export type StoreInfo = z.infer<typeof StoreInfo>

export const EmulatorInfo = z.object({
  running: z.boolean(),
  url: z.string().nullable(),
  models: z.number().int().nonnegative()
})
export type EmulatorInfo = z.infer<typeof EmulatorInfo>

export const AppInfo = z.object({
  version: z.string(),
  face: Face,
  store: StoreInfo,
  emulator: EmulatorInfo,
  secrets: z.object({
    backend: z.enum(['safeStorage', 'environment+memory']),
    /** False when keys can only live in memory (Linux basic_text without opt-in). */
    encryptedAtRest: z.boolean(),
    warning: z.string().nullable()
  })
})
export type AppInfo = z.infer<typeof AppInfo>

export const Theme = z.enum(['system', 'light', 'dark'])
export const Settings = z.object({
  theme: Theme,
  /** Opt-in to store keys when the OS offers no real encryption (Linux basic_text). */
  allowUnencryptedKeys: z.boolean(),
  /** Retries, Retry-After cap and timeouts for provider calls. */
  callPolicy: CallPolicy
})
export type Settings = z.infer<typeof Settings>

export const DEFAULT_SETTINGS: Settings = { theme: 'system', allowUnencryptedKeys: false, callPolicy: CallPolicy.parse({}) }

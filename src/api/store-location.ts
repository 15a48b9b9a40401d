import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { homedir } from 'node:os'
import { dirname, join, resolve } from 'node:path'

/** Where web mode and the CLI keep data when nothing else is said: ~/.switchyard/. */
export function defaultDataDir(env: Record<string, string | undefined> = process.env): string {
  return env.SWITCHYARD_HOME ? resolve(env.SWITCHYARD_HOME) : join(homedir(), '.switchyard')
}

const POINTER_FILE = 'active-store.txt'

/**
 * The store file to open: `--db PATH` wins, then `SWITCHYARD_DB`, then the store the user last switched to in
 * this data folder (after "Open a fresh store"), then `<dataDir>/switchyard.db`.
 */
export function resolveStorePath(options: { explicit?: string | undefined; env?: Record<string, string | undefined>; dataDir: string }): string {
  const env = options.env ?? process.env
  if (options.explicit) return resolve(options.explicit)
  if (env.SWITCHYARD_DB) return resolve(env.SWITCHYARD_DB)
  const pointer = join(options.dataDir, POINTER_FILE)
  if (existsSync(pointer)) {
    const remembered = readFileSync(pointer, 'utf8').trim()
    if (remembered) return remembered
  }
  return join(options.dataDir, 'switchyard.db')
}

/** Remember a store the user switched to, so the next start opens it instead of the unusable default. */
export function rememberStorePath(dataDir: string, storePath: string): void {
  mkdirSync(dataDir, { recursive: true })
  writeFileSync(join(dataDir, POINTER_FILE), `${resolve(storePath)}\n`)
}

export function ensureParentDir(path: string): void {
  mkdirSync(dirname(path), { recursive: true })
}

import { homedir } from 'node:os'
import { isAbsolute, join, resolve } from 'node:path'
import { resolveStorePath as resolveRememberedStorePath } from '../src/api/store-location'

/**
 * Where Switchyard keeps its data. The store defaults to `<userData>/switchyard.db`; `--db PATH` (or `--db=PATH`)
 * wins over the SWITCHYARD_DB environment variable. SWITCHYARD_USER_DATA moves the whole userData folder (e2e tests
 * use a fresh temp folder per run).
 */
export const SECRETS_FILE_NAME = 'secrets.json'

export interface StorePathInput {
  userDataDir: string
  env: Record<string, string | undefined>
  argv: readonly string[]
  /** Base for relative paths; defaults to process.cwd(). */
  cwd?: string
}

export function resolveStorePath({ userDataDir, env, argv, cwd = process.cwd() }: StorePathInput): string {
  const chosen = dbArgument(argv) ?? nonEmpty(env['SWITCHYARD_DB'])
  // Without an explicit choice: the store the user last switched to (after "Open a fresh store"), else the default.
  return chosen ? toAbsolute(chosen, cwd) : resolveRememberedStorePath({ env: {}, dataDir: userDataDir })
}

export function resolveSecretsPath(userDataDir: string): string {
  return join(userDataDir, SECRETS_FILE_NAME)
}

/** The userData folder to use instead of Electron's default, or null to keep the default. */
export function resolveUserDataDir(env: Record<string, string | undefined>, cwd: string = process.cwd()): string | null {
  const dir = nonEmpty(env['SWITCHYARD_USER_DATA'])
  return dir ? toAbsolute(dir, cwd) : null
}

/** The value of the last `--db PATH` / `--db=PATH` in argv (a following flag is not a value). */
function dbArgument(argv: readonly string[]): string | undefined {
  let found: string | undefined
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]
    if (arg === '--db') {
      const next = argv[i + 1]
      if (next !== undefined && !next.startsWith('--') && next.trim() !== '') {
        found = next
        i++
      }
    } else if (arg?.startsWith('--db=')) {
      found = nonEmpty(arg.slice('--db='.length)) ?? found
    }
  }
  return found
}

function nonEmpty(value: string | undefined): string | undefined {
  return value !== undefined && value.trim() !== '' ? value : undefined
}

function toAbsolute(path: string, cwd: string): string {
  if (path === '~' || path.startsWith('~/')) return join(homedir(), path.slice(1))
  return isAbsolute(path) ? path : resolve(cwd, path)
}

// better-sqlite3 for Electron's ABI, built beside (not over) the Node build that tests and web mode use.
// Electron's main process loads it through SWITCHYARD_SQLITE_BINDING (src/store/native-binding.ts).
import { spawnSync } from 'node:child_process'
import { cpSync, existsSync, mkdirSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join, resolve } from 'node:path'

const require = createRequire(import.meta.url)

/** Path of a better_sqlite3.node built for the installed Electron, building it once; null + reason on failure. */
export function electronSqliteBinding() {
  const electronVersion = JSON.parse(readFileSync(require.resolve('electron/package.json'), 'utf8')).version
  const source = dirname(require.resolve('better-sqlite3/package.json'))
  const target = resolve('out', 'native', `better-sqlite3-electron-${electronVersion}`)
  const binding = join(target, 'build', 'Release', 'better_sqlite3.node')
  if (existsSync(binding)) return { path: binding, reason: null }
  mkdirSync(target, { recursive: true })
  for (const entry of ['binding.gyp', 'package.json', 'src', 'deps']) cpSync(join(source, entry), join(target, entry), { recursive: true })
  console.log(`Building better-sqlite3 for Electron ${electronVersion} (once; about 2 minutes)…`)
  const result = spawnSync(
    'npx',
    ['--yes', 'node-gyp', 'rebuild', '--release', `--target=${electronVersion}`, '--runtime=electron', '--dist-url=https://electronjs.org/headers'],
    { cwd: target, stdio: ['ignore', 'inherit', 'pipe'], encoding: 'utf8', timeout: 15 * 60_000 }
  )
  if (result.status === 0 && existsSync(binding)) return { path: binding, reason: null }
  const lastError = (result.stderr ?? '').split('\n').filter((l) => /err/i.test(l)).pop()
  return { path: null, reason: `could not build better-sqlite3 for Electron ${electronVersion}: ${result.error?.message ?? lastError ?? 'node-gyp failed'}` }
}

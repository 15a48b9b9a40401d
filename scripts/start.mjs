// npm start: build, then launch the Electron app. When the Electron runtime cannot be obtained (an offline
// machine), say so in one line and start web mode instead.
import { spawn, spawnSync } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { buildIfStale } from './build-if-stale.mjs'
import { electronSqliteBinding } from './electron-sqlite.mjs'

const require = createRequire(import.meta.url)

/** The Electron executable, downloading it if needed; null with a reason when that is impossible. */
function electronExecutable() {
  let dir
  try {
    dir = dirname(require.resolve('electron/package.json'))
  } catch {
    return { path: null, reason: 'the electron package is not installed (run npm ci)' }
  }
  const installed = () => {
    const pathFile = join(dir, 'path.txt')
    if (!existsSync(pathFile)) return null
    const full = join(dir, 'dist', readFileSync(pathFile, 'utf8').trim())
    return existsSync(full) ? full : null
  }
  if (installed()) return { path: installed(), reason: null }
  const result = spawnSync(process.execPath, [join(dir, 'install.js')], { encoding: 'utf8', timeout: 120_000 })
  if (installed()) return { path: installed(), reason: null }
  const output = `${result.stderr ?? ''}\n${result.stdout ?? ''}`
  const line = output.split('\n').map((l) => l.trim()).find((l) => /error|fail|ENOTFOUND|ECONN/i.test(l))
  return { path: null, reason: result.error?.message ?? line ?? 'the download failed' }
}

buildIfStale()
let electron = electronExecutable()
let sqlite = null
if (electron.path) {
  sqlite = electronSqliteBinding()
  if (!sqlite.path) electron = { path: null, reason: sqlite.reason }
}
if (electron.path) {
  const env = { ...process.env, SWITCHYARD_SQLITE_BINDING: sqlite.path }
  const child = spawn(electron.path, ['.', ...process.argv.slice(2)], { stdio: 'inherit', env })
  child.on('exit', (code) => process.exit(code ?? 0))
} else {
  console.log(`Electron runtime unavailable (${electron.reason.slice(0, 160)}); starting web mode instead.`)
  const child = spawn(process.execPath, ['bin/switchyard.mjs', 'serve', ...process.argv.slice(2)], { stdio: 'inherit' })
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal))
  child.on('exit', (code) => process.exit(code ?? 0))
}

// Builds the app (npm run build) unless every output is newer than every source file.
import { spawnSync } from 'node:child_process'
import { existsSync, readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'

const SOURCES = ['src', 'main', 'renderer', 'resources', 'package.json', 'electron.vite.config.ts', 'vite.cli.config.ts']
const OUTPUTS = ['out/cli/switchyard.mjs', 'out/renderer/index.html', 'out/main/index.js', 'out/preload/index.cjs']

function newestMtime(path) {
  if (!existsSync(path)) return 0
  const stat = statSync(path)
  if (!stat.isDirectory()) return stat.mtimeMs
  let newest = 0
  for (const entry of readdirSync(path)) {
    if (entry === 'node_modules' || entry.endsWith('.test.ts')) continue
    newest = Math.max(newest, newestMtime(join(path, entry)))
  }
  return newest
}

export function buildIfStale({ force = false } = {}) {
  const sourceTime = Math.max(...SOURCES.map(newestMtime))
  const outputTime = Math.min(...OUTPUTS.map((o) => (existsSync(o) ? statSync(o).mtimeMs : 0)))
  if (!force && outputTime > sourceTime) return
  const result = spawnSync('npm', ['run', 'build'], { stdio: 'inherit' })
  if (result.status !== 0) {
    console.error('switchyard: the build failed (see above).')
    process.exit(result.status ?? 1)
  }
}

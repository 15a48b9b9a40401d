// npm run bench [-- emulator store web playground playground-ui datasets]: runs the benchmarks and prints their tables.
import { spawnSync } from 'node:child_process'

const BENCHES = {
  emulator: ['bench/emulator/emulator-bench.ts'],
  store: ['bench/store/store-bench.ts'],
  web: ['bench/web/web-startup-bench.ts'],
  playground: ['bench/playground/ttft-overhead-bench.ts'],
  'playground-ui': ['bench/playground/ui-responsiveness-bench.ts'],
  datasets: ['bench/datasets/import-bench.ts']
}
const chosen = process.argv.slice(2).filter((a) => !a.startsWith('-'))
const names = chosen.length ? chosen : Object.keys(BENCHES)
let failed = false
for (const name of names) {
  const args = BENCHES[name]
  if (!args) {
    console.error(`Unknown bench "${name}". Benches: ${Object.keys(BENCHES).join(', ')}`)
    process.exit(2)
  }
  if (name === 'web' || name === 'playground-ui') spawnSync('node', ['-e', "import('./scripts/build-if-stale.mjs').then(m => m.buildIfStale())"], { stdio: 'inherit' })
  console.log(`\n## ${name}\n`)
  const result = spawnSync('npx', ['tsx', ...args], { stdio: 'inherit' })
  if (result.status !== 0) failed = true
}
process.exit(failed ? 1 : 0)

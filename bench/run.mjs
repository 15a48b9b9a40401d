// npm run bench [-- emulator store web playground playground-ui datasets datasets-ui evals] [--flags for the benches]: runs the benchmarks and prints their tables.
import { spawnSync } from 'node:child_process'

const BENCHES = {
  emulator: ['bench/emulator/emulator-bench.ts'],
  store: ['bench/store/store-bench.ts'],
  web: ['bench/web/web-startup-bench.ts'],
  playground: ['bench/playground/ttft-overhead-bench.ts'],
  'playground-ui': ['bench/playground/ui-responsiveness-bench.ts'],
  datasets: ['bench/datasets/import-bench.ts'],
  'datasets-ui': ['bench/datasets/grid-bench.ts'],
  evals: ['bench/evals/eval-bench.ts']
}
// Bench names come first; everything from the first flag on (e.g. --skip-promptfoo, --runs 1) goes to each bench.
const argv = process.argv.slice(2)
const firstFlag = argv.findIndex((a) => a.startsWith('-'))
const chosen = firstFlag === -1 ? argv : argv.slice(0, firstFlag)
const flags = firstFlag === -1 ? [] : argv.slice(firstFlag)
const names = chosen.length ? chosen : Object.keys(BENCHES)
let failed = false
for (const name of names) {
  const args = BENCHES[name]
  if (!args) {
    console.error(`Unknown bench "${name}". Benches: ${Object.keys(BENCHES).join(', ')}`)
    process.exit(2)
  }
  if (name === 'web' || name === 'playground-ui' || name === 'datasets-ui') spawnSync('node', ['-e', "import('./scripts/build-if-stale.mjs').then(m => m.buildIfStale())"], { stdio: 'inherit' })
  console.log(`\n## ${name}\n`)
  const result = spawnSync('npx', ['tsx', ...args, ...flags], { stdio: 'inherit' })
  if (result.status !== 0) failed = true
}
process.exit(failed ? 1 : 0)

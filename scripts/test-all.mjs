// npm test: the whole suite, as CI runs it. Finds (or on Debian as root installs) Chromium, then runs
// typecheck, lint, unit + integration tests, the production build and the end-to-end tests in Chromium.
import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync } from 'node:fs'
import { ensureChromium } from './find-chromium.mjs'

mkdirSync('test-results', { recursive: true })
const steps = []
let passed = 0
let failed = 0

function vitestCounts(file) {
  if (!existsSync(file)) return null
  const report = JSON.parse(readFileSync(file, 'utf8'))
  return { passed: report.numPassedTests ?? 0, failed: (report.numFailedTests ?? 0) + (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0) }
}

function run(name, command, args, options = {}) {
  const started = Date.now()
  console.log(`\n=== ${name}: ${command} ${args.join(' ')}`)
  const result = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...options.env } })
  const seconds = ((Date.now() - started) / 1000).toFixed(1)
  const ok = result.status === 0
  let counts = ''
  if (options.report) {
    const c = vitestCounts(options.report)
    if (c) {
      passed += c.passed
      failed += c.failed
      counts = `${c.passed} passed, ${c.failed} failed`
    } else if (!ok) failed += 1
  }
  steps.push({ name, ok, seconds, counts })
  if (!ok) finish(1)
}

function finish(code) {
  console.log('\n| step | result | seconds | tests |\n|---|---|---|---|')
  for (const s of steps) console.log(`| ${s.name} | ${s.ok ? 'ok' : 'FAILED'} | ${s.seconds} | ${s.counts} |`)
  console.log(`\ntests: ${passed} passed, ${failed} failed`)
  process.exit(code)
}

let chromium
try {
  chromium = ensureChromium()
} catch (error) {
  console.error(String(error.message ?? error))
  process.exit(1)
}
console.log(`Chromium: ${chromium}`)

run('typecheck', 'npx', ['tsc', '--noEmit', '-p', 'tsconfig.node.json'])
run('typecheck (renderer)', 'npx', ['tsc', '--noEmit', '-p', 'tsconfig.web.json'])
run('lint', 'npx', ['eslint', '--max-warnings', '0', '.'])
run('unit + integration', 'npx', ['vitest', 'run', '--reporter=default', '--reporter=json', '--outputFile.json=test-results/unit.json'], {
  report: 'test-results/unit.json'
})
run('build (electron-vite + CLI)', 'npm', ['run', 'build'])
run('end to end (Chromium)', 'npx', ['vitest', 'run', '--config', 'vitest.e2e.config.ts', '--reporter=default', '--reporter=json', '--outputFile.json=test-results/e2e.json'], {
  report: 'test-results/e2e.json',
  env: { CHROMIUM_PATH: chromium }
})
finish(failed > 0 ? 1 : 0)

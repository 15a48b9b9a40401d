/**
 * The promptfoo side of the eval bench: promptfoo 0.121.x (the last line that runs on Node 20, METRICS.md §2.4)
 * installed on demand into bench/evals/.promptfoo (git-ignored), and the suite of ./suite-spec.ts written as a
 * promptfooconfig with two openai-compatible providers on the same emulator. Runs `promptfoo eval -j 32 --no-cache
 * --no-table --no-progress-bar` with its default DB write, every network and telemetry call switched off, and its
 * config dir (promptfoo.db) isolated in a temp folder per run.
 */
import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { CASES, CONCURRENCY, CONTAINS, MODELS, PROMPT, REPLY_TOKENS, caseVars, emulatorHeaders } from './suite-spec'
import { runTimed } from './timed-process'

export const PROMPTFOO_SPEC = 'promptfoo@0.121.x'
export const PROMPTFOO_DIR = join(fileURLToPath(new URL('.', import.meta.url)), '.promptfoo')
const ENTRY = join(PROMPTFOO_DIR, 'node_modules', 'promptfoo', 'dist', 'src', 'entrypoint.js')

/** METRICS.md §2.4: without all of these promptfoo calls PostHog, its events endpoint and its API at startup. */
export const PROMPTFOO_ENV = {
  PROMPTFOO_DISABLE_TELEMETRY: '1',
  PROMPTFOO_DISABLE_UPDATE: '1',
  PROMPTFOO_DISABLE_SHARING: '1',
  PROMPTFOO_DISABLE_REMOTE_GENERATION: '1',
  PROMPTFOO_CACHE_ENABLED: 'false',
  // Reacts to rate limits only; the emulator sends none, so this just keeps the scheduler out of the picture.
  PROMPTFOO_DISABLE_ADAPTIVE_SCHEDULER: '1'
}

export function installedPromptfooVersion(): string | null {
  try {
    const pkg = JSON.parse(readFileSync(join(PROMPTFOO_DIR, 'node_modules', 'promptfoo', 'package.json'), 'utf8')) as { version?: string }
    return existsSync(ENTRY) && pkg.version?.startsWith('0.121.') ? pkg.version : null
  } catch {
    return null
  }
}

/** Installs promptfoo when missing; returns its version, or why it is not available. */
export function ensurePromptfoo(log: (line: string) => void): { version: string } | { error: string } {
  const have = installedPromptfooVersion()
  if (have) return { version: have }
  log(`Installing ${PROMPTFOO_SPEC} into ${PROMPTFOO_DIR} for the comparison (once; it takes a few minutes and ~1.4 GB). Pass --skip-promptfoo to run Switchyard alone.`)
  mkdirSync(PROMPTFOO_DIR, { recursive: true })
  const started = Date.now()
  const result = spawnSync('npm', ['install', '--prefix', PROMPTFOO_DIR, '--no-audit', '--no-fund', PROMPTFOO_SPEC], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 })
  const installed = installedPromptfooVersion()
  if (result.status === 0 && installed) {
    log(`Installed promptfoo ${installed} in ${Math.round((Date.now() - started) / 1000)} s.`)
    return { version: installed }
  }
  const output = `${result.stdout ?? ''}\n${result.stderr ?? ''}${result.error ? `\n${result.error.message}` : ''}`
  const offline = /ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ETIMEDOUT|ENETUNREACH|network/i.test(output)
  const tail = output.trim().split('\n').slice(-3).join(' | ')
  return { error: offline ? `the npm registry cannot be reached (offline?): ${tail}` : `npm install failed (exit ${result.status}): ${tail}` }
}

function writeSuite(dir: string, emulatorUrl: string, delayMs: number, cases: number): string {
  const rows = ['n,question', ...Array.from({ length: cases }, (_, i) => {
    const v = caseVars(i)
    return `${v.n},${v.question}`
  })]
  writeFileSync(join(dir, 'tests.csv'), `${rows.join('\n')}\n`)
  const config = {
    description: 'Switchyard eval bench',
    prompts: [PROMPT],
    providers: MODELS.map((model) => ({
      id: `openai:chat:${model}`,
      label: model,
      config: { apiBaseUrl: `${emulatorUrl}/v1`, apiKey: 'emulator', max_tokens: REPLY_TOKENS, headers: emulatorHeaders(delayMs) }
    })),
    tests: 'file://tests.csv',
    defaultTest: { assert: [{ type: 'contains', value: CONTAINS }] }
  }
  // JSON is YAML: no YAML writer needed.
  const path = join(dir, 'promptfooconfig.yaml')
  writeFileSync(path, JSON.stringify(config, null, 2))
  return path
}

export interface PromptfooRun {
  wallS: number
  cpuS: number
  maxRssMiB: number
  passed: number | null
  failed: number | null
  errors: number | null
  /** promptfoo's own "Duration: Ns" line (whole seconds). */
  ownDurationS: number | null
  /** The end of its output when the summary could not be read from it. */
  unparsed: string | null
}

const count = (text: string, pattern: RegExp): number | null => {
  const m = pattern.exec(text)
  return m ? Number(m[1]?.replace(/,/g, '')) : null
}

export async function runPromptfoo(emulatorUrl: string, delayMs: number, cases = CASES): Promise<PromptfooRun> {
  const dir = mkdtempSync(join(tmpdir(), 'switchyard-pf-bench-'))
  try {
    const config = writeSuite(dir, emulatorUrl, delayMs, cases)
    const configDir = join(dir, 'config')
    mkdirSync(configDir)
    const env = { ...process.env, ...PROMPTFOO_ENV, PROMPTFOO_CONFIG_DIR: configDir, NO_COLOR: '1', FORCE_COLOR: '0' }
    const args = [ENTRY, 'eval', '-c', config, '--no-cache', '-j', String(CONCURRENCY), '--no-table', '--no-progress-bar']
    const r = await runTimed(process.execPath, args, { cwd: dir, env, timeoutMs: 15 * 60_000 })
    const text = `${r.stdout}\n${r.stderr}`
    // Exit 100 means "some test failed", which a contains check on generated text is meant to do.
    if (r.code !== 0 && r.code !== 100) throw new Error(`promptfoo exited with ${r.code}: ${text.trim().split('\n').slice(-5).join(' | ')}`)
    const duration = /Duration:\s*(?:(\d+)m\s*)?(\d+)s/.exec(text)
    const passed = count(text, /([\d,]+) passed/)
    return {
      wallS: r.wallS,
      cpuS: r.userS + r.sysS,
      maxRssMiB: r.maxRssMiB,
      passed,
      failed: count(text, /([\d,]+) failed/),
      errors: count(text, /([\d,]+) errors?/),
      ownDurationS: duration ? Number(duration[1] ?? 0) * 60 + Number(duration[2]) : null,
      unparsed: passed === null || !duration ? text.trim().split('\n').slice(-4).join(' | ').slice(0, 400) : null
    }
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

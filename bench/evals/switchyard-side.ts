/**
 * The Switchyard side of the eval bench: ./switchyard-child.ts bundled with esbuild into one ESM file with the
 * npm packages external (the shape of the shipped CLI bundle, out/cli/switchyard.mjs), so the measured process runs
 * plain JavaScript as a user's would, without tsx's loader thread and on-the-fly compiles. Each run is a new
 * process under GNU time on a fresh SQLite file.
 */
import { mkdirSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { EvalChildResult } from './switchyard-child'
import { CASES } from './suite-spec'
import { runTimed } from './timed-process'

const HERE = fileURLToPath(new URL('.', import.meta.url))
/** Inside node_modules (ignored), so the bundle's bare imports resolve from the repository's node_modules. */
const BUNDLE_DIR = join(HERE, '..', '..', 'node_modules', '.cache', 'switchyard-eval-bench')
const BUNDLE = join(BUNDLE_DIR, 'switchyard-child.mjs')

export async function bundleChild(): Promise<string> {
  const { build } = await import('esbuild')
  rmSync(BUNDLE_DIR, { recursive: true, force: true })
  mkdirSync(BUNDLE_DIR, { recursive: true })
  await build({
    // The store's writer thread is its own entry, beside the chunks (as in the app and CLI builds).
    entryPoints: {
      'switchyard-child': join(HERE, 'switchyard-child.ts'),
      'store-writer-worker': join(HERE, '..', '..', 'src', 'store', 'writer', 'store-writer-worker.ts')
    },
    outdir: BUNDLE_DIR,
    outExtension: { '.js': '.mjs' },
    bundle: true,
    // Lazy imports stay lazy (separate chunks), as in the vite-built app and CLI.
    splitting: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    sourcemap: 'linked',
    logLevel: 'warning'
  })
  return BUNDLE
}

export interface SwitchyardRun extends EvalChildResult {
  /** The whole process under GNU time: start, engine, setup, run and close. */
  wallS: number
  cpuS: number
  processMaxRssMiB: number
}

/** `warmupCases` > 0: a small suite runs first in the same engine, and the measured run is the process's second. */
export async function runSwitchyard(bundle: string, emulatorUrl: string, delayMs: number, options: { cases?: number; warmupCases?: number; cpuProfDir?: string } = {}): Promise<SwitchyardRun> {
  const nodeArgs = options.cpuProfDir ? ['--cpu-prof', `--cpu-prof-dir=${options.cpuProfDir}`] : []
  const args = [bundle, emulatorUrl, String(delayMs), String(options.cases ?? CASES), String(options.warmupCases ?? 0)]
  const r = await runTimed(process.execPath, [...nodeArgs, ...args], { timeoutMs: 15 * 60_000 })
  const line = r.stdout.trim().split('\n').at(-1) ?? ''
  if (r.code !== 0 || !line.startsWith('{')) throw new Error(`the Switchyard run exited with ${r.code}: ${r.stderr.trim().split('\n').slice(-5).join(' | ')}`)
  const child = JSON.parse(line) as EvalChildResult
  return { ...child, wallS: r.wallS, cpuS: r.userS + r.sysS, processMaxRssMiB: r.maxRssMiB }
}

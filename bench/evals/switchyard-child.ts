/**
 * One Switchyard side of the eval bench, in its own process (so its CPU and peak RSS are its own): a real engine
 * on a fresh SQLite file, an openai-compatible provider pointing at the emulator child with the run's timing
 * headers, the suite of ./suite-spec.ts, then `evals.run` through dispatch like any face, waiting for the job.
 * With WARMUP_CASES > 0 a small suite of that many cases runs first through the same engine, like the raw
 * reference's warm-up: modules loaded, code compiled, connections open and the writer thread started before the
 * measured run (what every run after the first sees in the app). With 0 the measured run is the process's first.
 * Prints one JSON line (EvalChildResult) on stdout.
 * Run: node --import tsx bench/evals/switchyard-child.ts URL DELAY_MS [CASES] [WARMUP_CASES]
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { monitorEventLoopDelay, performance } from 'node:perf_hooks'
import { CASES, CONCURRENCY, CONTAINS, MODELS, PROMPT, REPLY_TOKENS, caseVars, emulatorHeaders } from './suite-spec'

export interface EvalChildResult {
  cases: number
  cells: number
  /** Importing the engine's modules, then createEngine (store open + migrations). */
  importMs: number
  engineStartMs: number
  /** Provider, models, contract, 2,000-case dataset and suite. */
  setupMs: number
  /** Cases of the warm-up suite run before the measured run (0: the measured run is the process's first). */
  warmupCases: number
  /** The warm-up run: dispatched → settled. */
  warmupMs: number
  /** evals.run dispatched → job settled (every result committed). */
  runMs: number
  status: string
  completed: number
  passed: number
  errored: number
  /** The measured run's rows in the SQLite file. */
  callRows: number
  scoreRows: number
  jobEvents: number
  /** Transport latency of the calls (request sent → last byte), as stored. */
  latencyP50Ms: number
  latencyP95Ms: number
  /** Event-loop delay during the run (perf_hooks.monitorEventLoopDelay, 10 ms resolution): p99 and max. */
  loopDelayP99Ms: number
  loopDelayMaxMs: number
  /** evals.run dispatched → first request sent, and last response ended → job settled (the run's fixed costs). */
  beforeFirstCallMs: number
  afterLastCallMs: number
  /** The first failed call's class and message, if any (a healthy run has none). */
  firstError: string | null
  /** CPU of the whole process (every thread) during the measured run. */
  runCpuMs: number
  cpuUserMs: number
  cpuSystemMs: number
  maxRssMiB: number
}

const [url, delayArg, casesArg, warmupArg] = process.argv.slice(2)
if (!url || delayArg === undefined) throw new Error('usage: switchyard-child.ts EMULATOR_URL DELAY_MS [CASES] [WARMUP_CASES]')
const delayMs = Number(delayArg)
const cases = casesArg ? Number(casesArg) : CASES
const warmupCases = warmupArg ? Number(warmupArg) : 0

const dir = mkdtempSync(join(tmpdir(), 'switchyard-eval-bench-'))
const t0 = performance.now()
const [{ createEngine }, { EnvSecretStore }] = await Promise.all([import('../../src/api/engine'), import('../../src/secrets/env-secret-store')])
const t1 = performance.now()
const engine = await createEngine({ face: 'cli', storePath: join(dir, 'switchyard.db'), secretStore: new EnvSecretStore({ OPENAI_COMPATIBLE_API_KEY: 'emulator' }), startEmulator: false })
const t2 = performance.now()
const opened = engine.context.store
if (!opened) throw new Error('the engine opened no store')
const store = opened
const dispatch = <T>(op: string, request: unknown): Promise<T> => engine.dispatch(op, request) as Promise<T>

const provider = await dispatch<{ id: string }>('providers.create', { kind: 'openai-compatible', name: 'Bench emulator', baseUrl: `${url}/v1`, options: { headers: emulatorHeaders(delayMs) } })
for (const modelId of MODELS) await dispatch('models.add', { providerId: provider.id, modelId })
const refs = MODELS.map((modelId) => ({ providerId: provider.id, modelId }))
const contract = await dispatch<{ id: string; latest: { id: string } }>('contracts.create', {
  name: 'Eval bench',
  body: {
    messages: [{ role: 'user', content: PROMPT }],
    variables: [
      { name: 'n', type: 'string' },
      { name: 'question', type: 'string' }
    ],
    output: { kind: 'text' },
    params: { maxTokens: REPLY_TOKENS },
    budgets: {},
    candidates: refs,
    fallback: {}
  }
})
function createSuite(name: string, count: number): Promise<{ id: string }> {
  const dataset = store.datasets.create({ name, contractId: contract.id }, Array.from({ length: count }, (_, i) => ({ vars: caseVars(i) })))
  const datasetVersionId = store.datasets.listVersions(dataset.id)[0]?.id
  return dispatch<{ id: string }>('suites.create', {
    name,
    contractVersionId: contract.latest.id,
    datasetVersionId,
    // One provider, so one gate: CONCURRENCY calls in flight in total, as promptfoo's -j.
    settings: { models: refs, assertions: [{ type: 'contains', value: CONTAINS }], concurrency: CONCURRENCY, cache: false, repeats: 1 }
  })
}
const suite = await createSuite('Eval bench', cases)
const warmupSuite = warmupCases > 0 ? await createSuite('Eval bench warm-up', warmupCases) : null
const tSetup = performance.now()

let warmupMs = 0
if (warmupSuite) {
  const startedAt = performance.now()
  const { jobId: warmupJob } = await dispatch<{ jobId: string }>('evals.run', { suiteId: warmupSuite.id })
  const warmup = await engine.context.jobs.settled(warmupJob)
  if (warmup.status !== 'completed') throw new Error(`the warm-up run ended ${warmup.status}`)
  warmupMs = performance.now() - startedAt
}

let jobEvents = 0
const seen: { totals: { completed: number; passed: number; errored: number } | null } = { totals: null }
let jobId = ''
const unsubscribe = engine.onJobEvent((envelope) => {
  if (jobId && envelope.jobId !== jobId) return
  jobEvents++
  const event = envelope.event as { type: string; totals?: typeof seen.totals }
  if (event.type === 'totals' && event.totals) seen.totals = event.totals
})
const cpuBefore = process.cpuUsage()
const runStartedAt = Date.now()
const t3 = performance.now()
const loop = monitorEventLoopDelay({ resolution: 10 })
loop.enable()
;({ jobId } = await dispatch<{ jobId: string }>('evals.run', { suiteId: suite.id }))
const info = await engine.context.jobs.settled(jobId)
const t4 = performance.now()
const runEndedAt = Date.now()
loop.disable()
const runCpu = process.cpuUsage(cpuBefore)
unsubscribe()
const usage = process.resourceUsage()
const runId = info.runId
if (!runId) throw new Error('the measured job has no run id')

const count = (sql: string): number => store.db.prepare(sql).pluck().get(runId) as number
function latencyPercentiles(): { latencyP50Ms: number; latencyP95Ms: number } {
  const values = store.db.prepare('SELECT latency_ms FROM call WHERE run_id = ? AND latency_ms IS NOT NULL ORDER BY latency_ms').pluck().all(runId) as number[]
  const at = (q: number): number => values[Math.min(values.length - 1, Math.max(0, Math.ceil(q * values.length) - 1))] ?? Number.NaN
  return { latencyP50Ms: at(0.5), latencyP95Ms: at(0.95) }
}
const result: EvalChildResult = {
  cases,
  cells: cases * MODELS.length,
  importMs: t1 - t0,
  engineStartMs: t2 - t1,
  setupMs: tSetup - t2,
  warmupCases,
  warmupMs,
  runMs: t4 - t3,
  status: info.status,
  completed: seen.totals?.completed ?? 0,
  passed: seen.totals?.passed ?? 0,
  errored: seen.totals?.errored ?? 0,
  callRows: count('SELECT count(*) FROM call WHERE run_id = ?'),
  scoreRows: count('SELECT count(*) FROM score WHERE call_id IN (SELECT id FROM call WHERE run_id = ?)'),
  jobEvents,
  ...latencyPercentiles(),
  loopDelayP99Ms: loop.percentile(99) / 1e6,
  loopDelayMaxMs: loop.max / 1e6,
  beforeFirstCallMs: count('SELECT min(started_at) FROM call WHERE run_id = ?') - runStartedAt,
  afterLastCallMs: runEndedAt - count('SELECT max(started_at + latency_ms) FROM call WHERE run_id = ?'),
  firstError: (store.db.prepare("SELECT error_class || ': ' || coalesce(error_message, '') FROM call WHERE run_id = ? AND status != 'ok' LIMIT 1").pluck().get(runId) as string | undefined) ?? null,
  runCpuMs: (runCpu.user + runCpu.system) / 1000,
  cpuUserMs: usage.userCPUTime / 1000,
  cpuSystemMs: usage.systemCPUTime / 1000,
  maxRssMiB: usage.maxRSS / 1024
}
await engine.close()
// SWITCHYARD_EVAL_BENCH_KEEP_DB=1 keeps the SQLite file for a look at the rows (its folder goes to stderr).
if (process.env.SWITCHYARD_EVAL_BENCH_KEEP_DB) process.stderr.write(`kept ${dir}\n`)
else rmSync(dir, { recursive: true, force: true })
process.stdout.write(`${JSON.stringify(result)}\n`)

import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { createEngine, type Engine } from '../../api/engine'
import { defaultDataDir, resolveStorePath } from '../../api/store-location'
import type { WorkspaceImportResult } from '../../core/api/workspace-file-operations'
import { AppError } from '../../core/errors'
import type { EvalResults } from '../../core/schemas/eval'
import type { EvalCellDetail } from '../../core/schemas/eval-api'
import type { JobEventEnvelope } from '../../core/schemas/jobs'
import type { Suite } from '../../core/schemas/suite'
import type { ModelRef } from '../../core/schemas/workspace'
import { reasonKey, toJUnitXml } from '../../evals/report/junit'
import { summaryTable } from '../../evals/report/summary-table'
import { EnvSecretStore } from '../../secrets/env-secret-store'
import { formatProblem } from '../../workspace/problems'
import { UsageError } from '../cli-errors'
import type { CliIo } from '../cli-io'
import { EVAL_HELP } from '../help'

/** Failing cells whose reasons go into the JUnit report (each needs one read). */
const MAX_REASONS = 2000

function parseModels(text: string): ModelRef[] {
  return text.split(',').map((part) => {
    const item = part.trim()
    const slash = item.indexOf('/')
    if (slash <= 0 || slash === item.length - 1) throw new UsageError(`--models takes provider/model pairs separated by commas, e.g. local-emulator/emu-swift,openai/gpt-4.1-mini; got "${item}"`)
    return { providerId: item.slice(0, slash), modelId: item.slice(slash + 1) }
  })
}

function positiveInt(value: string | undefined, flag: string): number | undefined {
  if (value === undefined) return undefined
  const n = Number(value)
  if (!Number.isInteger(n) || n < 1) throw new UsageError(`${flag} needs a whole number ≥ 1; got "${value}"`)
  return n
}

function findSuite(suites: Suite[], wanted: string): Suite {
  const found = suites.find((s) => s.id === wanted) ?? suites.find((s) => s.name.toLowerCase() === wanted.toLowerCase())
  if (!found) {
    const names = suites.map((s) => `"${s.name}"`).join(', ')
    throw new AppError('NOT_FOUND', `No suite "${wanted}". ${suites.length ? `Suites: ${names}.` : 'The store has no suite yet: create one in Evals, import a workspace folder (--workspace DIR) or a promptfoo config (switchyard import promptfoo FILE).'}`)
  }
  return found
}

/** Runs an eval job to its end, printing a progress line on a terminal; Ctrl+C cancels (the run can be resumed). */
async function runJob(engine: Engine, op: 'evals.run' | 'evals.resume', request: unknown, io: CliIo, tty: boolean): Promise<{ runId: string; status: string }> {
  let jobId = ''
  let runId = ''
  const early: JobEventEnvelope[] = []
  const started = Date.now()
  let lastLine = 0
  const onEvent = (envelope: JobEventEnvelope): void => {
    const e = envelope.event as { type: string; runId?: string; done?: number; total?: number }
    if (e.type === 'run-created' && e.runId) runId = e.runId
    if (e.type === 'progress' && tty && Date.now() - lastLine > 100) {
      lastLine = Date.now()
      const seconds = ((Date.now() - started) / 1000).toFixed(1)
      process.stderr.write(`\r  ${e.done}/${e.total} cells · ${seconds} s   `)
    }
  }
  const unsubscribe = engine.onJobEvent((envelope) => {
    if (!jobId) early.push(envelope)
    else if (envelope.jobId === jobId) onEvent(envelope)
  })
  const cancel = (): void => {
    io.err('\nCancelling: finished cells are kept…')
    void engine.dispatch('jobs.cancel', { jobId })
  }
  process.once('SIGINT', cancel)
  try {
    ;({ jobId } = (await engine.dispatch(op, request)) as { jobId: string })
    for (const e of early) if (e.jobId === jobId) onEvent(e)
    const info = await engine.context.jobs.settled(jobId)
    if (tty) process.stderr.write('\r\u001b[2K')
    if (info.status === 'failed') throw new AppError(info.error?.code ?? 'INTERNAL', info.error?.message ?? 'the eval run failed')
    return { runId: runId || (info.runId ?? ''), status: info.status }
  } finally {
    process.off('SIGINT', cancel)
    unsubscribe()
  }
}

async function reasonsFor(engine: Engine, results: EvalResults): Promise<Map<string, string>> {
  const reasons = new Map<string, string>()
  for (const row of results.rows) {
    for (const cell of row.cells) {
      for (const [r, rep] of cell.repeats.entries()) {
        if (rep.status === 'passed' || rep.status === 'pending' || reasons.size >= MAX_REASONS) continue
        const detail = (await engine.dispatch('evals.cell', { runId: results.runId, caseId: row.caseId, columnKey: cell.columnKey, repeatIndex: r })) as EvalCellDetail
        const final = detail.attempts.find((a) => a.final) ?? detail.attempts.at(-1)
        const failing = final?.scores.filter((s) => s.type !== 'verdict' && s.pass !== true) ?? []
        const text = final?.status === 'error' ? (final.errorMessage ?? 'error') : failing.map((s) => `${s.type}: ${s.error ?? s.reason ?? ''}`).join('\n')
        reasons.set(reasonKey(row.caseId, cell.columnKey, r), text)
      }
    }
  }
  return reasons
}

/** `switchyard eval SUITE [--workspace DIR] [--models …] [--repeat N] [--junit FILE] [--json FILE]`. */
export async function evalCommand(args: string[], io: CliIo, global: { db?: string | undefined }): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    options: {
      workspace: { type: 'string' },
      models: { type: 'string' },
      repeat: { type: 'string' },
      concurrency: { type: 'string' },
      cache: { type: 'boolean' },
      'no-cache': { type: 'boolean' },
      junit: { type: 'string' },
      json: { type: 'string' },
      resume: { type: 'string' },
      help: { type: 'boolean', short: 'h' }
    },
    allowPositionals: true,
    strict: true
  })
  if (values.help) {
    io.out(EVAL_HELP)
    return 0
  }
  const [suiteArg, ...extra] = positionals
  if (!suiteArg && !values.resume) throw new UsageError('eval needs a suite name or id, e.g. switchyard eval "Triage smoke" (or --resume RUN_ID)')
  if (extra.length > 0) throw new UsageError(`eval takes one suite; unexpected "${extra[0]}"`)
  if (values.cache && values['no-cache']) throw new UsageError('--cache and --no-cache contradict each other; pick one')
  const overrides = {
    ...(values.models ? { models: parseModels(values.models) } : {}),
    ...(values.repeat ? { repeats: positiveInt(values.repeat, '--repeat') } : {}),
    ...(values.concurrency ? { concurrency: positiveInt(values.concurrency, '--concurrency') } : {}),
    ...(values.cache ? { cache: true } : values['no-cache'] ? { cache: false } : {})
  }
  // A workspace folder without --db runs in a fresh temporary store: CI gets the same result on every machine.
  const storePath = values.workspace && !global.db ? join(mkdtempSync(join(tmpdir(), 'switchyard-eval-')), 'switchyard.db') : resolveStorePath({ explicit: global.db, dataDir: defaultDataDir() })
  const engine = await createEngine({ face: 'cli', storePath, secretStore: new EnvSecretStore() })
  try {
    if (values.workspace) {
      const imported = (await engine.dispatch('workspace.import', { dir: resolve(values.workspace), dryRun: false })) as WorkspaceImportResult
      if (imported.problemTotal > 0) {
        io.err(`switchyard: the workspace folder has ${imported.problemTotal} problem(s); nothing was run:`)
        for (const p of imported.problems) io.err(`  ${formatProblem(p, imported.dir)}`)
        return 1
      }
    }
    const tty = Boolean(process.stderr.isTTY)
    let outcome: { runId: string; status: string }
    let name: string
    if (values.resume) {
      name = `run ${values.resume}`
      io.err(`Resuming eval run ${values.resume}…`)
      outcome = await runJob(engine, 'evals.resume', { runId: values.resume }, io, tty)
    } else {
      const suite = findSuite((await engine.dispatch('suites.list', {})) as Suite[], suiteArg as string)
      name = suite.name
      io.err(`Running suite "${suite.name}" (store ${engine.context.storeInfo.path})…`)
      outcome = await runJob(engine, 'evals.run', { suiteId: suite.id, overrides }, io, tty)
    }
    const results = (await engine.dispatch('evals.results', { runId: outcome.runId, limit: 5000 })) as EvalResults
    io.out(summaryTable(results))
    if (values.json) {
      writeFileSync(resolve(values.json), `${JSON.stringify({ suite: name, ...results, runStatus: outcome.status }, null, 2)}\n`)
      io.err(`Wrote ${values.json}`)
    }
    if (values.junit) {
      writeFileSync(resolve(values.junit), toJUnitXml(results, name, await reasonsFor(engine, results)))
      io.err(`Wrote ${values.junit}`)
    }
    if (outcome.status === 'cancelled') {
      io.err(`Cancelled. Resume with: switchyard eval --resume ${outcome.runId}${global.db ? ` --db ${global.db}` : ''}`)
      return 130
    }
    return results.verdict === 'fail' ? 1 : 0
  } finally {
    await engine.close()
  }
}

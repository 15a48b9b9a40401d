import type BetterSqlite3 from 'better-sqlite3'
import { z } from 'zod'
import { AppError, validationError } from '../../core/errors'
import { RunKind } from '../../core/schemas/run'
import type { RunDetail, RunStatus, RunSummary } from '../../core/schemas/run'
import { notFound, parseJson } from '../sqlite-errors'
import { newId, toIsoOrNull } from '../ids'
import type { CallRepo } from './call-repo'

interface RunRow {
  id: string
  kind: RunKind
  status: RunStatus
  title: string
  suite_id: string | null
  contract_version_id: string | null
  dataset_version_id: string | null
  config_json: string
  started_at: number | null
  finished_at: number | null
  totals_json: string | null
  error: string | null
  call_count: number
  error_count: number
  cost_usd: number | null
}

export const NewRun = z
  .object({
    kind: RunKind,
    title: z.string().max(500).default(''),
    config: z.record(z.string(), z.unknown()).default({}),
    suiteId: z.string().min(1).nullable().default(null),
    contractVersionId: z.string().min(1).nullable().default(null),
    datasetVersionId: z.string().min(1).nullable().default(null),
    /** `queued` runs have no start time until they start. */
    status: z.enum(['queued', 'running']).default('running')
  })
  .strict()
export type NewRun = z.input<typeof NewRun>

const FINAL_STATUSES = ['completed', 'failed', 'cancelled', 'interrupted'] as const
export type FinalRunStatus = (typeof FINAL_STATUSES)[number]

/** What a run was started with and ended with, beyond the summary. */
export interface RunMeta {
  suiteId: string | null
  config: Record<string, unknown>
  totals: Record<string, unknown> | null
  error: string | null
}

export const INTERRUPTED_MESSAGE = 'Switchyard stopped before this run finished; completed calls were kept.'

function toSummary(row: RunRow): RunSummary {
  return {
    id: row.id,
    kind: row.kind,
    status: row.status,
    title: row.title,
    suiteId: row.suite_id,
    contractVersionId: row.contract_version_id,
    datasetVersionId: row.dataset_version_id,
    startedAt: toIsoOrNull(row.started_at),
    finishedAt: toIsoOrNull(row.finished_at),
    callCount: row.call_count,
    errorCount: row.error_count,
    costUsd: row.cost_usd
  }
}

export type RunRepo = ReturnType<typeof createRunRepo>

export function createRunRepo(db: BetterSqlite3.Database, calls: CallRepo) {
  // Per-run aggregates as correlated subqueries, each answered from the covering index call(run_id, status, cost_usd)
  // (about 8x faster than a LEFT JOIN + GROUP BY, which needs a temp b-tree over every call of the page).
  const aggregates = `(SELECT count(*) FROM call c WHERE c.run_id = r.id) AS call_count,
    (SELECT count(*) FROM call c WHERE c.run_id = r.id AND c.status = 'error') AS error_count,
    (SELECT sum(c.cost_usd) FROM call c WHERE c.run_id = r.id) AS cost_usd`
  const page = (where: string) =>
    db.prepare(`SELECT r.*, ${aggregates} FROM run r ${where}
      ORDER BY r.started_at DESC, r.created_at DESC, r.id LIMIT @limit OFFSET @offset`)
  // Search: walks runs newest first (run_started_idx) and, per run, looks at its title, the prompt text of its
  // config (message contents and a probe's prompt, not JSON keys) and its calls' output through call_run_idx,
  // stopping once the page is full. LIKE is case-insensitive for ASCII; %, _ and \ in the query are literal.
  const matches = `(r.title LIKE @pattern ESCAPE '\\'
    OR json_extract(r.config_json, '$.prompt') LIKE @pattern ESCAPE '\\'
    OR EXISTS (SELECT 1 FROM json_each(r.config_json, '$.messages') m
      WHERE m.type = 'object' AND json_extract(m.value, '$.content') LIKE @pattern ESCAPE '\\')
    OR EXISTS (SELECT 1 FROM call c WHERE c.run_id = r.id AND c.output_text LIKE @pattern ESCAPE '\\'))`
  // One prepared page per combination of filters, made on first use.
  const pages = new Map<string, BetterSqlite3.Statement>()
  const pageFor = (filters: { kind: boolean; suite: boolean; query: boolean }): BetterSqlite3.Statement => {
    const key = `${filters.kind}|${filters.suite}|${filters.query}`
    let statement = pages.get(key)
    if (!statement) {
      const where = [filters.kind ? 'r.kind = @kind' : null, filters.suite ? 'r.suite_id = @suiteId' : null, filters.query ? matches : null].filter((w) => w !== null)
      statement = page(where.length > 0 ? `WHERE ${where.join(' AND ')}` : '')
      pages.set(key, statement)
    }
    return statement
  }
  const selectOne = db.prepare(`SELECT r.*, ${aggregates} FROM run r WHERE r.id = ?`)
  const insertRun = db.prepare(
    `INSERT INTO run (id, kind, status, title, suite_id, contract_version_id, dataset_version_id, config_json, created_at, started_at)
     VALUES (@id, @kind, @status, @title, @suiteId, @contractVersionId, @datasetVersionId, @configJson, @now, @startedAt)`
  )
  const startRow = db.prepare("UPDATE run SET status = 'running', started_at = ? WHERE id = ? AND status = 'queued'")
  const finishRow = db.prepare(
    `UPDATE run SET status = @status, finished_at = @now, totals_json = @totalsJson, error = @error
     WHERE id = @id AND status IN ('queued', 'running')`
  )
  const interruptAll = db.prepare(
    `UPDATE run SET status = 'interrupted', finished_at = @now, error = coalesce(error, @message)
     WHERE status IN ('queued', 'running')`
  )
  const reopenRow = db.prepare(
    `UPDATE run SET status = 'running', finished_at = NULL, error = NULL, started_at = coalesce(started_at, @now)
     WHERE id = @id AND status IN ('cancelled', 'interrupted', 'failed')`
  )
  const suiteExists = db.prepare('SELECT 1 FROM suite WHERE id = ?').pluck()
  const contractVersionExists = db.prepare('SELECT 1 FROM contract_version WHERE id = ?').pluck()
  const datasetVersionExists = db.prepare('SELECT 1 FROM dataset_version WHERE id = ?').pluck()

  function row(id: string): RunRow {
    const found = selectOne.get(id) as RunRow | undefined
    if (!found) throw notFound(`Run "${id}"`, 'list runs to see the recorded ones')
    return found
  }

  return {
    /** Records a new run (status `running`, started now, unless `queued`). Returns its id. */
    create(input: NewRun): string {
      const parsed = NewRun.safeParse(input)
      if (!parsed.success) throw validationError('run', parsed.error)
      const r = parsed.data
      if (r.suiteId !== null && !suiteExists.get(r.suiteId)) throw notFound(`Suite "${r.suiteId}"`, 'start the run from an existing suite')
      if (r.contractVersionId !== null && !contractVersionExists.get(r.contractVersionId)) {
        throw notFound(`Contract version "${r.contractVersionId}"`, 'save the contract first and use the id of one of its versions')
      }
      if (r.datasetVersionId !== null && !datasetVersionExists.get(r.datasetVersionId)) {
        throw notFound(`Dataset version "${r.datasetVersionId}"`, 'save the dataset first and use the id of one of its versions')
      }
      const id = newId()
      const now = Date.now()
      insertRun.run({
        id,
        kind: r.kind,
        status: r.status,
        title: r.title,
        suiteId: r.suiteId,
        contractVersionId: r.contractVersionId,
        datasetVersionId: r.datasetVersionId,
        configJson: JSON.stringify(r.config),
        now,
        startedAt: r.status === 'running' ? now : null
      })
      return id
    },
    /** A queued run starts now. */
    start(id: string): void {
      if (startRow.run(Date.now(), id).changes === 0) {
        const current = row(id)
        throw new AppError('CONFLICT', `Run "${id}" is ${current.status}, not queued; only a queued run can be started.`)
      }
    },
    /** Ends a queued or running run. A run that already ended is a CONFLICT (its outcome is kept). */
    finish(id: string, status: FinalRunStatus, totals?: Record<string, unknown> | null, error?: string | null): RunSummary {
      if (!(FINAL_STATUSES as readonly string[]).includes(status)) {
        throw new AppError('VALIDATION_FAILED', `Run status "${status}" is not a final status; use one of ${FINAL_STATUSES.join(', ')}.`, [
          { path: 'status', message: 'not a final status' }
        ])
      }
      const result = finishRow.run({ id, status, now: Date.now(), totalsJson: totals == null ? null : JSON.stringify(totals), error: error ?? null })
      if (result.changes === 0) {
        const current = row(id)
        throw new AppError('CONFLICT', `Run "${id}" already ended as ${current.status}; its outcome is kept. Start a new run to try again.`)
      }
      return toSummary(row(id))
    },
    /** A cancelled, interrupted or failed run runs again (to resume it); its recorded calls stay as they are. */
    reopen(id: string): RunSummary {
      if (reopenRow.run({ id, now: Date.now() }).changes === 0) {
        const current = row(id)
        throw new AppError('CONFLICT', `Run "${id}" is ${current.status}; only a cancelled, interrupted or failed run can be resumed.`)
      }
      return toSummary(row(id))
    },
    summary(id: string): RunSummary {
      return toSummary(row(id))
    },
    get(id: string): RunDetail {
      const r = row(id)
      return { ...toSummary(r), config: parseJson<Record<string, unknown>>(r.config_json, {}), calls: calls.listByRun(id) }
    },
    meta(id: string): RunMeta {
      const r = row(id)
      return {
        suiteId: r.suite_id,
        config: parseJson<Record<string, unknown>>(r.config_json, {}),
        totals: parseJson<Record<string, unknown> | null>(r.totals_json, null),
        error: r.error
      }
    },
    /** Newest first; a kind filters; a query keeps runs whose title, prompt or call outputs contain it. */
    /** Runs newest first, optionally of one kind, started from one suite, and/or matching a search. */
    list(options: { kind?: RunKind; suiteId?: string; query?: string; limit?: number; offset?: number } = {}): RunSummary[] {
      const limit = Math.max(0, Math.floor(options.limit ?? 50))
      const offset = Math.max(0, Math.floor(options.offset ?? 0))
      const query = options.query?.trim() ?? ''
      const params: Record<string, unknown> = { limit, offset }
      if (options.kind !== undefined) params.kind = options.kind
      if (options.suiteId !== undefined) params.suiteId = options.suiteId
      if (query) params.pattern = `%${query.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`
      const statement = pageFor({ kind: options.kind !== undefined, suite: options.suiteId !== undefined, query: query !== '' })
      return (statement.all(params) as RunRow[]).map(toSummary)
    },
    /** Runs left queued or running by a previous process become `interrupted`. Returns how many. */
    markInterrupted(): number {
      return interruptAll.run({ now: Date.now(), message: INTERRUPTED_MESSAGE }).changes
    }
  }
}

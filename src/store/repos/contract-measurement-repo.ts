import type BetterSqlite3 from 'better-sqlite3'
import type { MeasuredCallRow } from '../../core/contract-status'
import { toIsoOrNull } from '../ids'

/** A completed run of one of a contract's versions, as the status card needs it. */
export interface ContractRunRef {
  runId: string
  kind: 'eval' | 'bench'
  title: string
  finishedAt: string | null
  contractVersionId: string
  version: number
}

interface RunRefRow {
  id: string
  kind: 'eval' | 'bench'
  title: string
  finished_at: number | null
  contract_version_id: string
  version: number
}

interface CallRow {
  id: string
  case_id: string | null
  provider_id: string
  model_id: string
  repeat_index: number
  attempt: number
  status: MeasuredCallRow['status']
  latency_ms: number | null
  ttft_ms: number | null
  cost_usd: number | null
  score_count: number
  pass_count: number
}

function toRef(row: RunRefRow): ContractRunRef {
  return {
    runId: row.id,
    kind: row.kind,
    title: row.title,
    finishedAt: toIsoOrNull(row.finished_at),
    contractVersionId: row.contract_version_id,
    version: row.version
  }
}

export type ContractMeasurementRepo = ReturnType<typeof createContractMeasurementRepo>

/**
 * What the runs of a contract measured: the latest completed run of given kinds over any of its versions (found
 * through run_contract_version_idx), and that run's calls with their score counts (call_run_idx, score_call_idx).
 */
export function createContractMeasurementRepo(db: BetterSqlite3.Database) {
  const latestOf = (kinds: string) =>
    db.prepare(
      `SELECT r.id, r.kind, r.title, r.finished_at, r.contract_version_id, v.version
       FROM contract_version v JOIN run r ON r.contract_version_id = v.id
       WHERE v.contract_id = ? AND r.status = 'completed' AND r.kind IN (${kinds})
       ORDER BY coalesce(r.finished_at, r.started_at, r.created_at) DESC, r.rowid DESC LIMIT 1`
    )
  const latestEval = latestOf("'eval'")
  const latestEvalOrBench = latestOf("'eval', 'bench'")
  const selectCalls = db.prepare(
    `SELECT c.id, c.case_id, c.provider_id, c.model_id, c.repeat_index, c.attempt, c.status, c.latency_ms, c.ttft_ms, c.cost_usd,
       CASE WHEN v.id IS NOT NULL THEN 1 ELSE (SELECT count(*) FROM score s WHERE s.call_id = c.id) END AS score_count,
       CASE WHEN v.id IS NOT NULL THEN coalesce(v.pass, 0) ELSE (SELECT count(*) FROM score s WHERE s.call_id = c.id AND s.pass = 1) END AS pass_count
     FROM call c LEFT JOIN score v ON v.call_id = c.id AND v.assertion_type = 'verdict'
     WHERE c.run_id = ?`
  )

  return {
    /** The latest completed eval run of any version of the contract. */
    latestEval(contractId: string): ContractRunRef | null {
      const row = latestEval.get(contractId) as RunRefRow | undefined
      return row ? toRef(row) : null
    },
    /** The latest completed eval or benchmark run of any version of the contract. */
    latestEvalOrBench(contractId: string): ContractRunRef | null {
      const row = latestEvalOrBench.get(contractId) as RunRefRow | undefined
      return row ? toRef(row) : null
    },
    /**
     * Every call of a run, with how many scores it has and how many of them passed. An eval call's 'verdict' row
     * (the cell's overall outcome, thresholds and assert-sets applied) stands for its assertions when present.
     */
    calls(runId: string): MeasuredCallRow[] {
      return (selectCalls.all(runId) as CallRow[]).map((r) => ({
        id: r.id,
        caseId: r.case_id,
        providerId: r.provider_id,
        modelId: r.model_id,
        repeatIndex: r.repeat_index,
        attempt: r.attempt,
        status: r.status,
        latencyMs: r.latency_ms,
        ttftMs: r.ttft_ms,
        costUsd: r.cost_usd,
        scoreCount: r.score_count,
        passCount: r.pass_count
      }))
    }
  }
}

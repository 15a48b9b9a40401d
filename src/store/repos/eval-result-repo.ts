import type BetterSqlite3 from 'better-sqlite3'
import type { ErrorClass } from '../../core/schemas/run'

/** The stored rows behind an eval run's results: deciding calls with their verdicts, and spend per column. */
export interface EvalFinalRow {
  callId: string
  caseId: string
  variant: string
  providerId: string
  modelId: string
  repeatIndex: number
  status: 'ok' | 'error' | 'cancelled'
  cacheHit: boolean
  latencyMs: number | null
  ttftMs: number | null
  errorClass: ErrorClass | null
  pass: boolean | null
  score: number | null
}

export interface EvalSpendRow {
  variant: string
  providerId: string
  modelId: string
  costUsd: number
  inputTokens: number
  outputTokens: number
  calls: number
  finals: number
  cacheHits: number
}

export interface EvalCallDetail {
  callId: string
  attempt: number
  status: 'ok' | 'error' | 'cancelled'
  final: boolean
  cacheHit: boolean
  outputText: string | null
  errorClass: ErrorClass | null
  errorMessage: string | null
  latencyMs: number | null
  ttftMs: number | null
  costUsd: number | null
  inputTokens: number | null
  outputTokens: number | null
  scores: Array<{ type: string; pass: boolean | null; score: number | null; reason: string | null; weight: number; error: string | null }>
}

interface FinalSqlRow {
  call_id: string
  case_id: string
  variant: string
  provider_id: string
  model_id: string
  repeat_index: number
  status: 'ok' | 'error' | 'cancelled'
  cache_hit: number
  latency_ms: number | null
  ttft_ms: number | null
  error_class: ErrorClass | null
  pass: number | null
  score: number | null
}

export type EvalResultRepo = ReturnType<typeof createEvalResultRepo>

export function createEvalResultRepo(db: BetterSqlite3.Database) {
  const selectFinals = db.prepare(
    `SELECT c.id AS call_id, c.case_id, coalesce(c.variant, '') AS variant, c.provider_id, c.model_id, c.repeat_index, c.status,
       c.cache_hit, c.latency_ms, c.ttft_ms, c.error_class, s.pass, s.score
     FROM call c LEFT JOIN score s ON s.call_id = c.id AND s.assertion_type = 'verdict'
     WHERE c.run_id = ? AND c.final = 1 AND c.case_id IS NOT NULL`
  )
  const selectSpend = db.prepare(
    `SELECT coalesce(variant, '') AS variant, provider_id AS providerId, model_id AS modelId, coalesce(sum(cost_usd), 0) AS costUsd,
       coalesce(sum(input_tokens), 0) AS inputTokens, coalesce(sum(output_tokens), 0) AS outputTokens, count(*) AS calls,
       sum(final) AS finals, sum(cache_hit) AS cacheHits
     FROM call WHERE run_id = ? GROUP BY 1, 2, 3`
  )
  const selectCellCalls = db.prepare(
    `SELECT id, attempt, status, final, cache_hit, output_text, error_class, error_message, latency_ms, ttft_ms, cost_usd, input_tokens, output_tokens
     FROM call WHERE run_id = ? AND case_id = ? AND coalesce(variant, '') = ? AND provider_id = ? AND model_id = ? AND repeat_index = ?
     ORDER BY attempt, rowid`
  )
  const selectContractRuns = db.prepare(
    `SELECT r.id, r.status, r.finished_at, cv.version FROM run r JOIN contract_version cv ON cv.id = r.contract_version_id
     WHERE cv.contract_id = ? AND r.kind = 'eval' ORDER BY coalesce(r.started_at, r.created_at) DESC, r.rowid DESC LIMIT ?`
  )
  const selectScores = db.prepare('SELECT assertion_type, pass, score, reason, weight, error FROM score WHERE call_id = ? ORDER BY rowid')

  return {
    finals(runId: string): EvalFinalRow[] {
      return (selectFinals.all(runId) as FinalSqlRow[]).map((r) => ({
        callId: r.call_id,
        caseId: r.case_id,
        variant: r.variant,
        providerId: r.provider_id,
        modelId: r.model_id,
        repeatIndex: r.repeat_index,
        status: r.status,
        cacheHit: r.cache_hit === 1,
        latencyMs: r.latency_ms,
        ttftMs: r.ttft_ms,
        errorClass: r.error_class,
        pass: r.pass === null ? null : r.pass === 1,
        score: r.score
      }))
    },
    spend(runId: string): EvalSpendRow[] {
      return selectSpend.all(runId) as EvalSpendRow[]
    },
    /** A contract's eval runs, newest first: id, status, finish time (epoch ms) and the contract version run. */
    runsOfContract(contractId: string, limit: number): Array<{ id: string; status: string; finishedAt: number | null; contractVersion: number }> {
      return (selectContractRuns.all(contractId, limit) as Array<{ id: string; status: string; finished_at: number | null; version: number }>).map((r) => ({
        id: r.id,
        status: r.status,
        finishedAt: r.finished_at,
        contractVersion: r.version
      }))
    },
    /** Every attempt of one cell repeat with its scores, oldest first. */
    cellCalls(runId: string, cell: { caseId: string; variant: string; providerId: string; modelId: string; repeatIndex: number }): EvalCallDetail[] {
      const rows = selectCellCalls.all(runId, cell.caseId, cell.variant, cell.providerId, cell.modelId, cell.repeatIndex) as Array<Record<string, unknown>>
      return rows.map((r) => ({
        callId: r.id as string,
        attempt: r.attempt as number,
        status: r.status as EvalCallDetail['status'],
        final: r.final === 1,
        cacheHit: r.cache_hit === 1,
        outputText: r.output_text as string | null,
        errorClass: r.error_class as ErrorClass | null,
        errorMessage: r.error_message as string | null,
        latencyMs: r.latency_ms as number | null,
        ttftMs: r.ttft_ms as number | null,
        costUsd: r.cost_usd as number | null,
        inputTokens: r.input_tokens as number | null,
        outputTokens: r.output_tokens as number | null,
        scores: (selectScores.all(r.id) as Array<Record<string, unknown>>).map((s) => ({
          type: s.assertion_type as string,
          pass: s.pass === null ? null : s.pass === 1,
          score: s.score as number | null,
          reason: s.reason as string | null,
          weight: s.weight as number,
          error: s.error as string | null
        }))
      }))
    }
  }
}

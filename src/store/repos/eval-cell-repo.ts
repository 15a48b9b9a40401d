import type BetterSqlite3 from 'better-sqlite3'
import { newId } from '../ids'
import type { CallRepo, NewCall } from './call-repo'

/** What an eval runner needs from the store: which cells are done, the response cache, and batched writes. */
export interface EvalCellScore {
  type: string
  pass: boolean | null
  score: number | null
  reason: string | null
  weight: number
  error: string | null
}

interface CachedRow {
  provider_id: string
  model_id: string
  first_byte_ms: number | null
  ttft_ms: number | null
  latency_ms: number | null
  itl_p50_ms: number | null
  itl_p95_ms: number | null
  token_count_stream: number | null
  input_tokens: number | null
  output_tokens: number | null
  cached_tokens: number | null
  reasoning_tokens: number | null
  usage_estimated: number
  finish_reason: string | null
  http_status: number | null
  request_id: string | null
  output_text: string | null
  started_at: number
}

export type EvalCellRepo = ReturnType<typeof createEvalCellRepo>

export function createEvalCellRepo(db: BetterSqlite3.Database, calls: CallRepo) {
  const selectDone = db.prepare(
    `SELECT case_id, coalesce(variant, '') AS variant, provider_id, model_id, repeat_index FROM call
     WHERE run_id = ? AND final = 1 AND case_id IS NOT NULL`
  )
  const selectCached = db.prepare(
    `SELECT provider_id, model_id, first_byte_ms, ttft_ms, latency_ms, itl_p50_ms, itl_p95_ms, token_count_stream, input_tokens,
       output_tokens, cached_tokens, reasoning_tokens, usage_estimated, finish_reason, http_status, request_id, output_text, started_at
     FROM call WHERE request_hash = ? AND status = 'ok' AND final = 1 AND cache_hit = 0 ORDER BY started_at DESC LIMIT 1`
  )
  const insertScore = db.prepare(
    `INSERT INTO score (id, call_id, assertion_type, pass, score, reason, weight, error, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`
  )
  const writeBatch = db.transaction((batch: ReadonlyArray<{ call: NewCall; scores: readonly EvalCellScore[] }>) => {
    const now = Date.now()
    const ids = calls.insertMany(batch.map((b) => b.call))
    for (const [i, item] of batch.entries()) {
      for (const s of item.scores) {
        insertScore.run(newId(), ids[i], s.type, s.pass === null ? null : s.pass ? 1 : 0, finite(s.score), s.reason, Math.max(0, s.weight), s.error, now)
      }
    }
  })

  return {
    /** `caseId \0 variant \0 providerId \0 modelId \0 repeat` of every cell of the run that has its final call. */
    doneCellKeys(runId: string): Set<string> {
      const keys = new Set<string>()
      for (const row of selectDone.iterate(runId) as Iterable<{ case_id: string; variant: string; provider_id: string; model_id: string; repeat_index: number }>) {
        keys.add(`${row.case_id}\u0000${row.variant}\u0000${row.provider_id}\u0000${row.model_id}\u0000${row.repeat_index}`)
      }
      return keys
    },
    /** The latest ok, final, non-cached call with this request hash, shaped as a call to record again. */
    cached(requestHash: string): NewCall | null {
      const row = selectCached.get(requestHash) as CachedRow | undefined
      if (!row) return null
      return {
        runId: '',
        providerId: row.provider_id,
        modelId: row.model_id,
        status: 'ok',
        startedAt: row.started_at,
        firstByteMs: row.first_byte_ms,
        ttftMs: row.ttft_ms,
        latencyMs: row.latency_ms,
        itlP50Ms: row.itl_p50_ms,
        itlP95Ms: row.itl_p95_ms,
        tokenCountStream: row.token_count_stream,
        inputTokens: row.input_tokens,
        outputTokens: row.output_tokens,
        cachedTokens: row.cached_tokens,
        reasoningTokens: row.reasoning_tokens,
        usageEstimated: row.usage_estimated === 1,
        finishReason: row.finish_reason,
        httpStatus: row.http_status,
        requestId: row.request_id,
        outputText: row.output_text
      }
    },
    /** Calls and their scores, all in one transaction. */
    write(batch: ReadonlyArray<{ call: NewCall; scores: readonly EvalCellScore[] }>): void {
      if (batch.length > 0) writeBatch(batch)
    }
  }
}

function finite(n: number | null): number | null {
  return n === null || !Number.isFinite(n) ? null : n
}

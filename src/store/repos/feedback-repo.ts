import type BetterSqlite3 from 'better-sqlite3'
import { z } from 'zod'
import type { FeedbackItem } from '../../core/api/dataset-transfer-operations'
import { AppError, validationError } from '../../core/errors'
import { isForeignKeyViolation, rethrowConstraint } from '../sqlite-errors'
import { newId, toIso } from '../ids'

/** A human judgement on a call: thumbs down (-1), neutral (0), up (1), and/or a note. */
export const NewFeedback = z
  .object({
    callId: z.string().min(1),
    rating: z.union([z.literal(-1), z.literal(0), z.literal(1)]).nullable().default(null),
    note: z.string().max(10_000).default('')
  })
  .strict()
  .refine((f) => f.rating !== null || f.note.trim().length > 0, { message: 'give a rating or a note', path: ['rating'] })
export type NewFeedback = z.input<typeof NewFeedback>

/** The filter of `list` (defaults filled by the contract). */
export interface FeedbackListFilter {
  rating: 'any' | 'down' | 'up'
  withNote: boolean
  notYetCase: boolean
  limit: number
  offset: number
}

export interface FeedbackRecord {
  id: string
  callId: string
  rating: -1 | 0 | 1 | null
  note: string
  createdAt: string
}

interface FeedbackRow {
  id: string
  call_id: string
  rating: -1 | 0 | 1 | null
  note: string
  created_at: number
}

function toFeedback(row: FeedbackRow): FeedbackRecord {
  return { id: row.id, callId: row.call_id, rating: row.rating, note: row.note, createdAt: toIso(row.created_at) }
}

/** A call with feedback, whole (output not cut), as "cases from feedback" needs it. */
export interface FeedbackCallSource {
  callId: string
  providerId: string
  modelId: string
  status: 'ok' | 'error' | 'cancelled'
  outputText: string | null
  errorClass: string | null
  errorMessage: string | null
  vars: Record<string, unknown>
  rating: -1 | 0 | 1 | null
  note: string
}

interface ItemRow {
  call_id: string
  run_id: string
  run_title: string
  run_kind: string
  provider_id: string
  model_id: string
  status: 'ok' | 'error' | 'cancelled'
  started_at: number
  output: string | null
  output_length: number | null
  vars_json: string | null
  rating: -1 | 0 | 1 | null
  note: string
  feedback_at: number
}

/** The latest feedback row of each call. */
const LATEST = `SELECT f.rowid AS seq, f.* FROM feedback f
  WHERE f.rowid = (SELECT g.rowid FROM feedback g WHERE g.call_id = f.call_id ORDER BY g.created_at DESC, g.rowid DESC LIMIT 1)`
/** Sources of cases made from a call (`datasets.addCase` and `feedback.toCases` write `call:<id>`). */
const CASE_SOURCES = `SELECT source FROM dataset_case WHERE source LIKE 'call:%'`
/** A call's variables: its dataset case's, else the run's request variables (the playground keeps them in config). */
const CALL_VARS = `coalesce((SELECT vars_json FROM dataset_case WHERE id = c.case_id), json_extract(r.config_json, '$.variables'), '{}')`

function parseVars(json: string | null): Record<string, unknown> {
  if (json === null) return {}
  try {
    const v: unknown = JSON.parse(json)
    return typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : {}
  } catch {
    return {}
  }
}

export type FeedbackRepo = ReturnType<typeof createFeedbackRepo>

export function createFeedbackRepo(db: BetterSqlite3.Database) {
  const insertRow = db.prepare('INSERT INTO feedback (id, call_id, rating, note, created_at) VALUES (?, ?, ?, ?, ?)')
  const selectByCall = db.prepare('SELECT * FROM feedback WHERE call_id = ? ORDER BY created_at, rowid')
  const selectOne = db.prepare('SELECT * FROM feedback WHERE id = ?')

  const deleteByCall = db.prepare('DELETE FROM feedback WHERE call_id = ?')
  const callExists = db.prepare('SELECT 1 FROM call WHERE id = ?').pluck()
  const filterSql = `FROM (${LATEST}) f JOIN call c ON c.id = f.call_id JOIN run r ON r.id = c.run_id
    WHERE (@rating IS NULL OR f.rating = @rating) AND (@withNote = 0 OR f.note <> '')
      AND (@notYetCase = 0 OR ('call:' || f.call_id) NOT IN (${CASE_SOURCES}))`
  const countItems = db.prepare(`SELECT count(*) ${filterSql}`).pluck()
  const selectItems = db.prepare(
    `SELECT f.call_id, c.run_id, r.title AS run_title, r.kind AS run_kind, c.provider_id, c.model_id, c.status, c.started_at,
       substr(c.output_text, 1, 500) AS output, length(c.output_text) AS output_length, ${CALL_VARS} AS vars_json,
       f.rating, f.note, f.created_at AS feedback_at
     ${filterSql} ORDER BY f.created_at DESC, f.seq DESC LIMIT @limit OFFSET @offset`
  )
  const selectSource = db.prepare(
    `SELECT c.id AS call_id, c.provider_id, c.model_id, c.status, c.output_text, c.error_class, c.error_message, ${CALL_VARS} AS vars_json,
       f.rating, f.note
     FROM call c JOIN run r ON r.id = c.run_id LEFT JOIN (${LATEST}) f ON f.call_id = c.id WHERE c.id = ?`
  )

  /** Dataset names holding a case made from each of these calls. */
  function datasetsOf(callIds: string[]): Map<string, string[]> {
    const out = new Map<string, string[]>()
    if (callIds.length === 0) return out
    const rows = db
      .prepare(
        `SELECT DISTINCT dc.source, d.name FROM dataset_case dc JOIN dataset_version v ON v.id = dc.dataset_version_id
         JOIN dataset d ON d.id = v.dataset_id WHERE dc.source IN (${callIds.map(() => '?').join(',')}) ORDER BY d.name`
      )
      .all(...callIds.map((id) => `call:${id}`)) as Array<{ source: string; name: string }>
    for (const row of rows) {
      const id = row.source.slice('call:'.length)
      out.set(id, [...(out.get(id) ?? []), row.name])
    }
    return out
  }

  const setTx = db.transaction((callId: string, rating: -1 | 0 | 1 | null, note: string): FeedbackRecord | null => {
    if (!callExists.get(callId)) throw new AppError('NOT_FOUND', `Call "${callId}" does not exist; leave feedback on a recorded call.`)
    deleteByCall.run(callId)
    if (rating === null && note.trim() === '') return null
    const id = newId()
    insertRow.run(id, callId, rating, note, Date.now())
    return toFeedback(selectOne.get(id) as FeedbackRow)
  })

  return {
    /**
     * The call's feedback becomes exactly this (earlier rows of the call are replaced); no rating and an empty note
     * clear it (null).
     */
    set(callId: string, rating: -1 | 0 | 1 | null, note: string): FeedbackRecord | null {
      return setTx(callId, rating, note)
    },
    /** The latest feedback of each of these calls that has any. */
    forCalls(callIds: string[]): FeedbackRecord[] {
      if (callIds.length === 0) return []
      const rows = db
        .prepare(`SELECT * FROM (${LATEST}) f WHERE f.call_id IN (${callIds.map(() => '?').join(',')}) ORDER BY f.created_at`)
        .all(...callIds) as FeedbackRow[]
      return rows.map(toFeedback)
    },
    /** Calls with feedback (latest per call), newest feedback first, filtered; with the datasets they went into. */
    list(filter: FeedbackListFilter): { total: number; items: FeedbackItem[] } {
      const params = {
        rating: filter.rating === 'down' ? -1 : filter.rating === 'up' ? 1 : null,
        withNote: filter.withNote ? 1 : 0,
        notYetCase: filter.notYetCase ? 1 : 0,
        limit: filter.limit,
        offset: filter.offset
      }
      const total = countItems.get(params) as number
      const rows = selectItems.all(params) as ItemRow[]
      const used = datasetsOf(rows.map((r) => r.call_id))
      const items = rows.map((r) => ({
        callId: r.call_id,
        runId: r.run_id,
        runTitle: r.run_title,
        runKind: r.run_kind,
        providerId: r.provider_id,
        modelId: r.model_id,
        status: r.status,
        startedAt: toIso(r.started_at),
        output: r.output,
        outputLength: r.output_length ?? 0,
        vars: parseVars(r.vars_json),
        rating: r.rating,
        note: r.note,
        feedbackAt: toIso(r.feedback_at),
        inDatasets: used.get(r.call_id) ?? []
      }))
      return { total, items }
    },
    /** Everything needed to make a case of a call (its whole output, variables and feedback); null for an unknown call. */
    source(callId: string): FeedbackCallSource | null {
      const row = selectSource.get(callId) as
        | { call_id: string; provider_id: string; model_id: string; status: FeedbackCallSource['status']; output_text: string | null; error_class: string | null; error_message: string | null; vars_json: string | null; rating: -1 | 0 | 1 | null; note: string | null }
        | undefined
      if (!row) return null
      return {
        callId: row.call_id,
        providerId: row.provider_id,
        modelId: row.model_id,
        status: row.status,
        outputText: row.output_text,
        errorClass: row.error_class,
        errorMessage: row.error_message,
        vars: parseVars(row.vars_json),
        rating: row.rating,
        note: row.note ?? ''
      }
    },
    insert(feedback: NewFeedback): FeedbackRecord {
      const parsed = NewFeedback.safeParse(feedback)
      if (!parsed.success) throw validationError('feedback', parsed.error)
      const f = parsed.data
      const id = newId()
      try {
        insertRow.run(id, f.callId, f.rating, f.note, Date.now())
      } catch (error) {
        if (isForeignKeyViolation(error)) throw new AppError('NOT_FOUND', `Call "${f.callId}" does not exist; leave feedback on a recorded call.`)
        rethrowConstraint(error, `Feedback on call "${f.callId}"`)
      }
      return toFeedback(selectOne.get(id) as FeedbackRow)
    },
    listByCall(callId: string): FeedbackRecord[] {
      return (selectByCall.all(callId) as FeedbackRow[]).map(toFeedback)
    }
  }
}

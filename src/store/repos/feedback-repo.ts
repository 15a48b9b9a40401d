import type BetterSqlite3 from 'better-sqlite3'
import { z } from 'zod'
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

export type FeedbackRepo = ReturnType<typeof createFeedbackRepo>

export function createFeedbackRepo(db: BetterSqlite3.Database) {
  const insertRow = db.prepare('INSERT INTO feedback (id, call_id, rating, note, created_at) VALUES (?, ?, ?, ?, ?)')
  const selectByCall = db.prepare('SELECT * FROM feedback WHERE call_id = ? ORDER BY created_at, rowid')
  const selectOne = db.prepare('SELECT * FROM feedback WHERE id = ?')

  return {
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

import type BetterSqlite3 from 'better-sqlite3'
import { z } from 'zod'
import { AppError, validationError } from '../../core/errors'
import { isForeignKeyViolation, rethrowConstraint } from '../sqlite-errors'
import { newId, toIso } from '../ids'

/** One assertion evaluated on one call. `pass` is null when the assertion itself could not run (see `error`). */
export const NewScore = z
  .object({
    callId: z.string().min(1),
    assertionType: z.string().trim().min(1, 'must not be empty').max(200),
    pass: z.boolean().nullable(),
    score: z.number().finite().nullable().default(null),
    reason: z.string().nullable().default(null),
    weight: z.number().nonnegative().default(1),
    error: z.string().nullable().default(null)
  })
  .strict()
export type NewScore = z.input<typeof NewScore>

export interface ScoreRecord {
  id: string
  callId: string
  assertionType: string
  pass: boolean | null
  score: number | null
  reason: string | null
  weight: number
  error: string | null
  createdAt: string
}

interface ScoreRow {
  id: string
  call_id: string
  assertion_type: string
  pass: number | null
  score: number | null
  reason: string | null
  weight: number
  error: string | null
  created_at: number
}

function toScore(row: ScoreRow): ScoreRecord {
  return {
    id: row.id,
    callId: row.call_id,
    assertionType: row.assertion_type,
    pass: row.pass === null ? null : row.pass === 1,
    score: row.score,
    reason: row.reason,
    weight: row.weight,
    error: row.error,
    createdAt: toIso(row.created_at)
  }
}

export type ScoreRepo = ReturnType<typeof createScoreRepo>

export function createScoreRepo(db: BetterSqlite3.Database) {
  const insertRow = db.prepare(
    `INSERT INTO score (id, call_id, assertion_type, pass, score, reason, weight, error, created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`
  )
  const selectByCall = db.prepare('SELECT * FROM score WHERE call_id = ? ORDER BY created_at, rowid')
  const selectOne = db.prepare('SELECT * FROM score WHERE id = ?')

  function write(s: z.output<typeof NewScore>, now: number): string {
    const id = newId()
    try {
      insertRow.run(id, s.callId, s.assertionType, s.pass === null ? null : s.pass ? 1 : 0, s.score, s.reason, s.weight, s.error, now)
    } catch (error) {
      if (isForeignKeyViolation(error)) throw new AppError('NOT_FOUND', `Call "${s.callId}" does not exist; score a call that was recorded.`)
      rethrowConstraint(error, `Score of call "${s.callId}"`)
    }
    return id
  }

  const writeAll = db.transaction((scores: z.output<typeof NewScore>[]) => {
    const now = Date.now()
    return scores.map((s) => write(s, now))
  })

  function parse(input: unknown): z.output<typeof NewScore>[] {
    const parsed = z.array(NewScore).safeParse(input)
    if (!parsed.success) throw validationError('scores', parsed.error)
    return parsed.data
  }

  return {
    insert(score: NewScore): ScoreRecord {
      const [parsed] = parse([score])
      const id = write(parsed as z.output<typeof NewScore>, Date.now())
      return toScore(selectOne.get(id) as ScoreRow)
    },
    /** All of a call's assertions in one transaction. Returns their ids. */
    insertMany(scores: NewScore[]): string[] {
      return writeAll(parse(scores))
    },
    listByCall(callId: string): ScoreRecord[] {
      return (selectByCall.all(callId) as ScoreRow[]).map(toScore)
    }
  }
}

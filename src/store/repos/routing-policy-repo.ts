import type BetterSqlite3 from 'better-sqlite3'
import { z } from 'zod'
import { validationError } from '../../core/errors'
import { notFound, parseJson, rethrowConstraint } from '../sqlite-errors'
import { newId, toIso } from '../ids'

interface PolicyRow {
  id: string
  name: string
  contract_id: string | null
  contract_name: string | null
  body_json: string
  provenance_json: string
  created_at: number
}

/**
 * A routing policy row. Rows are never rewritten (gateway exports point at them): saving a changed policy under the
 * same name adds a row, and the newest row of a name is the policy's current form.
 */
export interface RoutingPolicyRecord {
  id: string
  name: string
  contractId: string | null
  contractName: string | null
  /** The canonical routing config (its schema arrives with the routing issue; any JSON object for now). */
  body: Record<string, unknown>
  /** Where it came from: the runs that justified it, or an import. */
  provenance: Record<string, unknown>
  createdAt: string
}

export const NewRoutingPolicy = z
  .object({
    name: z.string().trim().min(1, 'must not be empty').max(200),
    contractId: z.string().min(1).nullable().default(null),
    body: z.record(z.string(), z.unknown()),
    provenance: z.record(z.string(), z.unknown()).default({})
  })
  .strict()
export type NewRoutingPolicy = z.input<typeof NewRoutingPolicy>

function toRecord(row: PolicyRow): RoutingPolicyRecord {
  return {
    id: row.id,
    name: row.name,
    contractId: row.contract_id,
    contractName: row.contract_name,
    body: parseJson<Record<string, unknown>>(row.body_json, {}),
    provenance: parseJson<Record<string, unknown>>(row.provenance_json, {}),
    createdAt: toIso(row.created_at)
  }
}

export type RoutingPolicyRepo = ReturnType<typeof createRoutingPolicyRepo>

export function createRoutingPolicyRepo(db: BetterSqlite3.Database) {
  const selectSql = `SELECT p.*, c.name AS contract_name FROM routing_policy p LEFT JOIN contract c ON c.id = p.contract_id`
  const selectAll = db.prepare(`${selectSql} ORDER BY p.created_at DESC, p.rowid DESC`)
  const selectOne = db.prepare(`${selectSql} WHERE p.id = ?`)
  const selectLatestByName = db.prepare(`${selectSql} WHERE p.name = ? COLLATE NOCASE ORDER BY p.created_at DESC, p.rowid DESC LIMIT 1`)
  const selectLatest = db.prepare(
    `SELECT * FROM (
       SELECT p.*, c.name AS contract_name,
         row_number() OVER (PARTITION BY lower(p.name) ORDER BY p.created_at DESC, p.rowid DESC) AS rn
       FROM routing_policy p LEFT JOIN contract c ON c.id = p.contract_id)
     WHERE rn = 1 ORDER BY name COLLATE NOCASE`
  )
  const insert = db.prepare(
    `INSERT INTO routing_policy (id, name, contract_id, body_json, provenance_json, created_at)
     VALUES (@id, @name, @contractId, @bodyJson, @provenanceJson, @now)`
  )

  function get(id: string): RoutingPolicyRecord {
    const row = selectOne.get(id) as PolicyRow | undefined
    if (!row) throw notFound(`Routing policy "${id}"`, 'list routing policies to see the existing ones')
    return toRecord(row)
  }

  return {
    /** Every row, newest first (a name saved several times appears several times). */
    list(): RoutingPolicyRecord[] {
      return (selectAll.all() as PolicyRow[]).map(toRecord)
    },
    /** The current form of each policy: the newest row per name (ignoring ASCII case), by name. */
    listLatest(): RoutingPolicyRecord[] {
      return (selectLatest.all() as PolicyRow[]).map(toRecord)
    },
    get,
    latestByName(name: string): RoutingPolicyRecord | null {
      const row = selectLatestByName.get(name.trim()) as PolicyRow | undefined
      return row ? toRecord(row) : null
    },
    /** Adds a row; for a name that exists this is the policy's new current form (older rows stay). */
    create(input: NewRoutingPolicy): RoutingPolicyRecord {
      const parsed = NewRoutingPolicy.safeParse(input)
      if (!parsed.success) throw validationError('routing policy', parsed.error)
      const p = parsed.data
      const id = newId()
      try {
        insert.run({
          id,
          name: p.name,
          contractId: p.contractId,
          bodyJson: JSON.stringify(p.body),
          provenanceJson: JSON.stringify(p.provenance),
          now: Date.now()
        })
      } catch (error) {
        rethrowConstraint(error, `Routing policy "${p.name}"`)
      }
      return get(id)
    }
  }
}

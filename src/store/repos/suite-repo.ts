import type BetterSqlite3 from 'better-sqlite3'
import { z } from 'zod'
import { AppError, validationError } from '../../core/errors'
import { SuiteSettings } from '../../core/schemas/suite'
import type { Suite } from '../../core/schemas/suite'
import { notFound, parseJson, rethrowConstraint } from '../sqlite-errors'
import { newId, toIso } from '../ids'

interface SuiteRow {
  id: string
  name: string
  contract_version_id: string
  dataset_version_id: string | null
  config_json: string
  created_at: number
  updated_at: number
  contract_id: string
  contract_name: string
  contract_version: number
  dataset_id: string | null
  dataset_name: string | null
  dataset_version: number | null
}

const SuiteName = z.string().trim().min(1, 'must not be empty').max(200)

/** A suite pinned to a contract version (and optionally a dataset version), with its settings. */
export const NewSuite = z
  .object({
    name: SuiteName,
    contractVersionId: z.string().min(1),
    datasetVersionId: z.string().min(1).nullable().default(null),
    settings: SuiteSettings.default({})
  })
  .strict()
export type NewSuite = z.input<typeof NewSuite>

export const SuitePatch = z
  .object({
    name: SuiteName.optional(),
    contractVersionId: z.string().min(1).optional(),
    datasetVersionId: z.string().min(1).nullable().optional(),
    settings: SuiteSettings.optional()
  })
  .strict()
export type SuitePatch = z.input<typeof SuitePatch>

function toSuite(row: SuiteRow): Suite {
  const settings = SuiteSettings.safeParse(parseJson<unknown>(row.config_json, {}))
  return {
    id: row.id,
    name: row.name,
    contractId: row.contract_id,
    contractName: row.contract_name,
    contractVersionId: row.contract_version_id,
    contractVersion: row.contract_version,
    datasetId: row.dataset_id,
    datasetName: row.dataset_name,
    datasetVersionId: row.dataset_version_id,
    datasetVersion: row.dataset_version,
    settings: settings.success ? settings.data : {},
    createdAt: toIso(row.created_at),
    updatedAt: toIso(row.updated_at)
  }
}

/** SQLite's NOCASE folds ASCII letters only; names compare the same way here. */
function nameKey(name: string): string {
  return name.replace(/[A-Z]/g, (c) => c.toLowerCase())
}

function nameTaken(name: string): AppError {
  return new AppError('CONFLICT', `A suite named "${name}" already exists; choose another name or update the existing suite.`, [
    { path: 'name', message: 'already exists' }
  ])
}

export type SuiteRepo = ReturnType<typeof createSuiteRepo>

export function createSuiteRepo(db: BetterSqlite3.Database) {
  const selectSql = `SELECT s.*, cv.contract_id, c.name AS contract_name, cv.version AS contract_version,
      dv.dataset_id, d.name AS dataset_name, dv.version AS dataset_version
    FROM suite s
    JOIN contract_version cv ON cv.id = s.contract_version_id
    JOIN contract c ON c.id = cv.contract_id
    LEFT JOIN dataset_version dv ON dv.id = s.dataset_version_id
    LEFT JOIN dataset d ON d.id = dv.dataset_id`
  const selectAll = db.prepare(`${selectSql} ORDER BY s.name COLLATE NOCASE, s.updated_at DESC, s.rowid DESC`)
  const selectOne = db.prepare(`${selectSql} WHERE s.id = ?`)
  const selectByName = db.prepare(`${selectSql} WHERE s.name = ? COLLATE NOCASE ORDER BY s.updated_at DESC, s.rowid DESC LIMIT 1`)
  const insert = db.prepare(
    `INSERT INTO suite (id, name, contract_version_id, dataset_version_id, config_json, created_at, updated_at)
     VALUES (@id, @name, @contractVersionId, @datasetVersionId, @configJson, @now, @now)`
  )
  const updateRow = db.prepare(
    `UPDATE suite SET name = @name, contract_version_id = @contractVersionId, dataset_version_id = @datasetVersionId,
       config_json = @configJson, updated_at = @now WHERE id = @id`
  )

  const deleteRow = db.prepare('DELETE FROM suite WHERE id = ?')

  function find(id: string): Suite | null {
    const row = selectOne.get(id) as SuiteRow | undefined
    return row ? toSuite(row) : null
  }

  function get(id: string): Suite {
    const suite = find(id)
    if (!suite) throw notFound(`Suite "${id}"`, 'list suites to see the existing ones')
    return suite
  }

  function findByName(name: string): Suite | null {
    const row = selectByName.get(name.trim()) as SuiteRow | undefined
    return row ? toSuite(row) : null
  }

  return {
    /** Every suite, by name. */
    list(): Suite[] {
      return (selectAll.all() as SuiteRow[]).map(toSuite)
    },
    find,
    get,
    /** The suite with this name (ignoring ASCII case), the most recently updated one if several share it. */
    findByName,
    create(input: NewSuite): Suite {
      const parsed = NewSuite.safeParse(input)
      if (!parsed.success) throw validationError('suite', parsed.error)
      const s = parsed.data
      if (findByName(s.name)) throw nameTaken(s.name)
      const id = newId()
      try {
        insert.run({
          id,
          name: s.name,
          contractVersionId: s.contractVersionId,
          datasetVersionId: s.datasetVersionId,
          configJson: JSON.stringify(s.settings),
          now: Date.now()
        })
      } catch (error) {
        rethrowConstraint(error, `Suite "${s.name}"`)
      }
      return get(id)
    },
    /** Deletes a suite; its runs stay (their suite link becomes empty). */
    remove(id: string): void {
      get(id)
      deleteRow.run(id)
    },
    /** Changes a suite in place (suites are settings, not versioned history). */
    update(id: string, patch: SuitePatch): Suite {
      const parsed = SuitePatch.safeParse(patch)
      if (!parsed.success) throw validationError('suite change', parsed.error)
      const current = get(id)
      const p = parsed.data
      const name = p.name ?? current.name
      const other = p.name === undefined ? null : findByName(name)
      if (other && other.id !== id && nameKey(other.name) === nameKey(name)) throw nameTaken(name)
      try {
        updateRow.run({
          id,
          name,
          contractVersionId: p.contractVersionId ?? current.contractVersionId,
          datasetVersionId: p.datasetVersionId === undefined ? current.datasetVersionId : p.datasetVersionId,
          configJson: JSON.stringify(p.settings ?? current.settings),
          now: Date.now()
        })
      } catch (error) {
        rethrowConstraint(error, `Suite "${name}"`)
      }
      return get(id)
    }
  }
}

import type BetterSqlite3 from 'better-sqlite3'
import { z } from 'zod'
import { AppError, validationError } from '../../core/errors'
import type { ParsedEditStep } from '../../core/schemas/dataset-edit'
import type { DatasetCase, DatasetSummary } from '../../core/schemas/workspace'
import { applyEdit, defaultEditNote, planEditScript, type ScriptPlan } from '../../datasets/edit/edit-script'
import { isUniqueViolation, notFound, parseJson } from '../sqlite-errors'
import { newId, toIso } from '../ids'

interface DatasetRow {
  id: string
  name: string
  description: string
  contract_id: string | null
  updated_at: number
  latest_version: number | null
  case_count: number | null
}

interface VersionRow {
  id: string
  dataset_id: string
  version: number
  case_count: number
  note: string
  created_at: number
}

interface CaseRow {
  id: string
  position: number
  vars_json: string
  expected: string | null
  assertions_json: string
  tags_json: string
  notes: string
  source: string
}

export const DatasetMeta = z
  .object({
    name: z.string().trim().min(1, 'must not be empty').max(200),
    description: z.string().max(10_000).default(''),
    contractId: z.string().min(1).nullable().default(null)
  })
  .strict()
export type DatasetMeta = z.input<typeof DatasetMeta>

/** A case as written by the user or an import; ids and positions are assigned by the store. */
export const DatasetCaseInput = z
  .object({
    vars: z.record(z.string(), z.unknown()),
    expected: z.string().nullable().default(null),
    assertions: z.array(z.record(z.string(), z.unknown())).default([]),
    tags: z.array(z.string()).default([]),
    notes: z.string().default(''),
    source: z.string().default('')
  })
  .strict()
export type DatasetCaseInput = z.input<typeof DatasetCaseInput>

export interface DatasetVersionInfo {
  id: string
  datasetId: string
  version: number
  caseCount: number
  note: string
  createdAt: string
}

export interface CasePage {
  total: number
  version: number
  cases: DatasetCase[]
}

function toSummary(row: DatasetRow): DatasetSummary {
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    contractId: row.contract_id,
    latestVersion: row.latest_version ?? 0,
    caseCount: row.case_count ?? 0,
    updatedAt: toIso(row.updated_at)
  }
}

function toVersionInfo(row: VersionRow): DatasetVersionInfo {
  return { id: row.id, datasetId: row.dataset_id, version: row.version, caseCount: row.case_count, note: row.note, createdAt: toIso(row.created_at) }
}

function toCase(row: CaseRow): DatasetCase {
  return {
    id: row.id,
    position: row.position,
    vars: parseJson<Record<string, unknown>>(row.vars_json, {}),
    expected: row.expected,
    assertions: parseJson<Record<string, unknown>[]>(row.assertions_json, []),
    tags: parseJson<string[]>(row.tags_json, []),
    notes: row.notes,
    source: row.source
  }
}

function caseInputOf(row: CaseRow): z.output<typeof DatasetCaseInput> {
  const c = toCase(row)
  return { vars: c.vars, expected: c.expected, assertions: c.assertions, tags: c.tags, notes: c.notes, source: c.source }
}

function parseCases(cases: unknown): z.output<typeof DatasetCaseInput>[] {
  const parsed = z.array(DatasetCaseInput).safeParse(cases)
  if (!parsed.success) throw validationError('dataset cases', parsed.error)
  return parsed.data
}

export type DatasetRepo = ReturnType<typeof createDatasetRepo>

export function createDatasetRepo(db: BetterSqlite3.Database) {
  const summarySql = `SELECT d.id, d.name, d.description, d.contract_id, d.updated_at, v.version AS latest_version, v.case_count
    FROM dataset d
    LEFT JOIN dataset_version v ON v.dataset_id = d.id
      AND v.version = (SELECT max(version) FROM dataset_version WHERE dataset_id = d.id)`
  const selectList = db.prepare(`${summarySql} ORDER BY d.updated_at DESC, d.name COLLATE NOCASE`)
  const selectOne = db.prepare(`${summarySql} WHERE d.id = ?`)
  const contractExists = db.prepare('SELECT 1 FROM contract WHERE id = ?').pluck()
  const insertDataset = db.prepare(
    `INSERT INTO dataset (id, name, description, contract_id, created_at, updated_at)
     VALUES (@id, @name, @description, @contractId, @now, @now)`
  )
  const touch = db.prepare('UPDATE dataset SET updated_at = ? WHERE id = ?')
  const nextVersion = db.prepare('SELECT coalesce(max(version), 0) + 1 FROM dataset_version WHERE dataset_id = ?').pluck()
  const insertVersion = db.prepare(
    'INSERT INTO dataset_version (id, dataset_id, version, case_count, note, created_at) VALUES (?, ?, ?, ?, ?, ?)'
  )
  const insertCase = db.prepare(
    `INSERT INTO dataset_case (id, dataset_version_id, position, vars_json, expected, assertions_json, tags_json, notes, source)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`
  )
  const selectVersion = db.prepare('SELECT * FROM dataset_version WHERE dataset_id = ? AND version = ?')
  const selectLatestVersion = db.prepare('SELECT * FROM dataset_version WHERE dataset_id = ? ORDER BY version DESC LIMIT 1')
  const selectVersions = db.prepare('SELECT * FROM dataset_version WHERE dataset_id = ? ORDER BY version')
  const selectVersionById = db.prepare('SELECT * FROM dataset_version WHERE id = ?')
  // Positions of a version are 0…n−1 (every writer numbers them so), so a page is a range scan of the unique index.
  const selectCases = db.prepare('SELECT * FROM dataset_case WHERE dataset_version_id = ? AND position >= ? ORDER BY position LIMIT ?')
  const selectAllCases = db.prepare('SELECT * FROM dataset_case WHERE dataset_version_id = ? ORDER BY position')
  const selectCaseId = db.prepare('SELECT id FROM dataset_case WHERE dataset_version_id = ? AND position = ?').pluck()

  const updateDataset = db.prepare('UPDATE dataset SET name = ?, description = ?, contract_id = ?, updated_at = ? WHERE id = ?')
  const selectCaseInVersion = db.prepare('SELECT * FROM dataset_case WHERE id = ? AND dataset_version_id = ?')
  // Unchanged base cases are copied inside SQLite; a new id is 16 random hex characters, like newId().
  const copyRange = db.prepare(
    `INSERT INTO dataset_case (id, dataset_version_id, position, vars_json, expected, assertions_json, tags_json, notes, source)
     SELECT lower(hex(randomblob(8))), @to, position - @start + @at, vars_json, expected, assertions_json, tags_json, notes, source
     FROM dataset_case WHERE dataset_version_id = @from AND position >= @start AND position < @end`
  )
  const selectVarNames = db
    .prepare(
      `SELECT j.key FROM dataset_case c, json_each(c.vars_json) j WHERE c.dataset_version_id = ?
       GROUP BY j.key ORDER BY min(c.position), min(j.id)`
    )
    .pluck()
  const selectCaseKeys = db.prepare(
    'SELECT vars_json AS vars, json_array(expected, assertions_json, tags_json, notes) AS rest FROM dataset_case WHERE dataset_version_id = ? ORDER BY position'
  )
  const selectCasesAt = db.prepare('SELECT * FROM dataset_case WHERE dataset_version_id = ? AND position IN (SELECT value FROM json_each(?)) ORDER BY position')
  /** Variable names per version id: versions are immutable, so this never goes stale. */
  const varNamesCache = new Map<string, string[]>()

  function get(id: string): DatasetSummary {
    const row = selectOne.get(id) as DatasetRow | undefined
    if (!row) throw notFound(`Dataset "${id}"`, 'list datasets to see the existing ones')
    return toSummary(row)
  }

  function addVersion(datasetId: string, cases: z.output<typeof DatasetCaseInput>[], note: string, now: number): string {
    const versionId = newId()
    insertVersion.run(versionId, datasetId, nextVersion.get(datasetId) as number, cases.length, note, now)
    for (const [position, c] of cases.entries()) {
      insertCase.run(
        newId(),
        versionId,
        position,
        JSON.stringify(c.vars),
        c.expected,
        JSON.stringify(c.assertions),
        JSON.stringify(c.tags),
        c.notes,
        c.source
      )
    }
    touch.run(now, datasetId)
    return versionId
  }

  const createTx = db.transaction((meta: z.output<typeof DatasetMeta>, cases: z.output<typeof DatasetCaseInput>[], note: string): string => {
    if (meta.contractId !== null && !contractExists.get(meta.contractId)) {
      throw notFound(`Contract "${meta.contractId}" named by dataset "${meta.name}"`, 'pick an existing contract or leave it empty')
    }
    const id = newId()
    const now = Date.now()
    insertDataset.run({ id, name: meta.name, description: meta.description, contractId: meta.contractId, now })
    addVersion(id, cases, note, now)
    return id
  })

  const saveVersionTx = db.transaction((datasetId: string, cases: z.output<typeof DatasetCaseInput>[], note: string): string => {
    get(datasetId)
    return addVersion(datasetId, cases, note, Date.now())
  })

  /** Latest cases + one more as a new version, or a new dataset whose version 1 holds just this case. */
  const addCaseTx = db.transaction((target: { datasetId: string } | { meta: z.output<typeof DatasetMeta> }, added: z.output<typeof DatasetCaseInput>, note: string) => {
    let datasetId: string
    let versionId: string
    let position: number
    if ('meta' in target) {
      datasetId = createTx(target.meta, [added], note)
      versionId = (selectLatestVersion.get(datasetId) as VersionRow).id
      position = 0
    } else {
      datasetId = target.datasetId
      get(datasetId)
      const latest = selectLatestVersion.get(datasetId) as VersionRow | undefined
      const previous = latest ? (selectAllCases.all(latest.id) as CaseRow[]).map(caseInputOf) : []
      versionId = addVersion(datasetId, [...previous, added], note, Date.now())
      position = previous.length
    }
    const version = (selectVersionById.get(versionId) as VersionRow).version
    return { datasetId, version, caseId: selectCaseId.get(versionId, position) as string }
  })

  const saveEditsTx = db.transaction((datasetId: string, baseVersion: number, steps: ParsedEditStep[], note: string) => {
    const dataset = get(datasetId)
    const latest = selectLatestVersion.get(datasetId) as VersionRow | undefined
    if (!latest || baseVersion > latest.version) {
      throw notFound(`Version ${baseVersion} of dataset "${dataset.name}"`, 'reload the dataset and edit its latest version')
    }
    if (baseVersion !== latest.version) {
      throw new AppError(
        'CONFLICT',
        `Version ${latest.version} of "${dataset.name}" was saved after version ${baseVersion}, which these edits are based on. Nothing was saved: reload the dataset to see version ${latest.version} (compare it with version ${baseVersion}), then make the edits again.`,
        [{ path: 'baseVersion', message: `version ${baseVersion} is no longer the latest (${latest.version} is)` }]
      )
    }
    const editRows = new Map<number, CaseRow>()
    const editPositions = new Map<number, number>()
    steps.forEach((step, index) => {
      if (step.op !== 'edit') return
      const row = selectCaseInVersion.get(step.caseId, latest.id) as CaseRow | undefined
      if (!row) return
      editRows.set(index, row)
      editPositions.set(index, row.position)
    })
    const plan = planEditScript(steps, latest.case_count, latest.version, editPositions)
    const now = Date.now()
    const versionId = newId()
    insertVersion.run(versionId, datasetId, latest.version + 1, plan.caseCount, note || defaultEditNote(plan), now)
    let at = 0
    steps.forEach((step, index) => {
      if (step.op === 'keep') {
        copyRange.run({ to: versionId, from: latest.id, start: step.start, end: step.start + step.count, at })
        at += step.count
        return
      }
      const c = step.op === 'edit' ? applyEdit(caseInputOf(editRows.get(index)!), step) : step.case
      insertCase.run(newId(), versionId, at++, JSON.stringify(c.vars), c.expected, JSON.stringify(c.assertions), JSON.stringify(c.tags), c.notes, c.source)
    })
    touch.run(now, datasetId)
    return { versionId, plan }
  })

  function resolveVersion(datasetId: string, version?: number): VersionRow | undefined {
    if (version === undefined) return selectLatestVersion.get(datasetId) as VersionRow | undefined
    const row = selectVersion.get(datasetId, version) as VersionRow | undefined
    if (!row) throw notFound(`Version ${version} of dataset "${datasetId}"`, 'list its versions to pick an existing one')
    return row
  }

  return {
    list(): DatasetSummary[] {
      return (selectList.all() as DatasetRow[]).map(toSummary)
    },
    get,
    /** Creates the dataset and its version 1 with these cases, in one transaction. */
    create(meta: DatasetMeta, cases: DatasetCaseInput[], note = 'Initial version'): DatasetSummary {
      const parsedMeta = DatasetMeta.safeParse(meta)
      if (!parsedMeta.success) throw validationError('dataset', parsedMeta.error)
      const parsedCases = parseCases(cases)
      try {
        return get(createTx(parsedMeta.data, parsedCases, note))
      } catch (error) {
        if (isUniqueViolation(error)) {
          throw new AppError('CONFLICT', `A dataset named "${parsedMeta.data.name}" already exists; choose another name or save a new version of it.`)
        }
        throw error
      }
    },
    /** A new immutable version holding exactly these cases (new case ids; earlier versions and their calls stay). */
    saveVersion(datasetId: string, cases: DatasetCaseInput[], note = ''): DatasetVersionInfo {
      const parsedCases = parseCases(cases)
      const versionId = saveVersionTx(datasetId, parsedCases, note)
      return toVersionInfo(selectVersionById.get(versionId) as VersionRow)
    },
    /**
     * Saves one more case: a new version holding the latest version's cases plus this one (or, for a new dataset,
     * version 1 with just this case), in one transaction. Returns where it went.
     */
    addCase(
      target: { datasetId: string } | { newDataset: DatasetMeta },
      added: DatasetCaseInput,
      note = 'Added a case'
    ): { datasetId: string; version: number; caseId: string } {
      const parsedCase = DatasetCaseInput.safeParse(added)
      if (!parsedCase.success) throw validationError('dataset case', parsedCase.error)
      if ('datasetId' in target) return addCaseTx({ datasetId: target.datasetId }, parsedCase.data, note)
      const parsedMeta = DatasetMeta.safeParse(target.newDataset)
      if (!parsedMeta.success) throw validationError('dataset', parsedMeta.error)
      try {
        return addCaseTx({ meta: parsedMeta.data }, parsedCase.data, note)
      } catch (error) {
        if (isUniqueViolation(error)) {
          throw new AppError('CONFLICT', `A dataset named "${parsedMeta.data.name}" already exists; add the case to it instead.`, [
            { path: 'newDatasetName', message: 'already exists' }
          ])
        }
        throw error
      }
    },
    listVersions(datasetId: string): DatasetVersionInfo[] {
      get(datasetId)
      return (selectVersions.all(datasetId) as VersionRow[]).map(toVersionInfo)
    },
    getVersionById(versionId: string): DatasetVersionInfo {
      const row = selectVersionById.get(versionId) as VersionRow | undefined
      if (!row) throw notFound(`Dataset version "${versionId}"`, 'list the dataset versions to pick an existing one')
      return toVersionInfo(row)
    },
    /** Renames a dataset, changes its description or links it to another contract (null unlinks). */
    update(id: string, patch: { name?: string; description?: string; contractId?: string | null }): DatasetSummary {
      const current = get(id)
      const name = patch.name?.trim() ?? current.name
      if (name.length === 0) throw new AppError('VALIDATION_FAILED', 'A dataset name must not be empty.', [{ path: 'name', message: 'must not be empty' }])
      const contractId = patch.contractId === undefined ? current.contractId : patch.contractId
      if (contractId !== null && contractId !== current.contractId && !contractExists.get(contractId)) {
        throw new AppError('NOT_FOUND', `Contract "${contractId}" does not exist; pick an existing contract or leave the dataset unlinked.`, [
          { path: 'contractId', message: 'unknown contract' }
        ])
      }
      try {
        updateDataset.run(name, patch.description ?? current.description, contractId, Date.now(), id)
      } catch (error) {
        if (isUniqueViolation(error)) {
          throw new AppError('CONFLICT', `A dataset named "${name}" already exists; choose another name.`, [{ path: 'name', message: 'already exists' }])
        }
        throw error
      }
      return get(id)
    },
    /**
     * Saves an edit script against `baseVersion` as a new version, in one transaction: CONFLICT when the base is no
     * longer the latest version, VALIDATION_FAILED naming the steps that do not fit it; nothing is written then.
     */
    saveEdits(datasetId: string, baseVersion: number, steps: ParsedEditStep[], note = ''): { version: DatasetVersionInfo; plan: ScriptPlan } {
      const { versionId, plan } = saveEditsTx(datasetId, baseVersion, steps, note)
      return { version: toVersionInfo(selectVersionById.get(versionId) as VersionRow), plan }
    },
    /** One version (the latest when none is named); NOT_FOUND when it does not exist, null when there is none. */
    version(datasetId: string, version?: number): DatasetVersionInfo | null {
      get(datasetId)
      const row = resolveVersion(datasetId, version)
      return row ? toVersionInfo(row) : null
    },
    /** Variable names the version's cases use, in order of first use. */
    varNames(versionId: string): string[] {
      let names = varNamesCache.get(versionId)
      if (!names) {
        names = selectVarNames.all(versionId) as string[]
        if (varNamesCache.size >= 32) varNamesCache.delete(varNamesCache.keys().next().value as string)
        varNamesCache.set(versionId, names)
      }
      return names
    },
    /** Per case, in position order: its variables as JSON and the rest of its content as JSON (for comparing versions). */
    caseKeys(versionId: string): Iterable<{ vars: string; rest: string }> {
      return selectCaseKeys.iterate(versionId) as Iterable<{ vars: string; rest: string }>
    },
    /** The cases of a version at these positions, in position order. */
    casesAt(versionId: string, positions: number[]): DatasetCase[] {
      if (positions.length === 0) return []
      return (selectCasesAt.all(versionId, JSON.stringify(positions)) as CaseRow[]).map(toCase)
    },
    /** A page of one version's cases, in position order (latest version when none is named). */
    cases(datasetId: string, options: { version?: number; offset?: number; limit?: number } = {}): CasePage {
      get(datasetId)
      const row = resolveVersion(datasetId, options.version)
      if (!row) return { total: 0, version: 0, cases: [] }
      const limit = Math.max(0, Math.floor(options.limit ?? 200))
      const offset = Math.max(0, Math.floor(options.offset ?? 0))
      return { total: row.case_count, version: row.version, cases: (selectCases.all(row.id, offset, limit) as CaseRow[]).map(toCase) }
    }
  }
}

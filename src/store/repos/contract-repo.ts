import type BetterSqlite3 from 'better-sqlite3'
import { z } from 'zod'
import { AppError, validationError } from '../../core/errors'
import { ContractVersionBody } from '../../core/schemas/workspace'
import type { ContractDetail, ContractSummary, ContractVersion } from '../../core/schemas/workspace'
import { bool, isUniqueViolation, notFound, parseJson } from '../sqlite-errors'
import { newId, toIso } from '../ids'

interface ContractRow {
  id: string
  name: string
  description: string
  feature: string | null
  archived: number
  updated_at: number
  latest_version: number
}

interface VersionRow {
  id: string
  contract_id: string
  version: number
  body_json: string
  created_at: number
}

export const ContractMeta = z
  .object({
    name: z.string().trim().min(1, 'must not be empty').max(200),
    description: z.string().max(10_000).default(''),
    feature: z.string().trim().min(1).max(200).nullable().default(null)
  })
  .strict()
export type ContractMeta = z.input<typeof ContractMeta>

export const ContractMetaPatch = z
  .object({
    name: z.string().trim().min(1, 'must not be empty').max(200).optional(),
    description: z.string().max(10_000).optional(),
    feature: z.string().trim().min(1).max(200).nullable().optional()
  })
  .strict()
export type ContractMetaPatch = z.input<typeof ContractMetaPatch>

function toSummary(row: ContractRow): ContractSummary {
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    feature: row.feature,
    archived: row.archived === 1,
    latestVersion: row.latest_version,
    updatedAt: toIso(row.updated_at)
  }
}

function toVersion(row: VersionRow): ContractVersion {
  const body = parseJson<ContractVersionBody>(row.body_json, {} as ContractVersionBody)
  return { ...body, id: row.id, contractId: row.contract_id, version: row.version, createdAt: toIso(row.created_at) }
}

function parseBody(body: unknown): ContractVersionBody {
  const parsed = ContractVersionBody.safeParse(body)
  if (!parsed.success) throw validationError('contract version', parsed.error)
  return parsed.data
}

function nameTaken(name: string): AppError {
  return new AppError('CONFLICT', `A contract named "${name}" already exists; choose another name or open the existing contract.`)
}

export type ContractRepo = ReturnType<typeof createContractRepo>

export function createContractRepo(db: BetterSqlite3.Database) {
  const summaryColumns = `c.id, c.name, c.description, c.feature, c.archived, c.updated_at,
    coalesce((SELECT max(v.version) FROM contract_version v WHERE v.contract_id = c.id), 0) AS latest_version`
  const selectList = db.prepare(
    `SELECT ${summaryColumns} FROM contract c WHERE @all = 1 OR c.archived = 0 ORDER BY c.updated_at DESC, c.name COLLATE NOCASE`
  )
  const selectOne = db.prepare(`SELECT ${summaryColumns} FROM contract c WHERE c.id = ?`)
  const insertContract = db.prepare(
    `INSERT INTO contract (id, name, description, feature, archived, created_at, updated_at)
     VALUES (@id, @name, @description, @feature, 0, @now, @now)`
  )
  const updateMeta = db.prepare('UPDATE contract SET name = @name, description = @description, feature = @feature, updated_at = @now WHERE id = @id')
  const updateArchived = db.prepare('UPDATE contract SET archived = ?, updated_at = ? WHERE id = ?')
  const touch = db.prepare('UPDATE contract SET updated_at = ? WHERE id = ?')
  const nextVersion = db.prepare('SELECT coalesce(max(version), 0) + 1 FROM contract_version WHERE contract_id = ?').pluck()
  const insertVersion = db.prepare(
    'INSERT INTO contract_version (id, contract_id, version, body_json, created_at) VALUES (?, ?, ?, ?, ?)'
  )
  const selectVersion = db.prepare('SELECT * FROM contract_version WHERE contract_id = ? AND version = ?')
  const selectVersionById = db.prepare('SELECT * FROM contract_version WHERE id = ?')
  const selectLatestVersion = db.prepare('SELECT * FROM contract_version WHERE contract_id = ? ORDER BY version DESC LIMIT 1')
  const selectVersions = db.prepare('SELECT * FROM contract_version WHERE contract_id = ? ORDER BY version')

  function summary(id: string): ContractSummary {
    const row = selectOne.get(id) as ContractRow | undefined
    if (!row) throw notFound(`Contract "${id}"`, 'list contracts to see the existing ones')
    return toSummary(row)
  }

  function get(id: string): ContractDetail {
    const base = summary(id)
    const latest = selectLatestVersion.get(id) as VersionRow | undefined
    return { ...base, latest: latest ? toVersion(latest) : null }
  }

  const addVersion = (contractId: string, body: ContractVersionBody, now: number): string => {
    const id = newId()
    insertVersion.run(id, contractId, nextVersion.get(contractId) as number, JSON.stringify(body), now)
    touch.run(now, contractId)
    return id
  }

  const createTx = db.transaction((meta: z.output<typeof ContractMeta>, body: ContractVersionBody): string => {
    const id = newId()
    const now = Date.now()
    insertContract.run({ id, name: meta.name, description: meta.description, feature: meta.feature, now })
    addVersion(id, body, now)
    return id
  })

  const saveVersionTx = db.transaction((contractId: string, body: ContractVersionBody): string => {
    summary(contractId)
    return addVersion(contractId, body, Date.now())
  })

  function getVersionById(versionId: string): ContractVersion {
    const row = selectVersionById.get(versionId) as VersionRow | undefined
    if (!row) throw notFound(`Contract version "${versionId}"`, 'list the contract versions to pick an existing one')
    return toVersion(row)
  }

  return {
    list(options: { includeArchived?: boolean } = {}): ContractSummary[] {
      return (selectList.all({ all: bool(options.includeArchived ?? false) }) as ContractRow[]).map(toSummary)
    },
    get,
    /** Creates the contract and its version 1 in one transaction. */
    create(meta: ContractMeta, body: ContractVersionBody | z.input<typeof ContractVersionBody>): ContractDetail {
      const parsedMeta = ContractMeta.safeParse(meta)
      if (!parsedMeta.success) throw validationError('contract', parsedMeta.error)
      const parsedBody = parseBody(body)
      try {
        return get(createTx(parsedMeta.data, parsedBody))
      } catch (error) {
        if (isUniqueViolation(error)) throw nameTaken(parsedMeta.data.name)
        throw error
      }
    },
    update(id: string, patch: ContractMetaPatch): ContractSummary {
      const parsed = ContractMetaPatch.safeParse(patch)
      if (!parsed.success) throw validationError('contract change', parsed.error)
      const current = summary(id)
      const c = parsed.data
      const name = c.name ?? current.name
      try {
        updateMeta.run({
          id,
          name,
          description: c.description ?? current.description,
          feature: c.feature === undefined ? current.feature : c.feature,
          now: Date.now()
        })
      } catch (error) {
        if (isUniqueViolation(error)) throw nameTaken(name)
        throw error
      }
      return summary(id)
    },
    /** Saves a new immutable version (latest + 1); earlier versions never change. */
    saveVersion(contractId: string, body: ContractVersionBody | z.input<typeof ContractVersionBody>): ContractVersion {
      const parsedBody = parseBody(body)
      return getVersionById(saveVersionTx(contractId, parsedBody))
    },
    getVersion(contractId: string, version: number): ContractVersion {
      const row = selectVersion.get(contractId, version) as VersionRow | undefined
      if (!row) {
        summary(contractId)
        throw notFound(`Version ${version} of contract "${contractId}"`, 'list its versions to pick an existing one')
      }
      return toVersion(row)
    },
    getVersionById,
    listVersions(contractId: string): ContractVersion[] {
      summary(contractId)
      return (selectVersions.all(contractId) as VersionRow[]).map(toVersion)
    },
    archive(id: string, archived: boolean): ContractSummary {
      summary(id)
      updateArchived.run(bool(archived), Date.now(), id)
      return summary(id)
    }
  }
}

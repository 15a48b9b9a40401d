import type BetterSqlite3 from 'better-sqlite3'
import { z } from 'zod'
import { sameBody } from '../../core/contract-changes'
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

function toVersionBody(row: VersionRow): ContractVersionBody {
  const { id: _id, contractId: _contractId, version: _version, createdAt: _createdAt, ...body } = toVersion(row)
  return body
}

function parseBody(body: unknown): ContractVersionBody {
  const parsed = ContractVersionBody.safeParse(body)
  if (!parsed.success) throw validationError('contract version', parsed.error)
  return parsed.data
}

/** "Triage (copy 2)" → "Triage": the name a copy is named after. */
function copyBase(name: string): string {
  return name.replace(/ \(copy(?: \d+)?\)$/, '')
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
  const nameExists = db.prepare('SELECT 1 FROM contract WHERE name = ?').pluck()

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

  /** "<name> (copy)", else "(copy 2)", "(copy 3)", … : the first name not in use (case-insensitive). */
  function copyName(name: string): string {
    const base = copyBase(name).slice(0, 185)
    for (let n = 1; ; n += 1) {
      const candidate = n === 1 ? `${base} (copy)` : `${base} (copy ${n})`
      if (!nameExists.get(candidate)) return candidate
    }
  }

  const duplicateTx = db.transaction((id: string, name: string | undefined): string => {
    const source = get(id)
    if (!source.latest) throw new AppError('CONFLICT', `Contract "${source.name}" has no version to copy; save a version first.`)
    const { id: _id, contractId: _contractId, version: _version, createdAt: _createdAt, ...body } = source.latest
    const meta = { name: name ?? copyName(source.name), description: source.description, feature: source.feature }
    return createTx(meta, parseBody(body))
  })

  const saveChangesTx = db.transaction((id: string, patch: z.output<typeof ContractMetaPatch>, body: ContractVersionBody) => {
    const current = summary(id)
    const name = patch.name ?? current.name
    const description = patch.description ?? current.description
    const feature = patch.feature === undefined ? current.feature : patch.feature
    const metaChanged = name !== current.name || description !== current.description || feature !== current.feature
    const now = Date.now()
    if (metaChanged) updateMeta.run({ id, name, description, feature, now })
    const latest = selectLatestVersion.get(id) as VersionRow | undefined
    if (latest && sameBody(toVersionBody(latest), body)) return { versionId: latest.id, created: false, metaChanged }
    return { versionId: addVersion(id, body, now), created: true, metaChanged }
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
    /**
     * The editor's save: the name, description and feature (when given) and the body as a new version, in one
     * transaction. A body equal to the latest version makes no version (created: false).
     */
    saveChanges(
      contractId: string,
      patch: ContractMetaPatch,
      body: ContractVersionBody | z.input<typeof ContractVersionBody>
    ): { contract: ContractSummary; version: ContractVersion; created: boolean; metaChanged: boolean } {
      const parsedPatch = ContractMetaPatch.safeParse(patch)
      if (!parsedPatch.success) throw validationError('contract change', parsedPatch.error)
      const parsedBody = parseBody(body)
      try {
        const saved = saveChangesTx(contractId, parsedPatch.data, parsedBody)
        return { contract: summary(contractId), version: getVersionById(saved.versionId), created: saved.created, metaChanged: saved.metaChanged }
      } catch (error) {
        if (isUniqueViolation(error)) throw nameTaken(parsedPatch.data.name ?? '')
        throw error
      }
    },
    /** A copy named "<name> (copy)" (or `name`), with the same description and feature, and the latest body as v1. */
    duplicate(contractId: string, name?: string): ContractDetail {
      const parsedName = name === undefined ? undefined : ContractMeta.shape.name.safeParse(name)
      if (parsedName && !parsedName.success) throw validationError('contract name', parsedName.error)
      try {
        return get(duplicateTx(contractId, parsedName?.data))
      } catch (error) {
        if (isUniqueViolation(error)) throw nameTaken(parsedName?.data ?? '')
        throw error
      }
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

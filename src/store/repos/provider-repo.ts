import { findSecretPath } from '../../core/secret-names'
import type BetterSqlite3 from 'better-sqlite3'
import { z } from 'zod'
import { AppError, validationError } from '../../core/errors'
import { ProviderKind } from '../../core/schemas/provider'
import type { Provider } from '../../core/schemas/provider'
import { bool, isUniqueViolation, notFound, parseJson, rethrowConstraint } from '../sqlite-errors'
import { newId, toIso } from '../ids'

interface ProviderRow {
  id: string
  kind: string
  name: string
  base_url: string | null
  options_json: string
  enabled: number
  built_in: number
  created_at: number
  updated_at: number
}

const Options = z.record(z.string(), z.unknown())
const BaseUrl = z.url('must be a URL such as https://api.example.com/v1').nullable()

export const NewProvider = z
  .object({
    id: z.string().min(1).max(200).regex(/^[A-Za-z0-9._-]+$/, 'use letters, digits, ".", "_" and "-"').optional(),
    kind: ProviderKind,
    name: z.string().trim().min(1, 'must not be empty').max(200),
    baseUrl: BaseUrl,
    options: Options.default({}),
    enabled: z.boolean().default(true),
    builtIn: z.boolean().default(false)
  })
  .strict()
export type NewProvider = z.input<typeof NewProvider>

export const ProviderPatch = z
  .object({
    name: z.string().trim().min(1, 'must not be empty').max(200).optional(),
    baseUrl: BaseUrl.optional(),
    options: Options.optional(),
    enabled: z.boolean().optional()
  })
  .strict()
export type ProviderPatch = z.input<typeof ProviderPatch>

function assertNoSecrets(options: Record<string, unknown>): void {
  const found = findSecretPath(options, 'options')
  if (found) {
    throw new AppError('VALIDATION_FAILED', `Provider ${found} looks like a credential; set keys through the secret store, not provider options.`, [
      { path: found, message: 'credentials are not stored in provider options' }
    ])
  }
}

function toProvider(row: ProviderRow): Provider {
  return {
    id: row.id,
    kind: row.kind as Provider['kind'],
    name: row.name,
    baseUrl: row.base_url,
    options: parseJson<Record<string, unknown>>(row.options_json, {}),
    enabled: row.enabled === 1,
    builtIn: row.built_in === 1,
    createdAt: toIso(row.created_at),
    updatedAt: toIso(row.updated_at)
  }
}

export type ProviderRepo = ReturnType<typeof createProviderRepo>

export function createProviderRepo(db: BetterSqlite3.Database) {
  const selectAll = db.prepare('SELECT * FROM provider ORDER BY built_in DESC, name COLLATE NOCASE, id')
  const selectOne = db.prepare('SELECT * FROM provider WHERE id = ?')
  const count = db.prepare('SELECT count(*) AS n FROM provider').pluck()
  const insert = db.prepare(
    `INSERT INTO provider (id, kind, name, base_url, options_json, enabled, built_in, created_at, updated_at)
     VALUES (@id, @kind, @name, @baseUrl, @optionsJson, @enabled, @builtIn, @now, @now)`
  )
  const updateRow = db.prepare(
    `UPDATE provider SET name = @name, base_url = @baseUrl, options_json = @optionsJson, enabled = @enabled, updated_at = @now
     WHERE id = @id`
  )
  const deleteRow = db.prepare('DELETE FROM provider WHERE id = ?')
  const deleteModels = db.prepare('DELETE FROM model WHERE provider_id = ?')
  const removeTx = db.transaction((id: string) => {
    deleteModels.run(id)
    deleteRow.run(id)
  })

  function find(id: string): Provider | null {
    const row = selectOne.get(id) as ProviderRow | undefined
    return row ? toProvider(row) : null
  }

  function get(id: string): Provider {
    const provider = find(id)
    if (!provider) throw notFound(`Provider "${id}"`, 'list providers to see the configured ones')
    return provider
  }

  return {
    list(): Provider[] {
      return (selectAll.all() as ProviderRow[]).map(toProvider)
    },
    count(): number {
      return count.get() as number
    },
    find,
    get,
    create(input: NewProvider): Provider {
      const parsed = NewProvider.safeParse(input)
      if (!parsed.success) throw validationError('provider', parsed.error)
      const p = parsed.data
      assertNoSecrets(p.options)
      const id = p.id ?? newId()
      try {
        insert.run({
          id,
          kind: p.kind,
          name: p.name,
          baseUrl: p.baseUrl,
          optionsJson: JSON.stringify(p.options),
          enabled: bool(p.enabled),
          builtIn: bool(p.builtIn),
          now: Date.now()
        })
      } catch (error) {
        if (isUniqueViolation(error)) throw new AppError('CONFLICT', `A provider with id "${id}" already exists; pick another id or update that provider.`)
        rethrowConstraint(error, `Provider "${p.name}"`)
      }
      return get(id)
    },
    update(id: string, patch: ProviderPatch): Provider {
      const parsed = ProviderPatch.safeParse(patch)
      if (!parsed.success) throw validationError('provider change', parsed.error)
      const current = get(id)
      const change = parsed.data
      const next = {
        name: change.name ?? current.name,
        baseUrl: change.baseUrl === undefined ? current.baseUrl : change.baseUrl,
        options: change.options ?? current.options,
        enabled: change.enabled ?? current.enabled
      }
      assertNoSecrets(next.options)
      updateRow.run({
        id,
        name: next.name,
        baseUrl: next.baseUrl,
        optionsJson: JSON.stringify(next.options),
        enabled: bool(next.enabled),
        now: Date.now()
      })
      return get(id)
    },
    /** Removes a provider and its models. Calls keep their provider id, so history survives. */
    remove(id: string): void {
      const current = get(id)
      if (current.builtIn) throw new AppError('CONFLICT', `Provider "${current.name}" is built in and cannot be removed; disable it instead.`)
      removeTx(id)
    }
  }
}

import type BetterSqlite3 from 'better-sqlite3'
import { z } from 'zod'
import { AppError, validationError } from '../../core/errors'
import type { TokenPrices } from '../../core/pricing'
import type { Model } from '../../core/schemas/provider'
import { bool, notFound, rethrowConstraint } from '../sqlite-errors'
import { newId } from '../ids'

interface ModelRow {
  id: string
  provider_id: string
  model_id: string
  display_name: string
  context_window: number | null
  input_price_per_mtok: number | null
  output_price_per_mtok: number | null
  cached_input_price_per_mtok: number | null
  price_source: Model['priceSource']
  enabled: number
}

const Price = z.number().nonnegative().nullable()

/** A model as a catalog, a provider listing or the user describes it. Missing prices mean unknown. */
export const ModelInput = z
  .object({
    modelId: z.string().trim().min(1, 'must not be empty').max(300),
    displayName: z.string().trim().max(300).optional(),
    contextWindow: z.number().int().positive().nullable().optional(),
    inputPricePerMTok: Price.optional(),
    outputPricePerMTok: Price.optional(),
    cachedInputPricePerMTok: Price.optional(),
    priceSource: z.enum(['catalog', 'user', 'emulator', 'unknown']).optional(),
    /** Omitted: a new model is enabled, an existing one keeps the user's choice. */
    enabled: z.boolean().optional()
  })
  .strict()
export type ModelInput = z.input<typeof ModelInput>

export const ModelPatch = z
  .object({
    displayName: z.string().trim().min(1).max(300).optional(),
    contextWindow: z.number().int().positive().nullable().optional(),
    inputPricePerMTok: Price.optional(),
    outputPricePerMTok: Price.optional(),
    cachedInputPricePerMTok: Price.optional(),
    enabled: z.boolean().optional()
  })
  .strict()
export type ModelPatch = z.input<typeof ModelPatch>

function toModel(row: ModelRow): Model {
  return {
    id: row.id,
    providerId: row.provider_id,
    modelId: row.model_id,
    displayName: row.display_name,
    contextWindow: row.context_window,
    inputPricePerMTok: row.input_price_per_mtok,
    outputPricePerMTok: row.output_price_per_mtok,
    cachedInputPricePerMTok: row.cached_input_price_per_mtok,
    priceSource: row.price_source,
    enabled: row.enabled === 1
  }
}

export type ModelRepo = ReturnType<typeof createModelRepo>

export function createModelRepo(db: BetterSqlite3.Database) {
  const selectAll = db.prepare('SELECT * FROM model ORDER BY provider_id, display_name COLLATE NOCASE, model_id')
  const selectByProvider = db.prepare('SELECT * FROM model WHERE provider_id = ? ORDER BY display_name COLLATE NOCASE, model_id')
  const selectOne = db.prepare('SELECT * FROM model WHERE provider_id = ? AND model_id = ?')
  const providerExists = db.prepare('SELECT 1 FROM provider WHERE id = ?').pluck()
  // A catalog refresh never overwrites prices the user set, nor the user's enabled/disabled choice.
  const upsert = db.prepare(
    `INSERT INTO model (id, provider_id, model_id, display_name, context_window, input_price_per_mtok, output_price_per_mtok,
       cached_input_price_per_mtok, price_source, enabled, created_at, updated_at)
     VALUES (@id, @providerId, @modelId, @displayName, @contextWindow, @inputPrice, @outputPrice, @cachedPrice, @priceSource,
       coalesce(@enabled, 1), @now, @now)
     ON CONFLICT (provider_id, model_id) DO UPDATE SET
       display_name = excluded.display_name,
       context_window = coalesce(excluded.context_window, model.context_window),
       input_price_per_mtok = CASE WHEN model.price_source = 'user' AND excluded.price_source <> 'user'
         THEN model.input_price_per_mtok ELSE excluded.input_price_per_mtok END,
       output_price_per_mtok = CASE WHEN model.price_source = 'user' AND excluded.price_source <> 'user'
         THEN model.output_price_per_mtok ELSE excluded.output_price_per_mtok END,
       cached_input_price_per_mtok = CASE WHEN model.price_source = 'user' AND excluded.price_source <> 'user'
         THEN model.cached_input_price_per_mtok ELSE excluded.cached_input_price_per_mtok END,
       price_source = CASE WHEN model.price_source = 'user' AND excluded.price_source <> 'user'
         THEN 'user' ELSE excluded.price_source END,
       enabled = coalesce(@enabled, model.enabled),
       updated_at = excluded.updated_at`
  )
  const updateRow = db.prepare(
    `UPDATE model SET display_name = @displayName, context_window = @contextWindow, input_price_per_mtok = @inputPrice,
       output_price_per_mtok = @outputPrice, cached_input_price_per_mtok = @cachedPrice, price_source = @priceSource,
       enabled = @enabled, updated_at = @now
     WHERE provider_id = @providerId AND model_id = @modelId`
  )

  const setPrices = db.prepare(
    `UPDATE model SET input_price_per_mtok = @inputPrice, output_price_per_mtok = @outputPrice,
       cached_input_price_per_mtok = @cachedPrice, price_source = @priceSource, updated_at = @now
     WHERE provider_id = @providerId AND model_id = @modelId`
  )

  function find(providerId: string, modelId: string): Model | null {
    const row = selectOne.get(providerId, modelId) as ModelRow | undefined
    return row ? toModel(row) : null
  }

  function get(providerId: string, modelId: string): Model {
    const model = find(providerId, modelId)
    if (!model) throw notFound(`Model "${providerId}/${modelId}"`, "list the provider's models, or refresh them")
    return model
  }

  const upsertAll = db.transaction((providerId: string, models: z.output<typeof ModelInput>[]) => {
    if (!providerExists.get(providerId)) throw notFound(`Provider "${providerId}"`, 'create the provider before adding its models')
    const now = Date.now()
    for (const m of models) {
      const hasPrice = m.inputPricePerMTok != null || m.outputPricePerMTok != null
      try {
        upsert.run({
          id: newId(),
          providerId,
          modelId: m.modelId,
          displayName: m.displayName || m.modelId,
          contextWindow: m.contextWindow ?? null,
          inputPrice: m.inputPricePerMTok ?? null,
          outputPrice: m.outputPricePerMTok ?? null,
          cachedPrice: m.cachedInputPricePerMTok ?? null,
          priceSource: m.priceSource ?? (hasPrice ? 'catalog' : 'unknown'),
          enabled: m.enabled === undefined ? null : bool(m.enabled),
          now
        })
      } catch (error) {
        rethrowConstraint(error, `Model "${providerId}/${m.modelId}"`)
      }
    }
  })

  function list(providerId?: string): Model[] {
    const rows = (providerId === undefined ? selectAll.all() : selectByProvider.all(providerId)) as ModelRow[]
    return rows.map(toModel)
  }

  const addOne = db.transaction((providerId: string, m: z.output<typeof ModelInput>): void => {
    if (find(providerId, m.modelId)) {
      throw new AppError('CONFLICT', `Provider "${providerId}" already has model "${m.modelId}"; update it instead of adding it again.`, [
        { path: 'modelId', message: 'already added' }
      ])
    }
    upsertAll(providerId, [m])
  })

  return {
    list,
    find,
    get,
    /** Adds one model (e.g. an Azure deployment); a model the provider already has is a CONFLICT. */
    add(providerId: string, model: ModelInput): Model {
      const parsed = ModelInput.safeParse(model)
      if (!parsed.success) throw validationError('model', parsed.error)
      addOne(providerId, parsed.data)
      return get(providerId, parsed.data.modelId)
    },
    /**
     * Sets the user's price override, or clears it (null): the model then takes `fallback` prices (the catalog's,
     * or the emulator's) with their source, else its prices become unknown.
     */
    setPriceOverride(
      providerId: string,
      modelId: string,
      prices: TokenPrices | null,
      fallback: { prices: TokenPrices; source: 'catalog' | 'emulator' } | null = null
    ): Model {
      get(providerId, modelId)
      for (const [field, value] of Object.entries(prices ?? {})) {
        if (value !== null && !(Number.isFinite(value) && value >= 0)) {
          throw new AppError('VALIDATION_FAILED', `Price ${field} must be a non-negative number.`, [{ path: `prices.${field}`, message: 'must be >= 0' }])
        }
      }
      const next = prices ?? fallback?.prices ?? null
      const source: Model['priceSource'] = prices ? 'user' : fallback && (fallback.prices.inputPricePerMTok !== null || fallback.prices.outputPricePerMTok !== null) ? fallback.source : 'unknown'
      setPrices.run({
        providerId,
        modelId,
        inputPrice: next?.inputPricePerMTok ?? null,
        outputPrice: next?.outputPricePerMTok ?? null,
        cachedPrice: next?.cachedInputPricePerMTok ?? null,
        priceSource: source,
        now: Date.now()
      })
      return get(providerId, modelId)
    },
    /** Inserts or refreshes a provider's models in one transaction; returns the provider's models afterwards. */
    upsertMany(providerId: string, models: ModelInput[]): Model[] {
      const parsed = z.array(ModelInput).safeParse(models)
      if (!parsed.success) throw validationError('models', parsed.error)
      upsertAll(providerId, parsed.data)
      return list(providerId)
    },
    /** A user edit; changing a price marks the model's prices as the user's (kept across catalog refreshes). */
    update(providerId: string, modelId: string, patch: ModelPatch): Model {
      const parsed = ModelPatch.safeParse(patch)
      if (!parsed.success) throw validationError('model change', parsed.error)
      const current = get(providerId, modelId)
      const c = parsed.data
      const pricesChanged = c.inputPricePerMTok !== undefined || c.outputPricePerMTok !== undefined || c.cachedInputPricePerMTok !== undefined
      updateRow.run({
        providerId,
        modelId,
        displayName: c.displayName ?? current.displayName,
        contextWindow: c.contextWindow === undefined ? current.contextWindow : c.contextWindow,
        inputPrice: c.inputPricePerMTok === undefined ? current.inputPricePerMTok : c.inputPricePerMTok,
        outputPrice: c.outputPricePerMTok === undefined ? current.outputPricePerMTok : c.outputPricePerMTok,
        cachedPrice: c.cachedInputPricePerMTok === undefined ? current.cachedInputPricePerMTok : c.cachedInputPricePerMTok,
        priceSource: pricesChanged ? 'user' : current.priceSource,
        enabled: bool(c.enabled ?? current.enabled),
        now: Date.now()
      })
      return get(providerId, modelId)
    }
  }
}

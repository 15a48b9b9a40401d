import { readFileSync } from 'node:fs'
import { waitForUpdate } from '@pydantic/genai-prices'
import { describe, expect, it } from 'vitest'
import { CatalogEntry } from '../core/api-contract'
import { PROVIDER_KINDS } from '../core/provider-kinds'
import { CATALOG_PACKAGE_VERSION, catalogDate, catalogPricesFor, searchCatalog } from './catalog'
import { CATALOG_PROVIDER_IDS, findCatalogProvider } from './catalog-index'

describe('catalog data', () => {
  it('lists every provider of the bundled data', async () => {
    const providers = (await waitForUpdate()) ?? []
    expect([...CATALOG_PROVIDER_IDS].sort()).toEqual(providers.map((p) => p.id).sort())
  })
  it('dates the catalog by the installed package version (update the date when upgrading)', () => {
    const pkg = JSON.parse(readFileSync(new URL('../../node_modules/@pydantic/genai-prices/package.json', import.meta.url), 'utf8')) as { version: string }
    expect(pkg.version).toBe(CATALOG_PACKAGE_VERSION)
    expect(catalogDate()).toMatch(/^\d{4}-\d{2}-\d{2}$/)
  })
  it('knows the catalog provider of every kind that names one, under that exact id', () => {
    for (const kind of PROVIDER_KINDS) {
      if (kind.catalogProvider === null) continue
      expect(findCatalogProvider(kind.catalogProvider)?.id, kind.kind).toBe(kind.catalogProvider)
    }
  })
})

describe('catalogPricesFor', () => {
  it('prices OpenAI gpt-4o-mini, dated snapshot included', () => {
    const mini = catalogPricesFor('openai', 'gpt-4o-mini')
    expect(mini).not.toBeNull()
    expect(mini!.inputPricePerMTok).toBeGreaterThan(0.05)
    expect(mini!.inputPricePerMTok).toBeLessThan(1)
    expect(mini!.outputPricePerMTok).toBeGreaterThan(mini!.inputPricePerMTok!)
    expect(mini!.cachedInputPricePerMTok).toBeLessThan(mini!.inputPricePerMTok!)
    expect(mini!.contextWindow).toBe(128_000)
    expect(catalogPricesFor('openai', 'GPT-4o-mini-2024-07-18 ')).toEqual(mini)
  })
  it('prices Anthropic Claude models, compact date suffixes included', () => {
    for (const id of ['claude-3-5-sonnet-20241022', 'claude-sonnet-4-5', 'claude-sonnet-4-20250514']) {
      const claude = catalogPricesFor('anthropic', id)
      expect(claude, id).not.toBeNull()
      expect(claude!.inputPricePerMTok).toBeGreaterThanOrEqual(1)
      expect(claude!.inputPricePerMTok).toBeLessThanOrEqual(10)
      expect(claude!.outputPricePerMTok).toBeGreaterThanOrEqual(5 * claude!.inputPricePerMTok! - 1e-9)
      expect(claude!.contextWindow).toBeGreaterThanOrEqual(200_000)
    }
    expect(catalogPricesFor('anthropic', 'claude-sonnet-4-5')?.displayName).toMatch(/sonnet 4\.5/i)
  })
  it('prices Gemini flash models, with or without the API `models/` prefix', () => {
    for (const id of ['gemini-1.5-flash', 'gemini-2.0-flash', 'gemini-2.5-flash']) {
      const flash = catalogPricesFor('gemini', id)
      expect(flash, id).not.toBeNull()
      expect(flash!.inputPricePerMTok).toBeGreaterThan(0.01)
      expect(flash!.inputPricePerMTok).toBeLessThan(1)
      expect(flash!.contextWindow).toBeGreaterThanOrEqual(1_000_000)
    }
    expect(catalogPricesFor('gemini', 'models/gemini-2.5-flash')).toEqual(catalogPricesFor('gemini', 'gemini-2.5-flash'))
  })
  it('resolves OpenRouter ids, falling back to the vendor list for ids OpenRouter lacks', () => {
    const viaRouter = catalogPricesFor('openrouter', 'openai/gpt-4o')
    expect(viaRouter?.inputPricePerMTok).toBe(catalogPricesFor('openai', 'gpt-4o')?.inputPricePerMTok)
    expect(viaRouter?.contextWindow).toBe(128_000)
    const viaVendor = catalogPricesFor('openrouter', 'anthropic/claude-3-5-sonnet-20241022')
    expect(viaVendor).toEqual(catalogPricesFor('anthropic', 'claude-3-5-sonnet-20241022'))
  })
  it('resolves Azure deployment names equal to a model id through the OpenAI fallback', () => {
    const azure = catalogPricesFor('azure-openai', 'gpt-4o-mini')
    expect(azure?.inputPricePerMTok).toBe(catalogPricesFor('openai', 'gpt-4o-mini')?.inputPricePerMTok)
    expect(catalogPricesFor('azure-openai', 'my-prod-deployment')).toBeNull()
  })
  it('resolves Together and Fireworks long ids', () => {
    const together = catalogPricesFor('together', 'meta-llama/Llama-3.3-70B-Instruct-Turbo')
    expect(together?.inputPricePerMTok).toBeGreaterThan(0)
    expect(together?.contextWindow).toBeNull()
    const fireworks = catalogPricesFor('fireworks', 'accounts/fireworks/models/deepseek-v3p2')
    expect(fireworks?.outputPricePerMTok).toBeGreaterThan(0)
    expect(fireworks?.contextWindow).toBeGreaterThan(100_000)
  })
  it('prices the other hosted kinds', () => {
    expect(catalogPricesFor('groq', 'llama-3.3-70b-versatile')?.inputPricePerMTok).toBeGreaterThan(0)
    expect(catalogPricesFor('xai', 'grok-3')?.contextWindow).toBe(131_072)
    expect(catalogPricesFor('mistral', 'mistral-large-latest')?.outputPricePerMTok).toBeGreaterThan(0)
    // DeepSeek's peak / off-peak windows give the dearer (peak) price, never the discount.
    const deepseek = catalogPricesFor('deepseek', 'deepseek-chat')
    expect(deepseek?.inputPricePerMTok).toBe(0.27)
  })
  it('is null for unknown models and for kinds without a catalog provider', () => {
    expect(catalogPricesFor('openai', 'no-such-model-xyz')).toBeNull()
    expect(catalogPricesFor('openai', '')).toBeNull()
    expect(catalogPricesFor('ollama', 'llama3.1:8b')).toBeNull()
    expect(catalogPricesFor('emulator', 'gpt-4o')).toBeNull()
  })
})

describe('searchCatalog', () => {
  it('matches partial names case-insensitively, every word, within a provider', () => {
    const flash = searchCatalog('FLASH', { catalogProvider: 'google', limit: 500 })
    expect(flash.length).toBeGreaterThan(3)
    expect(flash.every((e) => e.catalogProvider === 'google' && /flash/i.test(`${e.modelId} ${e.name}`))).toBe(true)
    expect(flash.some((e) => e.modelId.includes('2.0-flash') || e.modelId.includes('2.5-flash'))).toBe(true)
    const sonnet = searchCatalog('claude sonnet', { catalogProvider: 'anthropic', limit: 50 })
    expect(sonnet.length).toBeGreaterThan(1)
  })
  it('puts the exact model id first and honours the limit', () => {
    const results = searchCatalog('gpt-4o-mini', { limit: 3 })
    expect(results).toHaveLength(3)
    expect(results[0]?.modelId).toBe('gpt-4o-mini')
    const openai = searchCatalog('gpt-4o-mini', { catalogProvider: 'openai', limit: 5 })
    expect(openai[0]).toMatchObject({ catalogProvider: 'openai', modelId: 'gpt-4o-mini', contextWindow: 128_000 })
  })
  it('matches on the provider id and returns contract-valid entries', () => {
    const all = searchCatalog('', { limit: 500 })
    expect(all).toHaveLength(500)
    for (const entry of all) expect(() => CatalogEntry.parse(entry)).not.toThrow()
    const router = searchCatalog('openrouter gpt-4o', { limit: 20 })
    expect(router.length).toBeGreaterThan(0)
    expect(router.every((e) => e.catalogProvider === 'openrouter')).toBe(true)
    expect(searchCatalog('zzz-no-such-model', { limit: 10 })).toEqual([])
  })
})

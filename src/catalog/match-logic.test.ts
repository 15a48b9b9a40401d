import { calcPrice } from '@pydantic/genai-prices'
import type { MatchLogic, ModelInfo } from '@pydantic/genai-prices'
import { describe, expect, it } from 'vitest'
import { catalogProviders, resolveCatalogModel } from './catalog-index'
import { compileMatch, expandDateSuffix } from './match-logic'

function equalsValues(logic: MatchLogic): string[] {
  if ('equals' in logic) return [logic.equals]
  if ('or' in logic) return logic.or.flatMap(equalsValues)
  if ('and' in logic) return logic.and.flatMap(equalsValues)
  return []
}

/** Ids to probe a model with: its catalog id, its `equals` aliases, and variants the package treats specially. */
function probeIds(model: ModelInfo): string[] {
  const ids = [model.id, ...equalsValues(model.match)]
  return [...new Set([...ids, ...ids.map((id) => `${id}-20250101`), ...ids.map((id) => id.toUpperCase())])]
}

describe('compileMatch', () => {
  it('implements every MatchLogic form, case-insensitively except regex', () => {
    expect(compileMatch({ equals: 'GPT-4o' })('gpt-4o')).toBe(true)
    expect(compileMatch({ starts_with: 'gpt-' })('gpt-4o')).toBe(true)
    expect(compileMatch({ ends_with: '-mini' })('gpt-4o-mini')).toBe(true)
    expect(compileMatch({ contains: 'sonnet' })('claude-3-5-sonnet-x')).toBe(true)
    expect(compileMatch({ regex: '^o\\d' })('o3-mini')).toBe(true)
    expect(compileMatch({ and: [{ starts_with: 'a' }, { ends_with: 'z' }] })('abz')).toBe(true)
    expect(compileMatch({ and: [{ starts_with: 'a' }, { ends_with: 'z' }] })('abc')).toBe(false)
    expect(compileMatch({ or: [{ equals: 'x' }, { contains: 'y' }] })('ayb')).toBe(true)
  })
  it('expands valid compact date suffixes only', () => {
    expect(expandDateSuffix('claude-3-5-sonnet-20241022')).toBe('claude-3-5-sonnet-2024-10-22')
    expect(expandDateSuffix('model-20241399')).toBe('model-20241399')
  })
})

describe('resolveCatalogModel', () => {
  it("resolves every probe id to the same model as the package's calcPrice", () => {
    let compared = 0
    for (const provider of catalogProviders()) {
      for (const model of provider.models) {
        for (const id of probeIds(model)) {
          let expected: string | null
          try {
            expected = calcPrice({ input_tokens: 1, output_tokens: 1 }, id, { providerId: provider.id })?.model.id ?? null
          } catch {
            continue // prices the package itself cannot compute for a token-only usage; matching is not at issue
          }
          expect(resolveCatalogModel(provider, id)?.model.id ?? null, `${provider.id}:${id}`).toBe(expected)
          compared++
        }
      }
    }
    expect(compared).toBeGreaterThan(3000)
  })
})

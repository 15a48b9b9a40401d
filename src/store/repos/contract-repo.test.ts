import { afterEach, describe, expect, it } from 'vitest'
import { ContractDetail, ContractSummary, ContractVersion } from '../../core/schemas/workspace'
import { createTempSpace } from '../testing/temp-store'
import { contractBody } from '../testing/fixtures'

const space = createTempSpace()
afterEach(() => space.cleanup())

describe('contracts', () => {
  it('creates a contract with version 1 and returns a valid ContractDetail with defaults filled', () => {
    const store = space.open()
    const detail = store.contracts.create({ name: 'Summaries', description: 'Short summaries', feature: 'summaries' }, contractBody())
    expect(ContractDetail.parse(detail)).toEqual(detail)
    expect(detail).toMatchObject({ name: 'Summaries', feature: 'summaries', archived: false, latestVersion: 1 })
    expect(detail.latest).toMatchObject({ version: 1, contractId: detail.id, fallback: { retries: 2, timeoutMs: 300_000, fallbacks: [] } })
    expect(detail.latest?.budgets).toEqual({ p95LatencyMs: 1500, p95TtftMs: null, maxCostPerRequestUsd: null, minPassRate: null })
    expect(store.contracts.get(detail.id)).toEqual(detail)
  })

  it('saves new immutable versions and reads any of them back', () => {
    const store = space.open()
    const { id } = store.contracts.create({ name: 'Triage' }, contractBody('v1 {{text}}'))
    const v2 = store.contracts.saveVersion(id, contractBody('v2 {{text}}'))
    expect(ContractVersion.parse(v2)).toEqual(v2)
    expect(v2.version).toBe(2)
    expect(store.contracts.get(id).latest?.messages[0]?.content).toBe('v2 {{text}}')
    expect(store.contracts.getVersion(id, 1).messages[0]?.content).toBe('v1 {{text}}')
    expect(store.contracts.getVersionById(v2.id)).toEqual(v2)
    expect(store.contracts.listVersions(id).map((v) => v.version)).toEqual([1, 2])
    expect(() => store.db.prepare("UPDATE contract_version SET body_json = '{}' WHERE id = ?").run(v2.id)).toThrow(/immutable/)
    expect(store.contracts.getVersion(id, 2)).toEqual(v2)
  })

  it('lists summaries, hiding archived ones unless asked', () => {
    const store = space.open()
    const a = store.contracts.create({ name: 'A' }, contractBody())
    const b = store.contracts.create({ name: 'B' }, contractBody())
    store.contracts.saveVersion(b.id, contractBody())
    const archived = store.contracts.archive(a.id, true)
    expect(archived.archived).toBe(true)
    const visible = store.contracts.list({ includeArchived: false })
    expect(visible.map((c) => [c.name, c.latestVersion])).toEqual([['B', 2]])
    for (const c of visible) expect(ContractSummary.parse(c)).toEqual(c)
    expect(store.contracts.list({ includeArchived: true }).map((c) => c.name).sort()).toEqual(['A', 'B'])
    store.contracts.archive(a.id, false)
    expect(store.contracts.list().map((c) => c.name).sort()).toEqual(['A', 'B'])
  })

  it('renames, and answers CONFLICT for a name already taken (case-insensitive)', () => {
    const store = space.open()
    store.contracts.create({ name: 'Support triage' }, contractBody())
    const other = store.contracts.create({ name: 'Other' }, contractBody())
    expect(() => store.contracts.create({ name: 'support TRIAGE' }, contractBody())).toThrow(
      expect.objectContaining({ code: 'CONFLICT', message: expect.stringMatching(/"support TRIAGE" already exists; choose another name/) })
    )
    expect(() => store.contracts.update(other.id, { name: 'Support triage' })).toThrow(expect.objectContaining({ code: 'CONFLICT' }))
    expect(store.contracts.update(other.id, { name: 'Renamed', feature: 'x' })).toMatchObject({ name: 'Renamed', feature: 'x' })
    expect(store.contracts.list()).toHaveLength(2)
  })

  it('answers NOT_FOUND for unknown contracts and versions', () => {
    const store = space.open()
    const { id } = store.contracts.create({ name: 'A' }, contractBody())
    expect(() => store.contracts.get('nope')).toThrow(expect.objectContaining({ code: 'NOT_FOUND', message: expect.stringContaining('"nope"') }))
    expect(() => store.contracts.saveVersion('nope', contractBody())).toThrow(expect.objectContaining({ code: 'NOT_FOUND' }))
    expect(() => store.contracts.getVersion(id, 7)).toThrow(expect.objectContaining({ code: 'NOT_FOUND', message: expect.stringContaining('Version 7') }))
    expect(() => store.contracts.archive('nope', true)).toThrow(expect.objectContaining({ code: 'NOT_FOUND' }))
  })

  it('rejects an invalid body with VALIDATION_FAILED naming the field, storing nothing', () => {
    const store = space.open()
    const bad = { ...contractBody(), messages: [] }
    expect(() => store.contracts.create({ name: 'Bad' }, bad)).toThrow(
      expect.objectContaining({ code: 'VALIDATION_FAILED', message: expect.stringContaining('messages') })
    )
    expect(store.contracts.list()).toEqual([])
  })

  it('saves name, description, feature and a new version together, and makes no version when the body is unchanged', () => {
    const store = space.open()
    const { id } = store.contracts.create({ name: 'Triage' }, contractBody('v1 {{text}}'))
    const same = store.contracts.saveChanges(id, {}, contractBody('v1 {{text}}'))
    expect(same).toMatchObject({ created: false, metaChanged: false, version: { version: 1 } })
    const renamed = store.contracts.saveChanges(id, { name: 'Ticket triage', feature: 'triage' }, contractBody('v1 {{text}}'))
    expect(renamed).toMatchObject({ created: false, metaChanged: true, contract: { name: 'Ticket triage', feature: 'triage', latestVersion: 1 } })
    const v2 = store.contracts.saveChanges(id, { description: 'Sorts tickets' }, contractBody('v2 {{text}}'))
    expect(v2).toMatchObject({ created: true, metaChanged: true, version: { version: 2 }, contract: { description: 'Sorts tickets', latestVersion: 2 } })
    expect(store.contracts.getVersion(id, 2).messages[0]?.content).toBe('v2 {{text}}')
  })

  it('saves nothing at all when the new name is taken (meta and version in one transaction)', () => {
    const store = space.open()
    store.contracts.create({ name: 'Taken' }, contractBody())
    const { id } = store.contracts.create({ name: 'Mine' }, contractBody('v1 {{text}}'))
    expect(() => store.contracts.saveChanges(id, { name: 'TAKEN' }, contractBody('v2 {{text}}'))).toThrow(expect.objectContaining({ code: 'CONFLICT' }))
    expect(store.contracts.get(id)).toMatchObject({ name: 'Mine', latestVersion: 1 })
  })

  it('duplicates as "<name> (copy)" with the latest body as v1, choosing a free name', () => {
    const store = space.open()
    const source = store.contracts.create({ name: 'Triage', description: 'd', feature: 'f' }, contractBody('v1 {{text}}'))
    store.contracts.saveVersion(source.id, contractBody('v2 {{text}}'))
    const copy = store.contracts.duplicate(source.id)
    expect(copy).toMatchObject({ name: 'Triage (copy)', description: 'd', feature: 'f', latestVersion: 1, archived: false })
    expect(copy.latest?.messages[0]?.content).toBe('v2 {{text}}')
    expect(store.contracts.duplicate(source.id).name).toBe('Triage (copy 2)')
    expect(store.contracts.duplicate(copy.id).name).toBe('Triage (copy 3)')
    expect(store.contracts.duplicate(source.id, 'Named copy').name).toBe('Named copy')
    expect(() => store.contracts.duplicate(source.id, 'triage')).toThrow(expect.objectContaining({ code: 'CONFLICT' }))
    expect(() => store.contracts.duplicate('nope')).toThrow(expect.objectContaining({ code: 'NOT_FOUND' }))
    expect(store.contracts.list()).toHaveLength(5)
  })
})

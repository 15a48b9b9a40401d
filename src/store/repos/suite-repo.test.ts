import { afterEach, describe, expect, it } from 'vitest'
import { Suite } from '../../core/schemas/suite'
import { createTempSpace } from '../testing/temp-store'
import { contractBody } from '../testing/fixtures'

const space = createTempSpace()
afterEach(() => space.cleanup())

function seeded() {
  const store = space.open()
  const contract = store.contracts.create({ name: 'Triage' }, contractBody())
  const dataset = store.datasets.create({ name: 'Golden', contractId: contract.id }, [{ vars: { text: 'a' } }])
  const contractVersionId = contract.latest!.id
  const datasetVersionId = store.datasets.listVersions(dataset.id)[0]!.id
  return { store, contract, dataset, contractVersionId, datasetVersionId }
}

describe('suites', () => {
  it('creates a suite pinned to versions, with its settings (unknown ones kept), and finds it by name', () => {
    const { store, contractVersionId, datasetVersionId } = seeded()
    const suite = store.suites.create({ name: 'Regression', contractVersionId, datasetVersionId, settings: { repeats: 3, custom: { a: 1 } } })
    expect(Suite.parse(suite)).toEqual(suite)
    expect(suite).toMatchObject({ contractName: 'Triage', contractVersion: 1, datasetName: 'Golden', datasetVersion: 1, settings: { repeats: 3, custom: { a: 1 } } })
    expect(store.suites.findByName('REGRESSION')?.id).toBe(suite.id)
    expect(store.suites.list().map((s) => s.name)).toEqual(['Regression'])
    expect(store.suites.findByName('nope')).toBeNull()
  })

  it('updates in place, refuses a taken name, a bad setting and a version that does not exist', () => {
    const { store, contract, contractVersionId } = seeded()
    const a = store.suites.create({ name: 'A', contractVersionId })
    store.suites.create({ name: 'B', contractVersionId })
    const v2 = store.contracts.saveVersion(contract.id, contractBody('v2 {{text}}'))
    const moved = store.suites.update(a.id, { contractVersionId: v2.id, datasetVersionId: null, settings: { concurrency: 4 } })
    expect(moved).toMatchObject({ id: a.id, contractVersion: 2, datasetId: null, settings: { concurrency: 4 } })
    expect(() => store.suites.update(a.id, { name: 'b' })).toThrow(/already exists/)
    expect(() => store.suites.create({ name: 'a', contractVersionId })).toThrow(/already exists/)
    expect(() => store.suites.create({ name: 'C', contractVersionId, settings: { repeats: 0 } })).toThrow(/repeats/)
    expect(() => store.suites.create({ name: 'D', contractVersionId: 'missing' })).toThrow(expect.objectContaining({ code: 'NOT_FOUND' }))
    expect(store.suites.update(a.id, { name: 'a' }).name).toBe('a')
  })
})

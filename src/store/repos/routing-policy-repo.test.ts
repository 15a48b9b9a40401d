import { afterEach, describe, expect, it } from 'vitest'
import { createTempSpace } from '../testing/temp-store'
import { contractBody } from '../testing/fixtures'

const space = createTempSpace()
afterEach(() => space.cleanup())

describe('routing policies', () => {
  it('adds rows; the newest row of a name is its current form, and older rows stay', () => {
    const store = space.open()
    const contract = store.contracts.create({ name: 'Triage' }, contractBody())
    const first = store.routingPolicies.create({ name: 'Triage routing', contractId: contract.id, body: { strategy: 'first' } })
    const second = store.routingPolicies.create({ name: 'triage routing', contractId: contract.id, body: { strategy: 'fallback' }, provenance: { runs: ['r1'] } })
    store.routingPolicies.create({ name: 'Other', body: { strategy: 'weighted' } })
    expect(first).toMatchObject({ contractName: 'Triage', body: { strategy: 'first' }, provenance: {} })
    expect(store.routingPolicies.latestByName('TRIAGE ROUTING')).toEqual(second)
    expect(store.routingPolicies.listLatest().map((p) => `${p.name}: ${String(p.body.strategy)}`)).toEqual(['Other: weighted', 'triage routing: fallback'])
    expect(store.routingPolicies.list()).toHaveLength(3)
    expect(store.routingPolicies.get(first.id)).toEqual(first)
  })

  it('refuses an empty name and an unknown contract', () => {
    const store = space.open()
    expect(() => store.routingPolicies.create({ name: ' ', body: {} })).toThrow(/name/)
    expect(() => store.routingPolicies.create({ name: 'x', contractId: 'nope', body: {} })).toThrow(expect.objectContaining({ code: 'NOT_FOUND' }))
    expect(store.routingPolicies.latestByName('x')).toBeNull()
  })
})

import { afterEach, describe, expect, it } from 'vitest'
import { EditStep } from '../../core/schemas/dataset-edit'
import { DatasetCase, DatasetSummary } from '../../core/schemas/workspace'
import { createTempSpace } from '../testing/temp-store'
import { contractBody } from '../testing/fixtures'

const space = createTempSpace()
afterEach(() => space.cleanup())

const cases = (n: number, prefix = 'case') =>
  Array.from({ length: n }, (_, i) => ({
    vars: { text: `${prefix} ${i}` },
    expected: i % 2 ? `answer ${i}` : null,
    assertions: [{ type: 'contains', value: `${i}` }],
    tags: [i % 2 ? 'odd' : 'even'],
    notes: `note ${i}`,
    source: 'test'
  }))

describe('datasets', () => {
  it('creates version 1 with its cases and pages through them in order', () => {
    const store = space.open()
    const contract = store.contracts.create({ name: 'C' }, contractBody())
    const summary = store.datasets.create({ name: 'Golden', description: 'd', contractId: contract.id }, cases(25))
    expect(DatasetSummary.parse(summary)).toEqual(summary)
    expect(summary).toMatchObject({ name: 'Golden', contractId: contract.id, latestVersion: 1, caseCount: 25 })

    const page = store.datasets.cases(summary.id, { offset: 10, limit: 5 })
    expect(page.total).toBe(25)
    expect(page.version).toBe(1)
    expect(page.cases.map((c) => c.position)).toEqual([10, 11, 12, 13, 14])
    for (const c of page.cases) expect(DatasetCase.parse(c)).toEqual(c)
    expect(page.cases[1]).toMatchObject({ vars: { text: 'case 11' }, expected: 'answer 11', tags: ['odd'], assertions: [{ type: 'contains', value: '11' }] })
    expect(store.datasets.cases(summary.id, { offset: 24, limit: 200 }).cases).toHaveLength(1)
  })

  it('saves new versions without touching older ones', () => {
    const store = space.open()
    const { id } = store.datasets.create({ name: 'Golden' }, cases(3, 'old'))
    const v1Ids = store.datasets.cases(id).cases.map((c) => c.id)
    const v2 = store.datasets.saveVersion(id, cases(5, 'new'), 'added two')
    expect(v2).toMatchObject({ version: 2, caseCount: 5, note: 'added two', datasetId: id })
    expect(store.datasets.get(id)).toMatchObject({ latestVersion: 2, caseCount: 5 })
    const latest = store.datasets.cases(id)
    expect(latest.version).toBe(2)
    expect(latest.cases[0]?.vars).toEqual({ text: 'new 0' })
    const first = store.datasets.cases(id, { version: 1 })
    expect(first).toMatchObject({ version: 1, total: 3 })
    expect(first.cases.map((c) => c.id)).toEqual(v1Ids)
    expect(latest.cases.some((c) => v1Ids.includes(c.id))).toBe(false)
    expect(store.datasets.listVersions(id).map((v) => [v.version, v.caseCount])).toEqual([[1, 3], [2, 5]])
    expect(() => store.db.prepare("UPDATE dataset_case SET notes = 'x'").run()).toThrow(/immutable/)
  })

  it('lists datasets with their latest version and case count', () => {
    const store = space.open()
    const a = store.datasets.create({ name: 'A' }, cases(2))
    store.datasets.create({ name: 'Empty' }, [])
    store.datasets.saveVersion(a.id, cases(4), '')
    const list = store.datasets.list()
    expect(list.map((d) => [d.name, d.latestVersion, d.caseCount]).sort()).toEqual([['A', 2, 4], ['Empty', 1, 0]])
  })

  it('CONFLICT for a taken name, NOT_FOUND for unknown contract, dataset or version, all or nothing', () => {
    const store = space.open()
    const { id } = store.datasets.create({ name: 'Golden' }, cases(1))
    expect(() => store.datasets.create({ name: 'golden' }, cases(1))).toThrow(
      expect.objectContaining({ code: 'CONFLICT', message: expect.stringContaining('"golden" already exists') })
    )
    expect(() => store.datasets.create({ name: 'Orphan', contractId: 'no-such-contract' }, cases(1))).toThrow(
      expect.objectContaining({ code: 'NOT_FOUND', message: expect.stringContaining('"no-such-contract"') })
    )
    expect(() => store.datasets.saveVersion('nope', cases(1))).toThrow(expect.objectContaining({ code: 'NOT_FOUND' }))
    expect(() => store.datasets.cases(id, { version: 9 })).toThrow(expect.objectContaining({ code: 'NOT_FOUND', message: expect.stringContaining('Version 9') }))
    expect(() => store.datasets.cases('nope')).toThrow(expect.objectContaining({ code: 'NOT_FOUND' }))
    expect(() => store.datasets.create({ name: 'Bad' }, [{ vars: 'not an object' as unknown as Record<string, unknown> }])).toThrow(
      expect.objectContaining({ code: 'VALIDATION_FAILED', message: expect.stringContaining('0.vars') })
    )
    expect(store.datasets.list().map((d) => d.name)).toEqual(['Golden'])
    expect(store.db.prepare('SELECT count(*) FROM dataset_case').pluck().get()).toBe(1)
  })

  it('saveEdits builds a new version from keep ranges, edits and new cases, leaving the base untouched', () => {
    const store = space.open()
    const { id } = store.datasets.create({ name: 'Golden' }, cases(6))
    const base = store.datasets.cases(id).cases
    const { version, plan } = store.datasets.saveEdits(
      id,
      1,
      [
        { op: 'keep', start: 0, count: 2 },
        { op: 'edit', caseId: base[3]!.id, vars: { extra: 42 }, expected: 'edited', tags: ['fixed'] },
        { op: 'keep', start: 0, count: 1 },
        { op: 'add', case: { vars: { text: 'brand new' }, assertions: [{ type: 'equals', value: 'x' }] } },
        { op: 'keep', start: 4, count: 2 }
      ].map((s) => EditStep.parse(s)),
      'my edits'
    )
    expect(version).toMatchObject({ version: 2, caseCount: 7, note: 'my edits' })
    expect(plan).toEqual({ caseCount: 7, kept: 5, edited: 1, added: 1, removed: 1 })
    const v2 = store.datasets.cases(id, { limit: 100 }).cases
    expect(v2.map((c) => c.position)).toEqual([0, 1, 2, 3, 4, 5, 6])
    expect(v2.map((c) => c.vars.text)).toEqual(['case 0', 'case 1', 'case 3', 'case 0', 'brand new', 'case 4', 'case 5'])
    expect(v2[2]).toMatchObject({ vars: { text: 'case 3', extra: 42 }, expected: 'edited', tags: ['fixed'], notes: 'note 3', source: 'test' })
    expect(v2[4]).toMatchObject({ expected: null, assertions: [{ type: 'equals', value: 'x' }], source: 'editor' })
    expect(new Set(v2.map((c) => c.id)).size).toBe(7)
    expect(v2.every((c) => /^[0-9a-f]{16}$/.test(c.id) && !base.some((b) => b.id === c.id))).toBe(true)
    expect(store.datasets.cases(id, { version: 1 }).cases).toEqual(base)
    expect(store.datasets.version(id)).toMatchObject({ version: 2 })
  })

  it('saveEdits refuses a stale base (CONFLICT), an unknown case id or a range past the end, writing nothing', () => {
    const store = space.open()
    const { id } = store.datasets.create({ name: 'Golden' }, cases(3))
    const v1 = store.datasets.cases(id).cases
    store.datasets.saveEdits(id, 1, [EditStep.parse({ op: 'keep', start: 0, count: 3 })])
    const count = () => store.db.prepare('SELECT count(*) FROM dataset_case').pluck().get()
    const before = count()
    expect(() => store.datasets.saveEdits(id, 1, [EditStep.parse({ op: 'keep', start: 0, count: 1 })])).toThrow(
      expect.objectContaining({ code: 'CONFLICT', message: expect.stringContaining('Version 2 of "Golden" was saved after version 1') })
    )
    expect(() => store.datasets.saveEdits(id, 2, [EditStep.parse({ op: 'edit', caseId: v1[0]!.id, notes: 'x' })])).toThrow(
      expect.objectContaining({ code: 'VALIDATION_FAILED', issues: [expect.objectContaining({ path: 'steps.0.caseId' })] })
    )
    expect(() => store.datasets.saveEdits(id, 2, [EditStep.parse({ op: 'add', case: {} }), EditStep.parse({ op: 'keep', start: 2, count: 2 })])).toThrow(
      expect.objectContaining({ code: 'VALIDATION_FAILED', issues: [expect.objectContaining({ path: 'steps.1' })] })
    )
    expect(() => store.datasets.saveEdits(id, 7, [])).toThrow(expect.objectContaining({ code: 'NOT_FOUND' }))
    expect(count()).toBe(before)
    expect(store.datasets.listVersions(id)).toHaveLength(2)
  })

  it('update renames (CONFLICT on a taken name), links and unlinks a contract', () => {
    const store = space.open()
    const contract = store.contracts.create({ name: 'C' }, contractBody())
    const a = store.datasets.create({ name: 'A' }, [])
    store.datasets.create({ name: 'B' }, [])
    expect(store.datasets.update(a.id, { name: 'A2', description: 'new', contractId: contract.id })).toMatchObject({ name: 'A2', description: 'new', contractId: contract.id })
    expect(() => store.datasets.update(a.id, { name: 'b' })).toThrow(expect.objectContaining({ code: 'CONFLICT', message: expect.stringContaining('"b" already exists') }))
    expect(() => store.datasets.update(a.id, { contractId: 'nope' })).toThrow(expect.objectContaining({ code: 'NOT_FOUND' }))
    expect(store.datasets.update(a.id, { contractId: null })).toMatchObject({ name: 'A2', contractId: null })
  })

  it('lists variable names in order of first use, content keys and cases at positions', () => {
    const store = space.open()
    const { id } = store.datasets.create({ name: 'V' }, [{ vars: { b: 1, a: 2 } }, { vars: { c: 3, a: 4 } }, { vars: {} }])
    const version = store.datasets.version(id)!
    expect(store.datasets.varNames(version.id)).toEqual(['b', 'a', 'c'])
    const keys = [...store.datasets.caseKeys(version.id)]
    expect(keys[0]).toEqual({ vars: '{"b":1,"a":2}', rest: '[null,"[]","[]",""]' })
    expect(store.datasets.casesAt(version.id, [2, 0]).map((c) => c.position)).toEqual([0, 2])
  })
})

import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, relative } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { WorkspaceExportResult, WorkspaceImportResult } from '../../src/core/api/workspace-file-operations'
import type { ContractSummary, DatasetCase, DatasetSummary } from '../../src/core/schemas/workspace'
import type { Store } from '../../src/store/store'
import { formatProblem } from '../../src/workspace/problems'
import { startEngineFixture, type EngineFixture } from '../support/engine-fixture'

let source: EngineFixture
let target: EngineFixture
const work = mkdtempSync(join(tmpdir(), 'switchyard-workspace-'))

const exportTo = (f: EngineFixture, dir: string) => f.engine.dispatch('workspace.export', { dir }) as Promise<WorkspaceExportResult>
const importFrom = (f: EngineFixture, dir: string, dryRun = false) => f.engine.dispatch('workspace.import', { dir, dryRun }) as Promise<WorkspaceImportResult>
const storeOf = (f: EngineFixture): Store => f.engine.context.store!

/** Every file under `dir` (relative, sorted) with its bytes. */
function filesOf(dir: string): Map<string, Buffer> {
  const out = new Map<string, Buffer>()
  const walk = (d: string): void => {
    for (const name of readdirSync(d).sort()) {
      const path = join(d, name)
      if (statSync(path).isDirectory()) walk(path)
      else out.set(relative(dir, path), readFileSync(path))
    }
  }
  walk(dir)
  return out
}

/** What an import may change: every row of the workspace tables (immutable ones by count and id). */
function fingerprint(store: Store): string {
  const q = (sql: string) => store.db.prepare(sql).all()
  return JSON.stringify([
    q('SELECT id, name, description, feature, archived, updated_at FROM contract ORDER BY id'),
    q('SELECT id FROM contract_version ORDER BY id'),
    q('SELECT id, name, description, contract_id, updated_at FROM dataset ORDER BY id'),
    q('SELECT id FROM dataset_version ORDER BY id'),
    q('SELECT count(*) FROM dataset_case'),
    q('SELECT * FROM suite ORDER BY id'),
    q('SELECT id FROM routing_policy ORDER BY id')
  ])
}

function edit(file: string, from: string | RegExp, to: string): void {
  const text = readFileSync(file, 'utf8')
  const next = text.replace(from, to)
  if (next === text) throw new Error(`nothing to replace in ${file}`)
  writeFileSync(file, next)
}

/** A copy of the exported folder to break in one way. */
function copyOf(dir: string, name: string): string {
  const copy = join(work, name)
  cpSync(dir, copy, { recursive: true })
  return copy
}

const exported = join(work, 'exported')
/** Exported once before the tests, so each test can copy it and break it in its own way. */
const pristine = join(work, 'pristine')

beforeAll(async () => {
  source = await startEngineFixture()
  target = await startEngineFixture()
  const store = storeOf(source)
  const triage = store.contracts.list().find((c) => c.name === 'Support ticket triage')!
  const golden = store.datasets.list().find((d) => d.name === 'Triage golden set')!
  const summaries = store.contracts.create(
    { name: 'Release notes: summaries', description: 'Summarise a change log.\nTwo lines of description.', feature: null },
    {
      messages: [{ role: 'user', content: 'Summarise:\n{{changes}}\n' }],
      variables: [{ name: 'changes', type: 'string', description: 'The change log', example: '- fixed: crash' }],
      output: { kind: 'json_schema', name: 'summary', schema: { type: 'object', properties: { z: { type: 'string' }, a: { type: 'array', items: { type: 'number' } } }, required: ['z'] } },
      params: { temperature: 0.3, maxTokens: 300, stop: ['###'] },
      budgets: { p95LatencyMs: 1200, maxCostPerRequestUsd: 0.0015 },
      candidates: [{ providerId: 'local-emulator', modelId: 'emu-deep' }, { providerId: 'openai-team', modelId: 'gpt-5-mini' }],
      fallback: { retries: 1, fallbacks: [{ providerId: 'local-emulator', modelId: 'emu-swift' }] }
    }
  )
  store.contracts.saveVersion(summaries.id, { ...summaries.latest!, messages: [{ role: 'system', content: 'Be brief.' }, { role: 'user', content: 'Summarise:\n{{changes}}' }] })
  const old = store.contracts.create({ name: 'Old experiment', feature: 'lab' }, { messages: [{ role: 'user', content: 'hi' }], variables: [], output: { kind: 'text' }, params: {}, budgets: {}, candidates: [], fallback: {} })
  store.contracts.archive(old.id, true)
  store.datasets.create({ name: 'Unicode & multiline', description: 'Ünïcödé 😀', contractId: summaries.id }, [
    { vars: { changes: '- fixed: crash on start\n- added: 中文 support\n\ttabbed "quoted"' }, expected: 'Fixed a crash; added Chinese.', tags: ['multi'], notes: 'line one\nline two', source: 'call:abc123' },
    { vars: { changes: '', n: 3, nested: { b: [1, 2], a: null } }, assertions: [{ type: 'contains', value: 'ok' }] },
    { vars: { changes: 'emoji 🚀 and \u2028 separator' }, expected: '' }
  ])
  store.suites.create({
    name: 'Triage regression',
    contractVersionId: store.contracts.get(triage.id).latest!.id,
    datasetVersionId: store.datasets.listVersions(golden.id).at(-1)!.id,
    settings: { models: [{ providerId: 'local-emulator', modelId: 'emu-swift' }], assertions: [{ type: 'is-json' }], repeats: 2, thresholds: { minPassRate: 0.9 }, custom: { keep: true } }
  })
  store.routingPolicies.create({ name: 'Triage routing', contractId: triage.id, body: { strategy: 'first', targets: ['old'] } })
  store.routingPolicies.create({ name: 'Triage routing', contractId: triage.id, body: { strategy: 'fallback', targets: ['local-emulator/emu-swift', 'local-emulator/emu-steady'], timeoutMs: 30000 }, provenance: { runs: ['r1'] } })
  await exportTo(source, pristine)
})
afterAll(async () => {
  await source?.close()
  await target?.close()
  rmSync(work, { recursive: true, force: true })
})

describe('workspace files: export → import → export', () => {
  it('exports every contract, dataset, suite and routing policy as files', async () => {
    const result = await exportTo(source, exported)
    expect(result.counts).toEqual({ contracts: 3, datasets: 2, cases: 13, suites: 1, routing: 1 })
    expect(result.files.map((f) => `${f.action} ${f.path}`)).toEqual([
      'written contracts/old-experiment.yaml',
      'written contracts/release-notes-summaries.yaml',
      'written contracts/support-ticket-triage.yaml',
      'written datasets/triage-golden-set.jsonl',
      'written datasets/triage-golden-set.yaml',
      'written datasets/unicode-multiline.jsonl',
      'written datasets/unicode-multiline.yaml',
      'written routing/triage-routing.yaml',
      'written suites/triage-regression.yaml',
      'written switchyard-workspace.yaml'
    ])
    const contract = readFileSync(join(exported, 'contracts/release-notes-summaries.yaml'), 'utf8')
    expect(contract).toMatch(/^name: "Release notes: summaries"\n/)
    expect(contract).toContain('  - role: system\n    content: Be brief.\n')
    expect(contract).toContain('candidates:\n  - local-emulator/emu-deep\n  - openai-team/gpt-5-mini\n')
    expect(contract).toContain('  schema:\n    type: object\n    properties:\n      z:\n')
    expect(contract).not.toMatch(/\d{4}-\d\d-\d\dT|createdAt|contractId|version: \d/)
    expect(readFileSync(join(exported, 'routing/triage-routing.yaml'), 'utf8')).toContain('strategy: fallback')
    const suite = readFileSync(join(exported, 'suites/triage-regression.yaml'), 'utf8')
    expect(suite).toBe(
      'name: Triage regression\ncontract: Support ticket triage\ndataset: Triage golden set\nmodels:\n  - local-emulator/emu-swift\nassertions:\n  - type: is-json\nrepeats: 2\nthresholds:\n  minPassRate: 0.9\ncustom:\n  keep: true\n'
    )
    for (const [path, bytes] of filesOf(exported)) {
      const text = bytes.toString('utf8')
      expect(text.endsWith('\n') || text === '', path).toBe(true)
      expect(text.includes('\r'), path).toBe(false)
    }
  })

  it('imports into a fresh store and exports the same bytes again', async () => {
    const result = await importFrom(target, exported)
    expect(result.problems).toEqual([])
    expect(result.applied).toBe(true)
    // The fresh store already has the sample contract and dataset: they are unchanged, the rest is created.
    expect(result.counts).toEqual({ created: 5, updated: 0, unchanged: 2 })
    expect(result.warnings.map((w) => formatProblem(w))).toEqual([expect.stringMatching(/^contracts\/release-notes-summaries\.yaml:\d+:5: model openai-team\/gpt-5-mini is not in this store; kept/)])
    const again = join(work, 'again')
    await exportTo(target, again)
    const a = filesOf(exported)
    const b = filesOf(again)
    expect([...b.keys()]).toEqual([...a.keys()])
    for (const [path, bytes] of a) expect(b.get(path)?.equals(bytes), path).toBe(true)
    const store = storeOf(target)
    const unicode = store.datasets.list().find((d) => d.name === 'Unicode & multiline')!
    const cases = store.datasets.cases(unicode.id).cases
    expect(cases[0]).toMatchObject({ vars: { changes: '- fixed: crash on start\n- added: 中文 support\n\ttabbed "quoted"' }, notes: 'line one\nline two' })
    expect(cases[0]!.source).toBe('workspace:datasets/unicode-multiline.jsonl:1')
    expect(store.contracts.list({ includeArchived: true }).find((c) => c.name === 'Old experiment')).toMatchObject({ archived: true, feature: 'lab' })
    expect(store.suites.findByName('triage regression')).toMatchObject({ contractName: 'Support ticket triage', datasetName: 'Triage golden set', settings: { repeats: 2, custom: { keep: true } } })
  })

  it('re-importing an unchanged folder changes nothing, and re-exporting leaves every file untouched', async () => {
    const store = storeOf(source)
    const before = fingerprint(store)
    const dry = await importFrom(source, exported, true)
    expect(dry).toMatchObject({ dryRun: true, applied: false, counts: { created: 0, updated: 0, unchanged: 7 }, problems: [] })
    const result = await importFrom(source, exported)
    expect(result).toMatchObject({ applied: false, counts: { created: 0, updated: 0, unchanged: 7 }, problems: [] })
    expect(fingerprint(store)).toBe(before)
    const mtime = statSync(join(exported, 'datasets/triage-golden-set.jsonl')).mtimeMs
    const second = await exportTo(source, exported)
    expect(second.files.every((f) => f.action === 'unchanged')).toBe(true)
    expect(statSync(join(exported, 'datasets/triage-golden-set.jsonl')).mtimeMs).toBe(mtime)
  })

  it('a changed contract or dataset file becomes a new version; the suite follows, history stays', async () => {
    const dir = copyOf(pristine, 'changed')
    edit(join(dir, 'contracts/support-ticket-triage.yaml'), 'Customer tier: {{customer_tier}}', 'Tier: {{customer_tier}}')
    edit(join(dir, 'contracts/old-experiment.yaml'), 'archived: true', 'archived: false')
    writeFileSync(join(dir, 'datasets/triage-golden-set.jsonl'), `${readFileSync(join(dir, 'datasets/triage-golden-set.jsonl'), 'utf8')}{"vars":{"ticket":"New one","customer_tier":"free"}}\n`)
    edit(join(dir, 'routing/triage-routing.yaml'), 'timeoutMs: 30000', 'timeoutMs: 20000')
    const store = storeOf(source)
    const triage = store.contracts.list().find((c) => c.name === 'Support ticket triage')!
    const dry = await importFrom(source, dir, true)
    expect(dry.items.filter((i) => i.action !== 'unchanged').map((i) => `${i.kind} ${i.name}: ${i.changes.join(', ')}`)).toEqual([
      'contract Old experiment: unarchived',
      'contract Support ticket triage: new version 2',
      'dataset Triage golden set: new version 2 (11 cases)',
      'suite Triage regression: follows contract version 2, follows dataset version 2',
      'routing Triage routing: policy, saved as a new row; earlier ones stay'
    ])
    expect(dry.warnings.map((w) => formatProblem(w))).toContainEqual(
      expect.stringMatching(/^datasets\/triage-golden-set\.yaml:7:10: cases\.count says 10 but datasets\/triage-golden-set\.jsonl has 11 cases; the \.jsonl file wins/)
    )
    expect(store.contracts.get(triage.id).latestVersion).toBe(1)
    const result = await importFrom(source, dir)
    expect(result.applied).toBe(true)
    expect(store.contracts.get(triage.id).latest?.messages[1]?.content).toMatch(/^Tier: /)
    expect(store.contracts.getVersion(triage.id, 1).messages[1]?.content).toMatch(/^Customer tier: /)
    const golden = store.datasets.list().find((d) => d.name === 'Triage golden set')!
    expect(golden).toMatchObject({ latestVersion: 2, caseCount: 11 })
    const cases = store.datasets.cases(golden.id, { limit: 20 }).cases
    expect(cases[0]!.source).toBe('sample-workspace')
    expect(cases[10]!.source).toBe('workspace:datasets/triage-golden-set.jsonl:11')
    expect(store.suites.findByName('Triage regression')).toMatchObject({ contractVersion: 2, datasetVersion: 2 })
    expect(store.routingPolicies.list().filter((p) => p.name === 'Triage routing')).toHaveLength(3)
    expect(store.routingPolicies.latestByName('Triage routing')?.body).toMatchObject({ timeoutMs: 20000 })
    const second = await importFrom(source, dir)
    expect(second).toMatchObject({ applied: false, counts: { created: 0, updated: 0 } })
  })

  it('export removes stale files of ours and never touches anything else', async () => {
    const dir = copyOf(pristine, 'stale')
    mkdirSync(join(dir, '.git'))
    writeFileSync(join(dir, '.git', 'HEAD'), 'ref: refs/heads/main\n')
    writeFileSync(join(dir, 'README.md'), '# our prompts\n')
    writeFileSync(join(dir, 'contracts/gone.yaml'), 'name: Gone\n')
    writeFileSync(join(dir, 'contracts/notes.md'), 'keep me\n')
    const result = await exportTo(source, dir)
    expect(result.files.filter((f) => f.action === 'removed').map((f) => f.path)).toEqual(['contracts/gone.yaml'])
    expect(readFileSync(join(dir, 'README.md'), 'utf8')).toBe('# our prompts\n')
    expect(readFileSync(join(dir, '.git', 'HEAD'), 'utf8')).toBe('ref: refs/heads/main\n')
    expect(readFileSync(join(dir, 'contracts/notes.md'), 'utf8')).toBe('keep me\n')
    expect(readdirSync(dir).filter((n) => n.startsWith('.switchyard-export-'))).toEqual([])
    const imported = await importFrom(source, dir, true)
    expect(imported.ignored).toEqual(['README.md', 'contracts/notes.md'])
  })
})

describe('workspace files: bad input writes nothing and names the file and line', () => {
  async function expectRefused(dir: string, ...patterns: RegExp[]): Promise<WorkspaceImportResult> {
    const store = storeOf(source)
    const before = fingerprint(store)
    const result = await importFrom(source, dir)
    expect(result.applied).toBe(false)
    expect(result.items).toEqual([])
    const lines = result.problems.map((p) => formatProblem(p))
    for (const pattern of patterns) expect(lines).toEqual(expect.arrayContaining([expect.stringMatching(pattern)]))
    expect(result.problemTotal).toBe(result.problems.length)
    expect(fingerprint(store)).toBe(before)
    return result
  }

  it('a YAML syntax error, with its line and column', async () => {
    const dir = copyOf(pristine, 'bad-yaml')
    edit(join(dir, 'contracts/release-notes-summaries.yaml'), 'feature: null', 'feature: [unclosed')
    // Everything else in the folder is fine and would change the store; none of it is written.
    edit(join(dir, 'contracts/support-ticket-triage.yaml'), 'Customer tier', 'Plan')
    await expectRefused(dir, /^contracts\/release-notes-summaries\.yaml:\d+:\d+: YAML syntax: /)
  })

  it('a schema error, at the line of the offending value', async () => {
    const dir = copyOf(pristine, 'bad-schema')
    const file = join(dir, 'contracts/release-notes-summaries.yaml')
    edit(file, 'temperature: 0.3', 'temperature: hot')
    const line = readFileSync(file, 'utf8').split('\n').findIndex((l) => l.includes('temperature: hot')) + 1
    await expectRefused(dir, new RegExp(`^contracts/release-notes-summaries\\.yaml:${line}:16: params\\.temperature: .*number`))
  })

  it('a template naming an unknown variable, and an invalid JSON Schema, at their lines', async () => {
    const dir = copyOf(pristine, 'bad-contract')
    const file = join(dir, 'contracts/release-notes-summaries.yaml')
    edit(file, 'Summarise:\n', 'Summarise for {{audience}}:\n')
    edit(file, 'items:\n          type: number', 'items:\n          type: numeric')
    const lines = readFileSync(file, 'utf8').split('\n')
    const message = lines.findIndex((l) => l.includes('{{audience}}'))
    const schema = lines.findIndex((l) => l.trim() === 'type: numeric') + 1
    await expectRefused(
      dir,
      new RegExp(`^contracts/release-notes-summaries\\.yaml:${message}:\\d+: Message 2 \\(user\\) uses \\{\\{audience\\}\\}, which is not a declared variable`),
      new RegExp(`^contracts/release-notes-summaries\\.yaml:${schema}:17: The output schema is not valid JSON Schema at #/properties/a/items/type: .*use one of "array"`)
    )
  })

  it('a bad JSONL line, by line number', async () => {
    const dir = copyOf(pristine, 'bad-jsonl')
    const file = join(dir, 'datasets/unicode-multiline.jsonl')
    const lines = readFileSync(file, 'utf8').split('\n')
    lines[1] = '{"vars": {"changes": "x"}, "expeced": "typo"}'
    lines[2] = '{"vars": {'
    writeFileSync(file, lines.join('\n'))
    await expectRefused(dir, /^datasets\/unicode-multiline\.jsonl:2: unknown key "expeced"/, /^datasets\/unicode-multiline\.jsonl:3:\d+: invalid JSON/)
  })

  it('a workspace from a newer Switchyard', async () => {
    const dir = copyOf(pristine, 'newer')
    edit(join(dir, 'switchyard-workspace.yaml'), 'format: 1', 'format: 2')
    const result = await expectRefused(dir)
    expect(result.problems.map((p) => formatProblem(p, dir))).toEqual([
      `${dir}/switchyard-workspace.yaml: written by a newer Switchyard (workspace format 2); this version reads format 1. Update Switchyard to import it.`
    ])
  })

  it('a missing or malformed manifest', async () => {
    const missing = copyOf(pristine, 'no-manifest')
    rmSync(join(missing, 'switchyard-workspace.yaml'))
    await expectRefused(missing, /^switchyard-workspace\.yaml: missing: .* is not a Switchyard workspace folder/)
    const malformed = copyOf(pristine, 'bad-manifest')
    edit(join(malformed, 'switchyard-workspace.yaml'), 'format: 1', 'format: one')
    await expectRefused(malformed, /^switchyard-workspace\.yaml:\d+:9: format must be a whole number/)
  })

  it('two contract files with the same name, naming both', async () => {
    const dir = copyOf(pristine, 'duplicate')
    const copy = readFileSync(join(dir, 'contracts/old-experiment.yaml'), 'utf8').replace('name: Old experiment', 'name: OLD EXPERIMENT')
    writeFileSync(join(dir, 'contracts/old-experiment-copy.yaml'), copy)
    await expectRefused(dir, /^contracts\/old-experiment\.yaml:1:7: duplicate contract name "Old experiment": contracts\/old-experiment-copy\.yaml has it too/)
  })

  it('a reference to a contract or dataset that is nowhere', async () => {
    const dir = copyOf(pristine, 'missing-ref')
    edit(join(dir, 'datasets/unicode-multiline.yaml'), 'contract: "Release notes: summaries"', 'contract: Release notes v9')
    edit(join(dir, 'suites/triage-regression.yaml'), 'dataset: Triage golden set', 'dataset: Golden set v0')
    await expectRefused(
      dir,
      /^datasets\/unicode-multiline\.yaml:3:11: contract "Release notes v9" is neither in contracts\/ of this folder nor in the store/,
      /^suites\/triage-regression\.yaml:3:10: dataset "Golden set v0" is neither in datasets\/ of this folder nor in the store/
    )
  })

  it('refuses folders that are not absolute, missing, or the store’s own', async () => {
    await expect(importFrom(source, 'relative/dir')).rejects.toMatchObject({ code: 'VALIDATION_FAILED', issues: [{ path: 'dir' }] })
    await expect(importFrom(source, join(work, 'nowhere'))).rejects.toMatchObject({ code: 'NOT_FOUND' })
    await expect(exportTo(source, dirname(source.storePath))).rejects.toMatchObject({ code: 'VALIDATION_FAILED', message: expect.stringMatching(/folder of the store itself/) })
  })
})

describe('workspace files: a large dataset', () => {
  it('exports and imports 100,000 cases in one go', async () => {
    const store = storeOf(source)
    const cases = Array.from({ length: 100_000 }, (_, i) => ({ vars: { ticket: `Ticket ${i}: the export button is missing`, customer_tier: i % 3 === 0 ? 'pro' : 'free' }, expected: i % 2 === 0 ? 'how_to' : null, tags: ['bulk'] }))
    store.datasets.create({ name: 'Bulk tickets', contractId: null }, cases)
    const dir = join(work, 'large')
    let started = performance.now()
    const exportedLarge = await exportTo(source, dir)
    const exportMs = performance.now() - started
    expect(exportedLarge.counts.cases).toBeGreaterThanOrEqual(100_000)
    const fresh = await startEngineFixture()
    try {
      started = performance.now()
      const result = await importFrom(fresh, dir)
      const importMs = performance.now() - started
      expect(result.problems).toEqual([])
      const bulk = storeOf(fresh).datasets.list().find((d) => d.name === 'Bulk tickets')! as DatasetSummary
      expect(bulk.caseCount).toBe(100_000)
      const page = storeOf(fresh).datasets.cases(bulk.id, { offset: 99_999, limit: 1 }).cases as DatasetCase[]
      expect(page[0]?.vars).toEqual({ ticket: 'Ticket 99999: the export button is missing', customer_tier: 'pro' })
      started = performance.now()
      const unchanged = await importFrom(fresh, dir)
      const reimportMs = performance.now() - started
      expect(unchanged.applied).toBe(false)
      console.log(`100k cases: export ${Math.round(exportMs)} ms, import ${Math.round(importMs)} ms, unchanged re-import ${Math.round(reimportMs)} ms`)
      // Generous bounds: CI machines are shared; the figures are printed above.
      expect(exportMs).toBeLessThan(30_000)
      expect(importMs).toBeLessThan(30_000)
    } finally {
      await fresh.close()
    }
    const contracts = storeOf(source).contracts.list({ includeArchived: true }) as ContractSummary[]
    expect(contracts.length).toBe(3)
  }, 120_000)
})

import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createEngine } from '../../api/engine'
import type { ContractDetail } from '../../core/schemas/workspace'
import { EnvSecretStore } from '../../secrets/env-secret-store'
import { runCli } from '../main'

const work = mkdtempSync(join(tmpdir(), 'switchyard-cli-eval-'))
afterAll(() => rmSync(work, { recursive: true, force: true }))
const store = join(work, 'store', 'switchyard.db')

function capture() {
  const out: string[] = []
  const err: string[] = []
  return { io: { out: (l: string) => out.push(l), err: (l: string) => err.push(l) }, out, err, text: () => [...out, ...err].join('\n') }
}

/** A store holding two suites on the sample contract: one whose gate holds and one whose gate cannot. */
beforeAll(async () => {
  const engine = await createEngine({ face: 'cli', storePath: store, secretStore: new EnvSecretStore(), startEmulator: false })
  const s = engine.context.store!
  const contract = s.contracts.get(s.contracts.list()[0]!.id) as ContractDetail
  const dataset = s.datasets.list().find((d) => d.name === 'Triage golden set')!
  const datasetVersionId = s.datasets.listVersions(dataset.id)[0]!.id
  const base = { contractVersionId: contract.latest!.id, datasetVersionId }
  s.suites.create({ ...base, name: 'Triage smoke', settings: { models: [{ providerId: 'local-emulator', modelId: 'emu-instant' }], thresholds: { maxP95LatencyMs: 60_000 } } })
  s.suites.create({ ...base, name: 'Triage strict', settings: { models: [{ providerId: 'local-emulator', modelId: 'emu-instant' }], thresholds: { maxCostPerSuccessUsd: 0 } } })
  await engine.close()
})

describe('switchyard eval', () => {
  it('runs a stored suite, prints the summary table and writes JUnit and JSON reports; exit 0 when the gates hold', async () => {
    const c = capture()
    const junit = join(work, 'report.xml')
    const json = join(work, 'report.json')
    expect(await runCli(['eval', 'triage smoke', '--db', store, '--junit', junit, '--json', json], c.io)).toBe(0)
    expect(c.out.join('\n')).toMatch(/Column\s+Pass\s+95% CI/)
    expect(c.out.join('\n')).toContain('Support ticket triage v1 · emu-instant')
    expect(c.out.join('\n')).toMatch(/pass {2}Support ticket triage v1 · emu-instant: p95 latency \d+ ms ≤ 60000 ms/)
    expect(c.out.join('\n')).toContain('Verdict: PASS')
    const xml = readFileSync(junit, 'utf8')
    expect(xml).toMatch(/<testsuites name="Triage smoke" tests="11"/)
    const report = JSON.parse(readFileSync(json, 'utf8')) as { verdict: string; stats: Array<{ decided: number }>; rows: unknown[] }
    expect(report.verdict).toBe('pass')
    expect(report.rows).toHaveLength(10)
  })

  it('exits 1 when a gate fails, and names the gate', async () => {
    const c = capture()
    expect(await runCli(['eval', 'Triage strict', '--db', store, '--models', 'local-emulator/emu-swift', '--repeat', '2'], c.io)).toBe(1)
    expect(c.out.join('\n')).toMatch(/FAIL {2}Support ticket triage v1 · emu-swift: (cost per success \$[\d.e-]+ > \$0|nothing passed)/)
    expect(c.out.join('\n')).toMatch(/pass@2\s+pass\^2/)
  })

  it('runs a suite from a workspace folder in a fresh temporary store', async () => {
    const dir = join(work, 'workspace')
    expect(await runCli(['workspace', 'export', dir, '--db', store], capture().io)).toBe(0)
    const c = capture()
    expect(await runCli(['eval', 'Triage smoke', '--workspace', dir], c.io)).toBe(0)
    expect(c.err.join('\n')).toMatch(/Running suite "Triage smoke" \(store .*switchyard-eval-.*\)/)
  })

  it('explains usage mistakes with exit 2 and an unknown suite with exit 1', async () => {
    const none = capture()
    expect(await runCli(['eval', '--db', store], none.io)).toBe(2)
    expect(none.err.join('\n')).toMatch(/eval needs a suite name or id/)
    const models = capture()
    expect(await runCli(['eval', 'x', '--models', 'emu-swift', '--db', store], models.io)).toBe(2)
    expect(models.err.join('\n')).toMatch(/--models takes provider\/model pairs/)
    const unknown = capture()
    expect(await runCli(['eval', 'nope', '--db', store], unknown.io)).toBe(1)
    expect(unknown.err.join('\n')).toMatch(/No suite "nope"\. Suites: "Triage smoke", "Triage strict"/)
  })
})

describe('switchyard import promptfoo', () => {
  it('prints what it created and lists what it could not carry over', async () => {
    const dir = mkdtempSync(join(work, 'pf-'))
    writeFileSync(join(dir, 'promptfooconfig.yaml'), "description: Greeter\nprompts: ['Say hi to {{name}}']\nproviders: [echo]\ntests:\n  - vars: {name: Ada}\n    assert: [{type: icontains, value: ada}]\n")
    const c = capture()
    expect(await runCli(['import', 'promptfoo', join(dir, 'promptfooconfig.yaml'), '--db', store], c.io)).toBe(0)
    expect(c.out.join('\n')).toContain('contract  "Greeter" (versions 1: one per prompt)')
    expect(c.out.join('\n')).toContain('dataset   "Greeter" v1 (1 cases)')
    expect(c.out.join('\n')).toMatch(/providers\[0\]: provider "echo" has no provider prefix/)
    const bad = capture()
    expect(await runCli(['import', 'promptfoo', join(dir, 'nope.yaml'), '--db', store], bad.io)).toBe(1)
    expect(bad.err.join('\n')).toMatch(/nope\.yaml: cannot read it/)
  })
})

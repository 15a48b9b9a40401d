import { execFile } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { afterAll, describe, expect, it } from 'vitest'
import { runCli } from '../main'

const work = mkdtempSync(join(tmpdir(), 'switchyard-cli-workspace-'))
afterAll(() => rmSync(work, { recursive: true, force: true }))

function capture() {
  const out: string[] = []
  const err: string[] = []
  return { io: { out: (l: string) => out.push(l), err: (l: string) => err.push(l) }, out, err, text: () => [...out, ...err].join('\n') }
}

const storeA = join(work, 'a', 'switchyard.db')
const storeB = join(work, 'b', 'switchyard.db')
const dir = join(work, 'workspace')
const contractFile = join(dir, 'contracts', 'support-ticket-triage.yaml')

describe('switchyard workspace', () => {
  it('exports a store to a folder and lists what it wrote', async () => {
    const c = capture()
    expect(await runCli(['workspace', 'export', dir, '--db', storeA], c.io)).toBe(0)
    expect(c.out[0]).toBe(`Exported to ${dir}: 1 contract, 1 dataset (10 cases), 0 suites, 0 routing policies.`)
    expect(c.out).toContain('  written   contracts/support-ticket-triage.yaml')
    expect(c.out.at(-1)).toBe('4 files written, 0 unchanged, 0 removed.')
    expect(readFileSync(join(dir, 'switchyard-workspace.yaml'), 'utf8')).toMatch(/^format: 1$/m)
    const again = capture()
    expect(await runCli(['--db', storeA, 'workspace', 'export', dir], again.io)).toBe(0)
    expect(again.out.at(-1)).toBe('0 files written, 4 unchanged, 0 removed.')
  })

  it('dry-runs and imports into another store, printing created, updated and unchanged', async () => {
    writeFileSync(contractFile, readFileSync(contractFile, 'utf8').replace('Customer tier:', 'Plan:'))
    writeFileSync(join(dir, 'NOTES.md'), 'ours\n')
    const dry = capture()
    expect(await runCli(['workspace', 'import', dir, '--db', storeB, '--dry-run'], dry.io)).toBe(0)
    expect(dry.out[0]).toMatch(/^Dry run of .*workspace against .*switchyard\.db: would create 0, update 1, leave 1 unchanged\. Nothing was written\.$/)
    expect(dry.out).toContain('  update    contract Support ticket triage (contracts/support-ticket-triage.yaml) — new version 2')
    expect(dry.out).toContain('  ignored   NOTES.md')
    const run = capture()
    expect(await runCli(['workspace', 'import', dir, '--db', storeB], run.io)).toBe(0)
    expect(run.out[0]).toMatch(/: 0 created, 1 updated, 1 unchanged\.$/)
    const twice = capture()
    expect(await runCli(['workspace', 'import', dir, '--db', storeB], twice.io)).toBe(0)
    expect(twice.out[0]).toMatch(/: 0 created, 0 updated, 2 unchanged\.$/)
  })

  it('lists problems as FILE:LINE:COLUMN and exits 1, writing nothing', async () => {
    writeFileSync(contractFile, readFileSync(contractFile, 'utf8').replace('temperature: 0', 'temperature: [0'))
    const c = capture()
    expect(await runCli(['workspace', 'import', dir, '--db', storeB], c.io)).toBe(1)
    expect(c.err[0]).toMatch(/^switchyard: \d+ problems? in .*workspace; nothing was imported:$/)
    expect(c.err[1]).toMatch(new RegExp(`^  ${dir.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}/contracts/support-ticket-triage\\.yaml:\\d+:\\d+: YAML syntax: `))
    const missing = capture()
    expect(await runCli(['workspace', 'import', join(work, 'nowhere'), '--db', storeB], missing.io)).toBe(1)
    expect(missing.err.join('\n')).toMatch(/There is no folder at .*nowhere/)
  })

  it('names usage mistakes with exit code 2', async () => {
    for (const [args, message] of [
      [['workspace'], /workspace needs export or import/],
      [['workspace', 'sync', dir], /Unknown workspace command "sync"/],
      [['workspace', 'import'], /workspace import needs a folder/],
      [['workspace', 'export', dir, '--dry-run'], /--dry-run belongs to workspace import/],
      [['workspace', 'import', dir, '--dryrun'], /--dryrun/]
    ] as const) {
      const c = capture()
      expect(await runCli([...args], c.io), args.join(' ')).toBe(2)
      expect(c.text()).toMatch(message)
    }
    const help = capture()
    expect(await runCli(['workspace', '--help'], help.io)).toBe(0)
    expect(help.text()).toMatch(/switchyard workspace import DIR \[--db PATH\] \[--dry-run\]/)
  })

  it('runs as a real process with the same exit codes', async () => {
    const run = promisify(execFile)
    const entry = join(process.cwd(), 'src', 'cli', 'entry.ts')
    const tsx = join(process.cwd(), 'node_modules', 'tsx', 'dist', 'cli.mjs')
    const failed = await run(process.execPath, [tsx, entry, 'workspace', 'import', dir, '--db', storeB]).catch((e: { code: number; stderr: string }) => e)
    expect(failed).toMatchObject({ code: 1, stderr: expect.stringMatching(/YAML syntax/) })
    const ok = await run(process.execPath, [tsx, entry, 'workspace', 'export', join(work, 'from-process'), '--db', storeB])
    expect(ok.stdout).toMatch(/4 files written/)
  }, 30_000)
})

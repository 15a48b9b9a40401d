import { spawn } from 'node:child_process'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { createEngine } from '../../src/api/engine'
import { EnvSecretStore } from '../../src/secrets/env-secret-store'
import { startJob } from '../support/job-events'

const CHILD = join(import.meta.dirname, '..', 'support', 'eval-kill-child.ts')
const KILL_AT = 600

/** Runs the child until it reported KILL_AT finished cells, then SIGKILLs it. */
function runAndKill(storePath: string): Promise<{ runId: string; reported: number }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', CHILD, storePath], { stdio: ['ignore', 'pipe', 'pipe'] })
    let buffer = ''
    let stderr = ''
    let runId = ''
    let reported = 0
    let killed = false
    child.stdout.setEncoding('utf8')
    child.stdout.on('data', (chunk: string) => {
      buffer += chunk
      for (let nl = buffer.indexOf('\n'); nl >= 0; nl = buffer.indexOf('\n')) {
        const [kind, value] = buffer.slice(0, nl).split(' ')
        buffer = buffer.slice(nl + 1)
        if (kind === 'run') runId = value ?? ''
        if (kind === 'progress') reported = Number(value)
      }
      if (!killed && reported >= KILL_AT) {
        killed = true
        child.kill('SIGKILL')
      }
    })
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
    child.on('error', reject)
    child.on('close', (_code, signal) => {
      if (!killed || signal !== 'SIGKILL') reject(new Error(`the child ended on its own (${signal ?? 'no signal'}): ${stderr}`))
      else resolve({ runId, reported })
    })
  })
}

describe('eval run durability under kill -9', () => {
  it('keeps every committed call intact, and the resumed run completes 2,000 cells with no duplicate', async () => {
    const storePath = join(mkdtempSync(join(tmpdir(), 'switchyard-eval-kill-')), 'switchyard.db')
    const { runId, reported } = await runAndKill(storePath)
    expect(runId).not.toBe('')

    // The file as the crash left it: intact, holding at least the cells finished more than one commit ago.
    const raw = new Database(storePath, { readonly: true })
    expect(raw.pragma('integrity_check', { simple: true })).toBe('ok')
    const before = raw.prepare('SELECT id, case_id, model_id, status, final, output_text, cost_usd FROM call WHERE run_id = ? ORDER BY id').all(runId) as Array<{ id: string; final: number }>
    const finalsBefore = before.filter((c) => c.final === 1).length
    expect(finalsBefore).toBeGreaterThan(reported - 200)
    expect(finalsBefore).toBeLessThan(2000)
    const scoresBefore = raw.prepare('SELECT count(*) FROM score s JOIN call c ON c.id = s.call_id WHERE c.run_id = ?').pluck().get(runId) as number
    expect(scoresBefore).toBe(finalsBefore * 2)
    raw.close()

    const engine = await createEngine({ face: 'cli', storePath, secretStore: new EnvSecretStore() })
    try {
      const store = engine.context.store!
      expect(store.runs.summary(runId).status).toBe('interrupted')
      const job = await startJob(engine, 'evals.resume', { runId })
      const info = await job.settled()
      expect(info.status).toBe('completed')
      const created = job.events.find((e) => e.type === 'run-created') as unknown as { alreadyDone: number }
      expect(created.alreadyDone).toBe(finalsBefore)

      const db = store.db
      expect(db.prepare('SELECT count(*) FROM call WHERE run_id = ? AND final = 1').pluck().get(runId)).toBe(2000)
      expect(db.prepare("SELECT count(DISTINCT case_id || '|' || model_id) FROM call WHERE run_id = ? AND final = 1").pluck().get(runId)).toBe(2000)
      const after = new Map((db.prepare('SELECT id, case_id, model_id, status, final, output_text, cost_usd FROM call WHERE run_id = ?').all(runId) as Array<{ id: string }>).map((c) => [c.id, c]))
      for (const call of before) expect(after.get(call.id)).toEqual(call)
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok')
      expect(store.runs.summary(runId).status).toBe('completed')
    } finally {
      await engine.close()
    }
  }, 120_000)
})

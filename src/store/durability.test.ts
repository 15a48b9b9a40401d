import { spawn } from 'node:child_process'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterEach, describe, expect, it } from 'vitest'
import { openStore } from './open-store'
import { createTempSpace } from './testing/temp-store'

const space = createTempSpace()
afterEach(() => space.cleanup())

const WRITER = path.join(path.dirname(fileURLToPath(import.meta.url)), 'testing', 'kill-writer.ts')
const KILL_AFTER = 150

interface ChildReport {
  runId: string | null
  committed: string[]
  signal: NodeJS.Signals | null
}

/** Starts the writer, SIGKILLs it once it reported KILL_AFTER commits, and returns every complete line it printed. */
function runAndKill(file: string): Promise<ChildReport> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', WRITER, file], { stdio: ['ignore', 'pipe', 'pipe'] })
    let buffer = ''
    let stderr = ''
    let killed = false
    const report: ChildReport = { runId: null, committed: [], signal: null }
    child.stdout.setEncoding('utf8')
    child.stdout.on('data', (chunk: string) => {
      buffer += chunk
      let newline: number
      while ((newline = buffer.indexOf('\n')) >= 0) {
        const [kind, id] = buffer.slice(0, newline).split(' ')
        buffer = buffer.slice(newline + 1)
        if (kind === 'run' && id) report.runId = id
        if (kind === 'call' && id) report.committed.push(id)
      }
      if (!killed && report.committed.length >= KILL_AFTER) {
        killed = true
        child.kill('SIGKILL')
      }
    })
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
    child.on('error', reject)
    child.on('close', (_code, signal) => {
      report.signal = signal
      if (!killed) reject(new Error(`writer exited on its own before being killed: ${stderr}`))
      else resolve(report)
    })
  })
}

describe('kill -9 durability', () => {
  it('a SIGKILLed writer loses no committed call and leaves an intact store', async () => {
    const file = path.join(space.dir(), 'store.db')
    const report = await runAndKill(file)
    expect(report.signal).toBe('SIGKILL')
    expect(report.runId).not.toBeNull()
    expect(report.committed.length).toBeGreaterThanOrEqual(KILL_AFTER)

    const store = openStore(file)
    try {
      expect(store.recoveredRuns).toBe(1)
      expect(store.db.pragma('integrity_check', { simple: true })).toBe('ok')
      expect(store.db.pragma('foreign_key_check')).toEqual([])
      const stored = new Set(store.db.prepare('SELECT id FROM call WHERE run_id = ?').pluck().all(report.runId) as string[])
      const missing = report.committed.filter((id) => !stored.has(id))
      expect(missing).toEqual([])
      // At most the one call committed between its print and the kill can be there unreported.
      expect(stored.size - report.committed.length).toBeLessThanOrEqual(1)
      const run = store.runs.summary(report.runId as string)
      expect(run.status).toBe('interrupted')
      expect(run.callCount).toBe(stored.size)
      for (const call of store.calls.listByRun(report.runId as string)) expect(call.outputText).toMatch(/^answer \d+ /)
    } finally {
      store.close()
    }
  }, 30_000)
})

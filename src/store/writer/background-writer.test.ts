import { spawnSync } from 'node:child_process'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterEach, describe, expect, it } from 'vitest'
import { okCall } from '../testing/fixtures'
import { createTempSpace } from '../testing/temp-store'
import type { Store } from '../store'
import { createBackgroundWriter, type BackgroundWriter, type BackgroundWriterOptions } from './background-writer'
import type { EvalCellWrite } from './writer-protocol'

const space = createTempSpace('switchyard-writer-')
const writers: BackgroundWriter[] = []
afterEach(async () => {
  for (const writer of writers.splice(0)) await writer.close()
  space.cleanup()
})

function writerFor(store: Store, extra: Partial<BackgroundWriterOptions> = {}): BackgroundWriter {
  const writer = createBackgroundWriter({ path: store.path, evalCells: store.evalCells, calls: store.calls, ...extra })
  writers.push(writer)
  return writer
}

function batchOf(runId: string, from: number, count: number): EvalCellWrite[] {
  return Array.from({ length: count }, (_, k) => ({
    call: okCall(runId, from + k, { requestHash: `cell-${from + k}`, final: true }),
    scores: [
      { type: 'contains', pass: true, score: 1, reason: 'found', weight: 1, error: null },
      { type: 'verdict', pass: true, score: 1, reason: null, weight: 0, error: null }
    ]
  }))
}

const count = (store: Store, sql: string): number => store.db.prepare(sql).pluck().get() as number

describe('createBackgroundWriter', () => {
  it('commits batches on its own thread, in order, with their scores, visible to the engine connection', async () => {
    const store = space.open()
    const runId = store.runs.create({ kind: 'eval', title: 'writer' })
    const writer = writerFor(store)
    expect(writer.mode()).toBe('starting')
    // Fifty batches sent at once: each one transaction, committed in the order sent.
    const batches = Array.from({ length: 50 }, (_, b) => batchOf(runId, b * 10, 10))
    await Promise.all(batches.map((batch) => writer.writeEvalCells(batch)))
    expect(writer.mode()).toBe('worker')
    expect(count(store, 'SELECT count(*) FROM call')).toBe(500)
    expect(count(store, 'SELECT count(*) FROM score')).toBe(1000)
    const cells = store.db.prepare('SELECT request_hash FROM call ORDER BY rowid').pluck().all() as string[]
    expect(cells).toEqual(Array.from({ length: 500 }, (_, i) => `cell-${i}`))
    const stored = store.calls.find(batches[0]?.[7]?.call.id ?? '')
    expect(stored).toMatchObject({ status: 'ok', modelId: 'emu-steady', latencyMs: 607, outputText: expect.stringContaining('charged twice') })
  })

  it("rejects a bad batch with the store's reason, writes none of it, and goes on with the next", async () => {
    const store = space.open()
    const runId = store.runs.create({ kind: 'eval', title: 'writer' })
    const writer = writerFor(store)
    const bad = [...batchOf(runId, 0, 3), ...batchOf('no-such-run', 3, 1)]
    await expect(writer.writeEvalCells(bad)).rejects.toThrow(/run/i)
    expect(count(store, 'SELECT count(*) FROM call')).toBe(0)
    await writer.writeEvalCells(batchOf(runId, 10, 2))
    expect(count(store, 'SELECT count(*) FROM call')).toBe(2)
    expect(writer.mode()).toBe('worker')
  })

  it('falls back to the engine thread, and says so, when the thread cannot start', async () => {
    const store = space.open()
    const runId = store.runs.create({ kind: 'eval', title: 'writer' })
    const warnings: string[] = []
    const writer = writerFor(store, { entry: { url: new URL('file:///nowhere/store-writer-worker.js'), source: false }, onWarning: (m) => warnings.push(m) })
    const first = writer.writeEvalCells(batchOf(runId, 0, 4))
    await first
    await writer.writeEvalCells(batchOf(runId, 4, 4))
    expect(writer.mode()).toBe('inline')
    expect(count(store, 'SELECT count(*) FROM call')).toBe(8)
    expect(warnings).toHaveLength(1)
    expect(warnings[0]).toMatch(/writer thread stopped .*engine thread/)
  })

  it('a batch the thread committed but never confirmed is not written twice after it dies', async () => {
    const store = space.open()
    const runId = store.runs.create({ kind: 'eval', title: 'writer' })
    const warnings: string[] = []
    const crashing = new URL('../testing/writer-crash-worker.ts', import.meta.url)
    const writer = writerFor(store, { entry: { url: crashing, source: true }, onWarning: (m) => warnings.push(m) })
    await writer.writeEvalCells(batchOf(runId, 0, 5))
    await writer.writeEvalCells(batchOf(runId, 5, 5))
    expect(writer.mode()).toBe('inline')
    expect(warnings[0]).toMatch(/exited with code 1/)
    expect(count(store, 'SELECT count(*) FROM call')).toBe(10)
    expect(count(store, 'SELECT count(DISTINCT request_hash) FROM call')).toBe(10)
    expect(count(store, 'SELECT count(*) FROM score')).toBe(20)
  })

  it('the store starts one writer on first use and closes it with the store', async () => {
    const store = space.open()
    const runId = store.runs.create({ kind: 'eval', title: 'writer' })
    const writer = store.backgroundWriter()
    expect(store.backgroundWriter()).toBe(writer)
    await writer.writeEvalCells(batchOf(runId, 0, 3))
    expect(writer.mode()).toBe('worker')
    await store.closeWriter()
    expect(writer.mode()).toBe('inline')
    store.close()
  })

  it('keeps the process alive until its last commit is confirmed, even when nothing else is pending', () => {
    const file = join(space.dir(), 'store.db')
    const script = fileURLToPath(new URL('../testing/writer-last-commit.ts', import.meta.url))
    const child = spawnSync(process.execPath, ['--import', 'tsx', script, file], { encoding: 'utf8', timeout: 30_000 })
    expect(child.stderr).not.toMatch(/SWITCHYARD_STORE_WRITER/)
    expect({ status: child.status, stdout: child.stdout.trim() }).toEqual({ status: 0, stdout: 'committed 25 worker' })
  })
})

/**
 * Child process for background-writer.test.ts: a process whose last work is one commit through the writer thread
 * (nothing else keeps its event loop alive). It must wait for the commit, print `committed N`, and exit 0.
 * Run: node --import tsx src/store/testing/writer-last-commit.ts <db-path>
 */
import fs from 'node:fs'
import { openStore } from '../open-store'
import { okCall } from './fixtures'

const file = process.argv[2]
if (!file) {
  fs.writeSync(2, 'usage: writer-last-commit.ts <db-path>\n')
  process.exit(2)
}
const store = openStore(file)
const runId = store.runs.create({ kind: 'eval', title: 'last commit' })
const writer = store.backgroundWriter()
await writer.writeEvalCells(Array.from({ length: 25 }, (_, i) => ({ call: okCall(runId, i), scores: [] })))
fs.writeSync(1, `committed ${store.calls.countByRun(runId)} ${writer.mode()}\n`)
await store.closeWriter()
store.close()

/**
 * Child process of the kill -9 durability test: opens the store given as argv[2], starts a run, then records calls
 * forever, one short transaction each, printing `call <id>` only after each commit returns. The parent SIGKILLs it.
 * Run: node --import tsx src/store/testing/kill-writer.ts <db-path>
 */
import fs from 'node:fs'
import { openStore } from '../open-store'
import { okCall } from './fixtures'

const file = process.argv[2]
if (!file) {
  fs.writeSync(2, 'usage: kill-writer.ts <db-path>\n')
  process.exit(2)
}

const store = openStore(file)
const runId = store.runs.create({ kind: 'eval', title: 'killed mid-run' })
// fs.writeSync: the line is in the pipe before the next insert starts (no buffered console output lost on SIGKILL).
fs.writeSync(1, `run ${runId}\n`)
for (let i = 0; ; i++) {
  const id = store.calls.insert(okCall(runId, i, { outputText: `answer ${i} `.repeat(40) }))
  fs.writeSync(1, `call ${id}\n`)
}

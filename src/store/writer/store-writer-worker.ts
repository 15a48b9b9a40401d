/**
 * The store's writer thread (a worker_threads entry): its own read-write connection to the store file, with the
 * same durability settings as the engine's (WAL, synchronous=FULL), committing the batches the engine posts, one
 * transaction each, in order. It moves the SQLite work and the fsync of every group commit off the engine's event
 * loop, where they delayed every stream in flight. See background-writer.ts for the engine side.
 */
import { parentPort, workerData } from 'node:worker_threads'
import Database from 'better-sqlite3'
import { LATEST_SCHEMA_VERSION, userVersion } from '../migrations'
import { connectionOptions } from '../native-binding'
import { BUSY_TIMEOUT_MS, applyPragmas } from '../open-store'
import { createCallRepo } from '../repos/call-repo'
import { createEvalCellRepo } from '../repos/eval-cell-repo'
import type { WriterData, WriterReply, WriterRequest } from './writer-protocol'

if (!parentPort) throw new Error('store-writer-worker.ts runs as a worker thread (new Worker), not on its own.')
const port = parentPort
/** The writer connection's page cache, KiB. */
const WRITER_CACHE_KIB = 8192
const send = (reply: WriterReply): void => port.postMessage(reply)
const messageOf = (error: unknown): string => (error instanceof Error ? error.message : String(error))

function connect(path: string): Database.Database {
  const db = new Database(path, connectionOptions({ fileMustExist: true, timeout: BUSY_TIMEOUT_MS }))
  try {
    applyPragmas(db)
    // It appends rows: a small page cache is enough (the engine's connection keeps the large one for reads).
    db.pragma(`cache_size = -${WRITER_CACHE_KIB}`)
    const version = userVersion(db)
    if (version !== LATEST_SCHEMA_VERSION) throw new Error(`the store is at schema v${version}; this writer writes v${LATEST_SCHEMA_VERSION}`)
    return db
  } catch (error) {
    db.close()
    throw error
  }
}

function serve(db: Database.Database): void {
  const evalCells = createEvalCellRepo(db, createCallRepo(db))
  port.on('message', (request: WriterRequest) => {
    if (request.type === 'close') {
      db.close()
      port.close()
      return
    }
    try {
      evalCells.write(request.batch)
      send({ type: 'done', seq: request.seq })
    } catch (error) {
      send({ type: 'failed', seq: request.seq, message: messageOf(error) })
    }
  })
  send({ type: 'ready' })
}

let opened: Database.Database | null = null
try {
  opened = connect((workerData as WriterData).path)
} catch (error) {
  // The engine falls back to writing on its own thread; with nothing listening, this thread then ends.
  send({ type: 'fatal', message: messageOf(error) })
  port.close()
}
if (opened) serve(opened)

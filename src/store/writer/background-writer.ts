import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { Worker } from 'node:worker_threads'
import { newId } from '../ids'
import type { CallRepo } from '../repos/call-repo'
import type { EvalCellRepo } from '../repos/eval-cell-repo'
import type { EvalCellWrite, WriterData, WriterReply, WriterRequest } from './writer-protocol'

/**
 * The engine's side of the store's writer thread (store-writer-worker.ts). Eval runners hand it group commits;
 * the thread commits them on its own connection, so SQLite and its fsync never stall the engine's event loop
 * (where every stream in flight is timed). Same transactions, same durability (synchronous=FULL), same order.
 *
 * If the thread cannot start (or stops), it falls back to writing on the engine's connection and says so once
 * through `onWarning`: slower, never wrong. A batch the thread may or may not have committed before it stopped is
 * written again without the calls that already made it (call ids are given here, before the batch leaves).
 */
export type WriterMode = 'starting' | 'worker' | 'inline'

export interface BackgroundWriter {
  mode(): WriterMode
  /** Commits the batch in one transaction; resolves once it is durable, rejects with the store's error. */
  writeEvalCells(batch: EvalCellWrite[]): Promise<void>
  /** Waits for what was sent, then ends the thread and its connection. */
  close(): Promise<void>
}

export interface BackgroundWriterOptions {
  path: string
  /** The engine connection's repos: the fallback, and the check for a batch the thread may have committed. */
  evalCells: EvalCellRepo
  calls: CallRepo
  /** Where the thread's entry lives; default: beside this module (the source under tsx, or the built bundle). */
  entry?: WriterEntry
  onWarning?: (message: string) => void
}

/** A worker entry: a built JavaScript file, or a TypeScript source run through tsx (tests, `npm run` from source). */
export interface WriterEntry {
  url: URL
  source: boolean
}

const ENTRY_NAME = 'store-writer-worker'

/** The entry beside this module: `store-writer-worker.ts` in the sources, `.js`/`.mjs` in a build's output folder. */
export function defaultWriterEntry(): WriterEntry {
  // Kept in a variable: bundlers rewrite `new URL('literal', import.meta.url)` into asset imports.
  const here = import.meta.url
  const extension = /\.(m?[jt]s)$/.exec(here)?.[1] ?? 'js'
  return { url: new URL(`./${ENTRY_NAME}.${extension}`, here), source: extension.endsWith('ts') }
}

/**
 * The thread only deserialises batches and hands them to SQLite: a small young generation keeps its heap (and the
 * process's peak RSS) small. The old-generation cap is a ceiling for a batch of very long outputs, not a reservation;
 * running out ends the thread, and the engine then writes on its own thread (fallBack).
 */
const THREAD_LIMITS = { maxYoungGenerationSizeMb: 4, maxOldGenerationSizeMb: 256 }

function spawn(entry: WriterEntry, data: WriterData): Worker {
  if (!entry.source) return new Worker(entry.url, { workerData: data, resourceLimits: THREAD_LIMITS })
  // A TypeScript entry is loaded through tsx's ESM API inside the thread (a worker's --import does not carry loaders).
  const require = createRequire(import.meta.url)
  const tsxApi = pathToFileURL(join(dirname(require.resolve('tsx/package.json')), 'dist/esm/api/index.mjs')).href
  const bootstrap = `import(${JSON.stringify(tsxApi)}).then((api) => api.tsImport(${JSON.stringify(entry.url.href)}, ${JSON.stringify(import.meta.url)}))`
  return new Worker(bootstrap, { eval: true, workerData: data, resourceLimits: THREAD_LIMITS })
}

interface Pending {
  batch: EvalCellWrite[]
  resolve: () => void
  reject: (error: Error) => void
}

export function createBackgroundWriter(options: BackgroundWriterOptions): BackgroundWriter {
  let mode: WriterMode = 'starting'
  let seq = 0
  const pending = new Map<number, Pending>()
  let worker: Worker | null = null
  let exited: Promise<void> = Promise.resolve()
  let closing: Promise<void> | null = null

  const writeInline = (batch: EvalCellWrite[]): void => options.evalCells.write(batch)

  /** The thread is gone: every batch it did not confirm is written here, skipping calls it had already committed. */
  function fallBack(reason: string): void {
    if (mode === 'inline') return
    mode = 'inline'
    worker = null
    options.onWarning?.(`The store's writer thread stopped (${reason}); results are now written on the engine thread.`)
    const unconfirmed = [...pending.entries()].sort((a, b) => a[0] - b[0])
    pending.clear()
    for (const [, item] of unconfirmed) {
      try {
        writeInline(item.batch.filter((write) => write.call.id === undefined || options.calls.find(write.call.id) === null))
        item.resolve()
      } catch (error) {
        item.reject(error instanceof Error ? error : new Error(String(error)))
      }
    }
  }

  try {
    const started = spawn(options.entry ?? defaultWriterEntry(), { path: options.path })
    worker = started
    // An idle thread does not keep the process alive; one with batches to confirm (or closing) does.
    started.unref()
    started.on('message', (reply: WriterReply) => {
      if (reply.type === 'ready') {
        if (mode === 'starting') mode = 'worker'
      } else if (reply.type === 'fatal') {
        fallBack(reply.message)
      } else {
        const item = pending.get(reply.seq)
        if (!item) return
        pending.delete(reply.seq)
        if (pending.size === 0 && worker === started) started.unref()
        if (reply.type === 'done') item.resolve()
        else item.reject(new Error(reply.message))
      }
    })
    started.on('error', (error) => fallBack(error.message))
    exited = new Promise((resolve) =>
      started.once('exit', (code) => {
        if (worker === started) fallBack(`it exited with code ${code}`)
        resolve()
      })
    )
  } catch (error) {
    fallBack(error instanceof Error ? error.message : String(error))
  }

  return {
    mode: () => mode,
    writeEvalCells(batch) {
      const current = worker
      if (mode === 'inline' || !current) {
        try {
          writeInline(batch)
          return Promise.resolve()
        } catch (error) {
          return Promise.reject(error instanceof Error ? error : new Error(String(error)))
        }
      }
      for (const write of batch) write.call.id ??= newId()
      const id = ++seq
      return new Promise<void>((resolve, reject) => {
        // While a confirmation is awaited the thread must keep the process alive: otherwise a process whose last
        // work is this commit would see an empty event loop and exit before it lands.
        if (pending.size === 0) current.ref()
        pending.set(id, { batch, resolve, reject })
        current.postMessage({ type: 'eval-cells', seq: id, batch } satisfies WriterRequest)
      })
    },
    close() {
      closing ??= (async () => {
        const current = worker
        if (!current) return
        worker = null
        // Requests are handled in order: every batch already posted is answered before the thread closes.
        current.ref()
        current.postMessage({ type: 'close' } satisfies WriterRequest)
        await exited
        // Anything the thread did not confirm (it should be nothing) is written here.
        if (pending.size > 0) fallBack('it closed with batches unconfirmed')
        mode = 'inline'
      })()
      return closing
    }
  }
}

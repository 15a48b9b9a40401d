import crypto from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { openStore } from '../open-store'
import type { OpenStoreOptions, Store } from '../open-store'

/** Temp folders and stores for tests: real SQLite files, removed by `cleanup()`. */
export function createTempSpace(prefix = 'switchyard-store-') {
  const dirs: string[] = []
  const stores: Store[] = []
  return {
    dir(): string {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix))
      dirs.push(dir)
      return dir
    },
    open(file?: string, options?: OpenStoreOptions): Store {
      const store = openStore(file ?? path.join(this.dir(), 'store.db'), options)
      stores.push(store)
      return store
    },
    cleanup(): void {
      for (const store of stores.splice(0)) store.close()
      for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true })
    }
  }
}

export function sha256File(file: string): string {
  return crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex')
}

/** What is in the folder of a file: used to show a refusal created no -wal/-shm/journal beside it either. */
export function siblings(file: string): string[] {
  return fs.readdirSync(path.dirname(file)).sort()
}

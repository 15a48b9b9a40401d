import { randomBytes } from 'node:crypto'
import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import { dirname } from 'node:path'

/**
 * Writes a file atomically: a temp file beside it (same folder, so rename stays on one filesystem), flushed, with
 * `mode`, then renamed over the target. A crash leaves the old file or the new one, never half of one.
 */
export function writeFileAtomic(filePath: string, data: string, mode = 0o600): void {
  mkdirSync(dirname(filePath), { recursive: true, mode: 0o700 })
  const temp = `${filePath}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`
  try {
    writeFileSync(temp, data, { mode, flush: true })
    renameSync(temp, filePath)
  } catch (error) {
    rmSync(temp, { force: true })
    throw error
  }
}

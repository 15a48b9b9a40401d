/**
 * Writing a rendered workspace into a folder, without ever leaving it half-written by a failure we can see:
 *
 * 1. every file was rendered in memory before this runs;
 * 2. files whose bytes already match are left alone (their modification time too, which keeps `git status` quiet);
 * 3. the changed ones are written into a staging folder inside DIR (`.switchyard-export-<random>/`, same file
 *    system), and only when all of them are written are they renamed into place, the manifest last; a failure while
 *    staging removes the staging folder and leaves DIR exactly as it was;
 * 4. then our stale files are removed: `*.yaml` / `*.yml` in contracts/, suites/, routing/ and `*.yaml` / `*.jsonl`
 *    in datasets/ that this export did not write — only when DIR already held a workspace manifest, so exporting into
 *    a folder that happens to have a contracts/ of someone else's never deletes their files. Nothing else in DIR
 *    (.git, README, other folders) is ever touched.
 */
import { randomBytes } from 'node:crypto'
import { existsSync } from 'node:fs'
import { mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import { FOLDERS, isOurFileName, MANIFEST_FILE } from './format'

export interface WrittenFile {
  path: string
  action: 'written' | 'unchanged' | 'removed'
}

const STAGING_PREFIX = '.switchyard-export-'

async function sameContent(file: string, text: string): Promise<boolean> {
  try {
    const info = await stat(file)
    if (!info.isFile() || info.size !== Buffer.byteLength(text)) return false
    return (await readFile(file, 'utf8')) === text
  } catch {
    return false
  }
}

/** Our files under DIR that exist now, as relative paths. */
async function existingOurFiles(dir: string): Promise<string[]> {
  const found: string[] = []
  for (const folder of Object.values(FOLDERS)) {
    let names: string[]
    try {
      names = await readdir(join(dir, folder))
    } catch {
      continue
    }
    for (const name of names) {
      if (!isOurFileName(folder, name)) continue
      const info = await stat(join(dir, folder, name)).catch(() => null)
      if (info?.isFile()) found.push(`${folder}/${name}`)
    }
  }
  return found
}

/** Staging folders left by an export that was killed half-way: ours by name, safe to remove. */
async function removeLeftoverStaging(dir: string): Promise<void> {
  for (const name of await readdir(dir)) {
    if (name.startsWith(STAGING_PREFIX)) await rm(join(dir, name), { recursive: true, force: true })
  }
}

export async function writeWorkspaceFolder(dir: string, files: ReadonlyMap<string, string>): Promise<WrittenFile[]> {
  await mkdir(dir, { recursive: true })
  const hadManifest = existsSync(join(dir, MANIFEST_FILE))
  await removeLeftoverStaging(dir)

  const result: WrittenFile[] = []
  const changed: string[] = []
  for (const [path, text] of files) {
    if (await sameContent(join(dir, path), text)) result.push({ path, action: 'unchanged' })
    else changed.push(path)
  }
  // The manifest goes in last, so a reader never sees a new manifest over old files.
  changed.sort((a, b) => (a === MANIFEST_FILE ? 1 : b === MANIFEST_FILE ? -1 : a < b ? -1 : a > b ? 1 : 0))

  if (changed.length > 0) {
    const staging = join(dir, `${STAGING_PREFIX}${randomBytes(6).toString('hex')}`)
    try {
      for (const path of changed) {
        const target = join(staging, path)
        await mkdir(dirname(target), { recursive: true })
        await writeFile(target, files.get(path) ?? '', { encoding: 'utf8', flush: true })
      }
      for (const path of changed) {
        await mkdir(dirname(join(dir, path)), { recursive: true })
        await rename(join(staging, path), join(dir, path))
        result.push({ path, action: 'written' })
      }
    } finally {
      await rm(staging, { recursive: true, force: true })
    }
  }

  if (hadManifest) {
    for (const path of await existingOurFiles(dir)) {
      if (files.has(path)) continue
      await rm(join(dir, path), { force: true })
      result.push({ path, action: 'removed' })
    }
  }
  return result.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))
}

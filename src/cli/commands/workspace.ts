import { resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { createEngine } from '../../api/engine'
import { defaultDataDir, resolveStorePath } from '../../api/store-location'
import type { WorkspaceExportResult, WorkspaceImportResult, WorkspaceItem } from '../../core/api/workspace-file-operations'
import { EnvSecretStore } from '../../secrets/env-secret-store'
import { formatProblem } from '../../workspace/problems'
import { UsageError } from '../cli-errors'
import type { CliIo } from '../cli-io'
import { WORKSPACE_HELP } from '../help'

const plural = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`

function printExport(r: WorkspaceExportResult, io: CliIo): void {
  const c = r.counts
  io.out(
    `Exported to ${r.dir}: ${plural(c.contracts, 'contract')}, ${plural(c.datasets, 'dataset')} (${plural(c.cases, 'case')}), ${plural(c.suites, 'suite')}, ${plural(c.routing, 'routing policy', 'routing policies')}.`
  )
  for (const f of r.files) if (f.action !== 'unchanged') io.out(`  ${f.action.padEnd(9)} ${f.path}`)
  const count = (action: string) => r.files.filter((f) => f.action === action).length
  io.out(`${plural(count('written'), 'file')} written, ${count('unchanged')} unchanged, ${count('removed')} removed.`)
  for (const w of r.warnings) io.err(`warning: ${w}`)
}

function itemLine(item: WorkspaceItem, dryRun: boolean): string {
  const verb = dryRun ? { created: 'create', updated: 'update', unchanged: 'unchanged' }[item.action] : item.action
  const changes = item.changes.length > 0 ? ` — ${item.changes.join(', ')}` : ''
  return `  ${verb.padEnd(9)} ${item.kind.padEnd(8)} ${item.name} (${item.file})${changes}`
}

function printImport(r: WorkspaceImportResult, storePath: string, io: CliIo): void {
  for (const w of r.warnings) io.err(`warning: ${formatProblem(w, r.dir)}`)
  if (r.problemTotal > 0) {
    io.err(`switchyard: ${plural(r.problemTotal, 'problem')} in ${r.dir}; nothing was imported:`)
    for (const p of r.problems) io.err(`  ${formatProblem(p, r.dir)}`)
    if (r.problemTotal > r.problems.length) io.err(`  … and ${r.problemTotal - r.problems.length} more (the first ${r.problems.length} are listed)`)
    return
  }
  const { created, updated, unchanged } = r.counts
  io.out(
    r.dryRun
      ? `Dry run of ${r.dir} against ${storePath}: would create ${created}, update ${updated}, leave ${unchanged} unchanged. Nothing was written.`
      : `Imported ${r.dir} into ${storePath}: ${created} created, ${updated} updated, ${unchanged} unchanged.`
  )
  for (const item of r.items) io.out(itemLine(item, r.dryRun))
  for (const file of r.ignored) io.out(`  ignored   ${file}`)
}

/** `switchyard workspace export DIR` / `switchyard workspace import DIR [--dry-run]`, on the store of --db. */
export async function workspaceCommand(args: string[], io: CliIo, global: { db?: string | undefined }): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    options: { 'dry-run': { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
    allowPositionals: true,
    strict: true
  })
  if (values.help) {
    io.out(WORKSPACE_HELP)
    return 0
  }
  const [action, folder, ...extra] = positionals
  if (action !== 'export' && action !== 'import') {
    throw new UsageError(
      action === undefined
        ? 'workspace needs export or import, e.g. switchyard workspace export ./acme-workspace'
        : `Unknown workspace command "${action}": use export or import (switchyard workspace --help).`
    )
  }
  if (!folder) throw new UsageError(`workspace ${action} needs a folder, e.g. switchyard workspace ${action} ./acme-workspace`)
  if (extra.length > 0) throw new UsageError(`workspace ${action} takes one folder; unexpected "${extra[0]}".`)
  if (action === 'export' && values['dry-run']) throw new UsageError('--dry-run belongs to workspace import (export only writes files that changed).')

  const storePath = resolveStorePath({ explicit: global.db, dataDir: defaultDataDir() })
  const engine = await createEngine({ face: 'cli', storePath, secretStore: new EnvSecretStore(), startEmulator: false })
  try {
    const dir = resolve(folder)
    if (action === 'export') {
      printExport((await engine.dispatch('workspace.export', { dir })) as WorkspaceExportResult, io)
      return 0
    }
    const result = (await engine.dispatch('workspace.import', { dir, dryRun: values['dry-run'] ?? false })) as WorkspaceImportResult
    printImport(result, engine.context.storeInfo.path, io)
    return result.problemTotal > 0 ? 1 : 0
  } finally {
    await engine.close()
  }
}

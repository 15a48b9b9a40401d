/**
 * Export a store as a workspace folder, and import a folder into a store (all or nothing). See format.ts for the
 * layout and its guarantees, write-folder.ts for how export writes.
 */
import { stat } from 'node:fs/promises'
import { dirname, isAbsolute, resolve } from 'node:path'
import type { WorkspaceExportResult, WorkspaceImportResult, WorkspaceItem } from '../core/api/workspace-file-operations'
import { AppError } from '../core/errors'
import type { Store } from '../store/store'
import { MANIFEST_FILE } from './format'
import { initialContext, planImport, type ImportPlan } from './plan-import'
import { MAX_LISTED_PROBLEMS, ProblemList, sortProblems, WHOLE_FILE } from './problems'
import { readWorkspaceFolder, type Findings } from './read-folder'
import { renderWorkspace } from './render'
import { readStoreSnapshot } from './store-snapshot'
import { writeWorkspaceFolder } from './write-folder'

function absolute(dir: string): string {
  if (!isAbsolute(dir)) {
    throw new AppError('VALIDATION_FAILED', `"${dir}" is not an absolute path; give the workspace folder as a full path, e.g. /home/me/acme-workspace.`, [
      { path: 'dir', message: 'must be an absolute path' }
    ])
  }
  return resolve(dir)
}

async function statOrNull(path: string) {
  try {
    return await stat(path)
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null
    throw new AppError('VALIDATION_FAILED', `Cannot reach ${path}: ${(error as Error).message}`, [{ path: 'dir', message: 'cannot be read' }])
  }
}

export async function exportWorkspace(store: Store, dirInput: string): Promise<WorkspaceExportResult> {
  const dir = absolute(dirInput)
  if (dir === dirname(store.path)) {
    throw new AppError(
      'VALIDATION_FAILED',
      `${dir} is the folder of the store itself (${store.path}); export into a folder of its own, e.g. ${resolve(dir, 'workspace')}.`,
      [{ path: 'dir', message: "is the store's own folder" }]
    )
  }
  const info = await statOrNull(dir)
  if (info && !info.isDirectory()) {
    throw new AppError('VALIDATION_FAILED', `${dir} is a file, not a folder; choose a folder to export into.`, [{ path: 'dir', message: 'is not a folder' }])
  }
  const snapshot = readStoreSnapshot(store)
  const files = renderWorkspace(snapshot)
  const written = await writeWorkspaceFolder(dir, files)
  return {
    dir,
    files: written,
    counts: {
      contracts: snapshot.contracts.length,
      datasets: snapshot.datasets.length,
      cases: snapshot.datasets.reduce((n, d) => n + d.cases.length, 0),
      suites: snapshot.suites.length,
      routing: snapshot.routing.length
    },
    warnings: snapshot.notes
  }
}

function countActions(items: readonly WorkspaceItem[]): WorkspaceImportResult['counts'] {
  const counts = { created: 0, updated: 0, unchanged: 0 }
  for (const item of items) counts[item.action]++
  return counts
}

export async function importWorkspace(store: Store, dirInput: string, options: { dryRun?: boolean } = {}): Promise<WorkspaceImportResult> {
  const dir = absolute(dirInput)
  const dryRun = options.dryRun ?? false
  const info = await statOrNull(dir)
  if (!info) throw new AppError('NOT_FOUND', `There is no folder at ${dir}; check the path.`, [{ path: 'dir', message: 'does not exist' }])
  if (!info.isDirectory()) throw new AppError('VALIDATION_FAILED', `${dir} is a file, not a workspace folder.`, [{ path: 'dir', message: 'is not a folder' }])

  const findings: Findings = { problems: new ProblemList(), warnings: [], ignored: [] }
  const parsed = await readWorkspaceFolder(dir, findings)
  let plan: ImportPlan | null = null
  let applied = false
  if (parsed) {
    // Planned inside the write transaction, so nothing can change between the comparison and the writes.
    const run = (): ImportPlan => {
      const planned = planImport(store, parsed, findings)
      if (!dryRun && findings.problems.empty && planned.steps.length > 0) {
        const ctx = initialContext(store)
        for (const step of planned.steps) step(ctx)
        applied = true
      }
      return planned
    }
    try {
      plan = dryRun ? run() : store.transaction(run)
    } catch (error) {
      if (!(error instanceof AppError)) throw error
      applied = false
      findings.problems.add(MANIFEST_FILE, WHOLE_FILE, `the import could not be applied, so nothing was written: ${error.message}`)
    }
  }
  const failed = !findings.problems.empty
  const items = failed || !plan ? [] : plan.items
  return {
    dir,
    dryRun,
    applied: applied && !failed,
    items,
    counts: countActions(items),
    ignored: findings.ignored,
    warnings: sortProblems(findings.warnings).slice(0, MAX_LISTED_PROBLEMS),
    problems: findings.problems.list(),
    problemTotal: findings.problems.total
  }
}

import { z } from 'zod'
import { call } from './define'

/** Workspace folder export and import (issue 4). Spread into the API contract. */

/** A folder on the engine's machine (the engine runs locally), as an absolute path. */
const FolderPath = z
  .string()
  .trim()
  .min(1, 'give the folder as an absolute path, e.g. /home/me/acme-workspace')
  .max(4096)
  .refine((p) => p.startsWith('/') || /^[A-Za-z]:[\\/]/.test(p) || p.startsWith('\\\\'), 'must be an absolute path, e.g. /home/me/acme-workspace')

/** A problem in one file of the folder; line and column are 1-based, null when the whole file is concerned. */
export const WorkspaceProblem = z.object({
  /** Path relative to the workspace folder, with `/` separators (e.g. `contracts/triage.yaml`). */
  file: z.string(),
  line: z.number().int().positive().nullable(),
  column: z.number().int().positive().nullable(),
  message: z.string()
})
export type WorkspaceProblem = z.infer<typeof WorkspaceProblem>

/** `contracts/a.yaml:12:5: message` (without line and column when the whole file is concerned); `dir` prefixes the path. */
export function formatWorkspaceProblem(problem: WorkspaceProblem, dir?: string): string {
  const file = dir ? `${dir.replace(/[\\/]+$/, '')}/${problem.file}` : problem.file
  const where = problem.line === null ? file : `${file}:${problem.line}${problem.column === null ? '' : `:${problem.column}`}`
  return `${where}: ${problem.message}`
}

export const WorkspaceItemKind = z.enum(['contract', 'dataset', 'suite', 'routing'])
export type WorkspaceItemKind = z.infer<typeof WorkspaceItemKind>

/** What an import does (or, in a dry run, would do) with one contract, dataset, suite or routing policy. */
export const WorkspaceItem = z.object({
  kind: WorkspaceItemKind,
  name: z.string(),
  file: z.string(),
  action: z.enum(['created', 'updated', 'unchanged']),
  /** What changed, in words: "new version 3", "description", "repointed to contract version 2", … */
  changes: z.array(z.string())
})
export type WorkspaceItem = z.infer<typeof WorkspaceItem>

export const WorkspaceImportResult = z.object({
  dir: z.string(),
  dryRun: z.boolean(),
  /** True when the store was changed (not a dry run, no problems, something to do). */
  applied: z.boolean(),
  items: z.array(WorkspaceItem),
  counts: z.object({ created: z.number().int(), updated: z.number().int(), unchanged: z.number().int() }),
  /** Files in the folder that are not part of a workspace (left alone). */
  ignored: z.array(z.string()),
  /** Worth knowing, not blocking (e.g. a model the store does not have). */
  warnings: z.array(WorkspaceProblem),
  /** Any problem means nothing was written: the first 100, in file order. */
  problems: z.array(WorkspaceProblem),
  problemTotal: z.number().int().nonnegative()
})
export type WorkspaceImportResult = z.infer<typeof WorkspaceImportResult>

export const WorkspaceExportResult = z.object({
  dir: z.string(),
  files: z.array(z.object({ path: z.string(), action: z.enum(['written', 'unchanged', 'removed']) })),
  counts: z.object({
    contracts: z.number().int(),
    datasets: z.number().int(),
    cases: z.number().int(),
    suites: z.number().int(),
    routing: z.number().int()
  }),
  /** What was left out, in words (e.g. a contract without any version). */
  warnings: z.array(z.string())
})
export type WorkspaceExportResult = z.infer<typeof WorkspaceExportResult>

export const workspaceFileOperations = {
  'workspace.export': call(
    'Write every contract (latest version), dataset, suite and routing policy as YAML/JSONL files into a folder on this machine; files that did not change are left untouched, stale ones of ours removed, nothing else touched.',
    z.object({ dir: FolderPath }).strict(),
    WorkspaceExportResult
  ),
  'workspace.import': call(
    'Read a workspace folder and bring the store in line with it, all or nothing: every file is validated first (problems by file and line); changed contracts and datasets get a new version. With dryRun, only report the plan.',
    z.object({ dir: FolderPath, dryRun: z.boolean().default(false) }).strict(),
    WorkspaceImportResult
  )
} as const

/**
 * Reading every case of a dataset version, streamed from SQLite with `.iterate()` (the dataset repository pages
 * cases; export and "cases from feedback" need them all without holding 100k row objects at once).
 */
import type BetterSqlite3 from 'better-sqlite3'
import { notFound } from '../../store/sqlite-errors'
import type { Store } from '../../store/store'
import type { ExportCase } from './case-format'

interface CaseRow {
  vars_json: string
  expected: string | null
  assertions_json: string
  tags_json: string
  notes: string
  source: string
}

export interface VersionRef {
  id: string
  version: number
  caseCount: number
}

/** The named version of a dataset, or its latest; null when the dataset has no version yet. NOT_FOUND otherwise. */
export function resolveVersion(store: Store, datasetId: string, version?: number): VersionRef | null {
  const versions = store.datasets.listVersions(datasetId)
  if (version === undefined) {
    const latest = versions[versions.length - 1]
    return latest ? { id: latest.id, version: latest.version, caseCount: latest.caseCount } : null
  }
  const found = versions.find((v) => v.version === version)
  if (!found) {
    const last = versions[versions.length - 1]?.version
    const range = last === undefined ? 'it has no version yet' : last === 1 ? 'it has only version 1' : `it has versions 1 to ${last}`
    throw notFound(`Version ${version} of dataset "${datasetId}"`, `${range}; pick one of those`)
  }
  return { id: found.id, version: found.version, caseCount: found.caseCount }
}

export type VersionCase = ExportCase & { source: string }

/** Every case of a version in position order, one row at a time. */
export function* iterateVersionCases(db: BetterSqlite3.Database, versionId: string): Generator<VersionCase> {
  const rows = db
    .prepare('SELECT vars_json, expected, assertions_json, tags_json, notes, source FROM dataset_case WHERE dataset_version_id = ? ORDER BY position')
    .iterate(versionId) as IterableIterator<CaseRow>
  for (const row of rows) {
    yield {
      vars: JSON.parse(row.vars_json) as Record<string, unknown>,
      expected: row.expected,
      assertions: JSON.parse(row.assertions_json) as Record<string, unknown>[],
      tags: JSON.parse(row.tags_json) as string[],
      notes: row.notes,
      source: row.source
    }
  }
}

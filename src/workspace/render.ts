/** Entries → file contents (path → text), all in memory, before anything touches the disk. */
import { assignSlugs, FOLDERS, MANIFEST_COMMENT, MANIFEST_FILE, WORKSPACE_FORMAT } from './format'
import { caseLine, contractFileObject, datasetHeaderObject, routingFileObject, suiteFileObject } from './model'
import type { ContractEntry, DatasetEntry, RoutingEntry, SuiteEntry } from './model'
import { renderYaml } from './yaml-file'

export interface WorkspaceEntries {
  contracts: readonly ContractEntry[]
  datasets: readonly DatasetEntry[]
  suites: readonly SuiteEntry[]
  routing: readonly RoutingEntry[]
}

/** Cases as JSONL text: one line each, LF, a final newline (an empty file for no cases). */
export function renderCases(cases: DatasetEntry['cases']): string {
  if (cases.length === 0) return ''
  const lines = new Array<string>(cases.length)
  for (let i = 0; i < cases.length; i++) lines[i] = caseLine(cases[i]!)
  return `${lines.join('\n')}\n`
}

function byName<T extends { name: string }>(items: readonly T[], folder: string, fallback: string): Array<{ item: T; slug: string; path: string }> {
  const slugs = assignSlugs(
    items.map((i) => i.name),
    fallback
  )
  return items
    .map((item) => {
      const slug = slugs.get(item.name) ?? fallback
      return { item, slug, path: `${folder}/${slug}.yaml` }
    })
    .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))
}

/** Every file of the workspace, by relative path (`/` separators), in a stable order. */
export function renderWorkspace(entries: WorkspaceEntries): Map<string, string> {
  const files = new Map<string, string>()
  const manifest = {
    format: WORKSPACE_FORMAT,
    contents: {
      contracts: entries.contracts.length,
      datasets: entries.datasets.length,
      suites: entries.suites.length,
      routing: entries.routing.length
    }
  }
  files.set(MANIFEST_FILE, renderYaml(manifest, MANIFEST_COMMENT))
  for (const { item, path } of byName(entries.contracts, FOLDERS.contract, 'contract')) {
    files.set(path, renderYaml(contractFileObject(item)))
  }
  for (const { item, slug, path } of byName(entries.datasets, FOLDERS.dataset, 'dataset')) {
    const casesFile = `${slug}.jsonl`
    files.set(path, renderYaml(datasetHeaderObject(item, casesFile, item.cases.length)))
    files.set(`${FOLDERS.dataset}/${casesFile}`, renderCases(item.cases))
  }
  for (const { item, path } of byName(entries.suites, FOLDERS.suite, 'suite')) {
    files.set(path, renderYaml(suiteFileObject(item)))
  }
  for (const { item, path } of byName(entries.routing, FOLDERS.routing, 'routing')) {
    files.set(path, renderYaml(routingFileObject(item)))
  }
  return files
}

import { useId } from 'react'
import type { FormEvent, ReactElement } from 'react'
import { formatWorkspaceProblem } from '../../../src/core/api/workspace-file-operations'
import type { WorkspaceExportResult, WorkspaceImportResult, WorkspaceItem } from '../../../src/core/api/workspace-file-operations'
import { DataTable, type Column } from '../../components/DataTable'
import { ErrorNotice, Loading, Notice } from '../../components/Feedback'
import { useWorkspaceFilesStore, type WorkspaceAction } from '../../stores/workspace-files-store'

const plural = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`

const BUSY_LABEL: Record<WorkspaceAction, string> = {
  export: 'Exporting the workspace…',
  'dry-run': 'Checking the folder…',
  import: 'Importing the folder…'
}

const KIND_LABEL: Record<WorkspaceItem['kind'], string> = { contract: 'Contract', dataset: 'Dataset', suite: 'Suite', routing: 'Routing policy' }

function itemColumns(dryRun: boolean): Column<WorkspaceItem>[] {
  const verb = { created: dryRun ? 'create' : 'created', updated: dryRun ? 'update' : 'updated', unchanged: 'unchanged' }
  return [
    { key: 'action', header: dryRun ? 'Would' : 'Done', cell: (i) => <span className={`badge${i.action === 'unchanged' ? '' : ' ok'}`}>{verb[i.action]}</span>, csv: (i) => i.action },
    { key: 'kind', header: 'Kind', cell: (i) => KIND_LABEL[i.kind], csv: (i) => i.kind },
    { key: 'name', header: 'Name', cell: (i) => i.name, csv: (i) => i.name },
    { key: 'file', header: 'File', cell: (i) => <span className="mono">{i.file}</span>, csv: (i) => i.file },
    { key: 'changes', header: 'Changes', cell: (i) => i.changes.join(', '), csv: (i) => i.changes.join(', '), className: 'wrap' }
  ]
}

function ExportOutcome({ result }: { result: WorkspaceExportResult }): ReactElement {
  const c = result.counts
  const count = (action: string) => result.files.filter((f) => f.action === action).length
  const touched = result.files.filter((f) => f.action !== 'unchanged')
  return (
    <div className="stack">
      <p role="status" data-testid="workspace-result">
        Exported to <span className="mono">{result.dir}</span>: {plural(c.contracts, 'contract')}, {plural(c.datasets, 'dataset')} ({plural(c.cases, 'case')}),{' '}
        {plural(c.suites, 'suite')}, {plural(c.routing, 'routing policy', 'routing policies')}. {plural(count('written'), 'file')} written,{' '}
        {count('unchanged')} unchanged, {count('removed')} removed.
      </p>
      {touched.length > 0 && (
        <ul aria-label="Files written or removed" className="stack-tight">
          {touched.map((f) => (
            <li key={f.path}>
              <span className="badge">{f.action}</span> <span className="mono">{f.path}</span>
            </li>
          ))}
        </ul>
      )}
      {result.warnings.length > 0 && (
        <Notice tone="warn" title="Left out">
          <ul>
            {result.warnings.map((w) => (
              <li key={w}>{w}</li>
            ))}
          </ul>
        </Notice>
      )}
    </div>
  )
}

function ImportOutcome({ result }: { result: WorkspaceImportResult }): ReactElement {
  const warnings = result.warnings.length > 0 && (
    <Notice tone="warn" title={plural(result.warnings.length, 'warning')}>
      <ul aria-label="Warnings">
        {result.warnings.map((w, i) => (
          <li key={i} className="mono">
            {formatWorkspaceProblem(w)}
          </li>
        ))}
      </ul>
    </Notice>
  )
  if (result.problemTotal > 0) {
    return (
      <div className="stack">
        <div className="notice error" role="alert">
          <div className="notice-body">
            <div className="notice-title">
              {result.dryRun
                ? `${plural(result.problemTotal, 'problem')} in ${result.dir}: an import would write nothing`
                : `Nothing was imported: ${plural(result.problemTotal, 'problem')} in ${result.dir}`}
            </div>
            <ul className="problems" aria-label="Problems">
              {result.problems.map((p, i) => (
                <li key={i} className="mono">
                  {formatWorkspaceProblem(p)}
                </li>
              ))}
            </ul>
            {result.problemTotal > result.problems.length && <p>… and {result.problemTotal - result.problems.length} more; fix these and check again.</p>}
          </div>
        </div>
        {warnings}
      </div>
    )
  }
  const { created, updated, unchanged } = result.counts
  return (
    <div className="stack">
      <p role="status" data-testid="workspace-result">
        {result.dryRun
          ? `Dry run: would create ${created}, update ${updated} and leave ${unchanged} unchanged. Nothing was written; press Import to apply it.`
          : `Imported: ${created} created, ${updated} updated, ${unchanged} unchanged.`}
      </p>
      <DataTable
        title={result.dryRun ? 'Import plan' : 'Imported'}
        headingLevel={3}
        rows={result.items}
        columns={itemColumns(result.dryRun)}
        rowKey={(i) => `${i.kind}:${i.file}`}
        count={plural(result.items.length, 'item')}
        exportName="workspace-import"
      />
      {warnings}
      {result.ignored.length > 0 && (
        <p className="hint">
          Ignored (not workspace files): <span className="mono">{result.ignored.join(', ')}</span>
        </p>
      )}
    </div>
  )
}

function LayoutHelp(): ReactElement {
  return (
    <div className="stack-tight" aria-label="About workspace files">
      <p>
        Keep contracts, datasets, suites and routing policies in git as plain files. <strong>Export</strong> writes them into the folder;{' '}
        <strong>Dry-run import</strong> shows what the folder would create or change; <strong>Import</strong> applies it all at once, or nothing
        if any file has a problem (each listed as file:line).
      </p>
      <ul className="mono">
        <li>switchyard-workspace.yaml — format and contents</li>
        <li>contracts/&lt;name&gt;.yaml — one contract, its latest version</li>
        <li>datasets/&lt;name&gt;.yaml + .jsonl — a header, then one case per line</li>
        <li>suites/&lt;name&gt;.yaml, routing/&lt;name&gt;.yaml</li>
      </ul>
      <p className="hint">
        Items are matched by name; a changed contract or dataset becomes a new version. From a terminal or CI:{' '}
        <code>switchyard workspace export DIR</code> and <code>switchyard workspace import DIR --dry-run</code>.
      </p>
    </div>
  )
}

/** Settings → Workspace files: export the store to a folder of YAML/JSONL files, or import one (dry run first). */
export function WorkspaceFilesPanel(): ReactElement {
  const id = useId()
  const folder = useWorkspaceFilesStore((s) => s.folder)
  const busy = useWorkspaceFilesStore((s) => s.busy)
  const outcome = useWorkspaceFilesStore((s) => s.outcome)
  const error = useWorkspaceFilesStore((s) => s.error)
  const setFolder = useWorkspaceFilesStore((s) => s.setFolder)
  const exportFolder = useWorkspaceFilesStore((s) => s.exportFolder)
  const importFolder = useWorkspaceFilesStore((s) => s.importFolder)
  const ready = folder.trim() !== '' && busy === null

  function onSubmit(event: FormEvent<HTMLFormElement>): void {
    event.preventDefault()
    // Enter checks the folder (a dry run): it never writes.
    if (ready) void importFolder(true)
  }

  return (
    <section className="panel" aria-labelledby="settings-workspace-files">
      <div className="panel-header">
        <h2 id="settings-workspace-files">Workspace files</h2>
      </div>
      <div className="panel-body stack">
        <form className="stack" aria-labelledby="settings-workspace-files" onSubmit={onSubmit}>
          <div className="field">
            <label htmlFor={`${id}-folder`}>Workspace folder</label>
            <input
              id={`${id}-folder`}
              className="input mono"
              value={folder}
              placeholder="/home/me/acme-workspace"
              spellCheck={false}
              autoComplete="off"
              aria-describedby={`${id}-folder-hint`}
              onChange={(e) => setFolder(e.target.value)}
            />
            <span className="hint" id={`${id}-folder-hint`}>
              The full path of a folder on the machine running Switchyard. Export creates it when it does not exist.
            </span>
          </div>
          <div className="row">
            <button type="button" className="btn" disabled={!ready} onClick={() => void exportFolder()}>
              Export
            </button>
            <button type="submit" className="btn" disabled={!ready}>
              Dry-run import
            </button>
            <button type="button" className="btn primary" disabled={!ready} onClick={() => void importFolder(false)}>
              Import
            </button>
          </div>
        </form>
        {busy && <Loading label={BUSY_LABEL[busy]} />}
        {error && <ErrorNotice error={error} title="The workspace folder could not be used" />}
        {outcome?.kind === 'export' && <ExportOutcome result={outcome.result} />}
        {outcome?.kind === 'import' && <ImportOutcome result={outcome.result} />}
        {!outcome && !error && !busy && <LayoutHelp />}
      </div>
    </section>
  )
}

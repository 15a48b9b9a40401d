/**
 * Reading a workspace folder into entries, validating every file before anything is planned: YAML syntax (file,
 * line, column), each file's schema (at the line of the offending node), JSONL lines, duplicate names. Nothing here
 * looks at the store.
 */
import { readdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { WorkspaceProblem } from '../core/api/workspace-file-operations'
import { checkContractBody } from '../contracts/contract-checks'
import { decodeText } from '../datasets/import/decode'
import { ImportError } from '../datasets/import/import-errors'
import { parseCaseLines } from './case-lines'
import { CONTRACT_KEYS, ContractFile, DATASET_KEYS, DatasetHeaderFile, ROUTING_KEYS, RoutingFile, SuiteFile } from './file-schemas'
import { FOLDERS, MANIFEST_FILE, nameKey, WORKSPACE_FORMAT } from './format'
import { canonicalBody } from './model'
import type { ContractEntry, DatasetEntry, RoutingEntry, SuiteEntry } from './model'
import { WHOLE_FILE, type ProblemList } from './problems'
import { SuiteSettings } from '../core/schemas/suite'
import { parseYamlFile, addSchemaProblems, type ParsedYaml } from './yaml-file'

export interface Located<T> {
  file: string
  entry: T
  /** The parsed file, to point at the line of a field (a reference, a model). */
  yaml: ParsedYaml
}

export interface LocatedDataset extends Located<DatasetEntry> {
  casesFile: string
  /** The line of each case in the .jsonl file. */
  caseLines: number[]
}

export interface ParsedWorkspace {
  contracts: Located<ContractEntry>[]
  datasets: LocatedDataset[]
  suites: Located<SuiteEntry>[]
  routing: Located<RoutingEntry>[]
}

export interface Findings {
  problems: ProblemList
  warnings: WorkspaceProblem[]
  ignored: string[]
}

const MAX_FILE_BYTES = 200 * 1024 * 1024

async function readText(dir: string, file: string, findings: Findings): Promise<string | null> {
  let bytes: Buffer
  try {
    bytes = await readFile(join(dir, file))
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    findings.problems.add(file, WHOLE_FILE, code === 'ENOENT' ? 'the file does not exist' : `cannot be read: ${(error as Error).message}`)
    return null
  }
  try {
    return decodeText(bytes, { fileName: file, maxBytes: MAX_FILE_BYTES })
  } catch (error) {
    if (!(error instanceof ImportError)) throw error
    for (const issue of error.issues) findings.problems.add(file, { line: issue.line, column: issue.column }, issue.message)
    return null
  }
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** Parses a YAML file that must hold a mapping; problems are recorded and null returned otherwise. */
async function readYamlMap(dir: string, file: string, what: string, findings: Findings): Promise<ParsedYaml | null> {
  const text = await readText(dir, file, findings)
  if (text === null) return null
  const parsed = parseYamlFile(text, file, findings.problems)
  if (!parsed) return null
  if (!isPlainObject(parsed.value)) {
    const got = parsed.value === null ? 'an empty file' : Array.isArray(parsed.value) ? 'a list' : 'a single value'
    findings.problems.add(file, { line: 1, column: 1 }, `expected a mapping with ${what}, got ${got}`)
    return null
  }
  return parsed
}

/** The manifest decides whether the rest is read at all: missing, malformed or newer → one clear problem, stop. */
async function checkManifest(dir: string, findings: Findings): Promise<boolean> {
  const entries = await readdir(dir)
  if (!entries.includes(MANIFEST_FILE)) {
    findings.problems.add(
      MANIFEST_FILE,
      WHOLE_FILE,
      `missing: ${dir} is not a Switchyard workspace folder (it has no ${MANIFEST_FILE}). Check the path, or export a workspace there first (switchyard workspace export DIR).`
    )
    return false
  }
  const parsed = await readYamlMap(dir, MANIFEST_FILE, '`format: 1`', findings)
  if (!parsed) return false
  const format = (parsed.value as Record<string, unknown>).format
  if (format === undefined) {
    findings.problems.add(MANIFEST_FILE, { line: 1, column: 1 }, `no "format:" — a workspace manifest starts with the format it is written in: format: ${WORKSPACE_FORMAT}`)
    return false
  }
  if (typeof format !== 'number' || !Number.isInteger(format) || format < 1) {
    findings.problems.add(MANIFEST_FILE, parsed.placeOf(['format']), `format must be a whole number such as ${WORKSPACE_FORMAT} (got ${JSON.stringify(format)})`)
    return false
  }
  if (format > WORKSPACE_FORMAT) {
    findings.problems.add(
      MANIFEST_FILE,
      WHOLE_FILE,
      `written by a newer Switchyard (workspace format ${format}); this version reads format ${WORKSPACE_FORMAT}. Update Switchyard to import it.`
    )
    return false
  }
  return true
}

async function listFolder(dir: string, folder: string, findings: Findings): Promise<string[]> {
  let entries
  try {
    entries = await readdir(join(dir, folder), { withFileTypes: true })
  } catch {
    return []
  }
  const files: string[] = []
  for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    if (entry.name.startsWith('.')) continue
    if (entry.isFile()) files.push(entry.name)
    else findings.ignored.push(`${folder}/${entry.name}${entry.isDirectory() ? '/' : ''}`)
  }
  return files
}

const YAML_FILE = /\.ya?ml$/i

const step = (s: string): string | number => (/^\d+$/.test(s) ? Number(s) : s)

/** A contract problem's path as YAML steps; a JSON Schema problem goes down to the node its pointer names. */
function problemPath(path: string, message: string): Array<string | number> {
  const steps = path.split('.').map(step)
  const pointer = path === 'output.schema' ? /at #(\/[^\s:]*)/.exec(message)?.[1] : undefined
  if (!pointer) return steps
  return [...steps, ...pointer.slice(1).split('/').map((s) => step(s.replace(/~1/g, '/').replace(/~0/g, '~')))]
}

async function readContract(dir: string, file: string, findings: Findings, out: ParsedWorkspace): Promise<void> {
  const yaml = await readYamlMap(dir, file, `${CONTRACT_KEYS} (a contract)`, findings)
  if (!yaml) return
  const result = ContractFile.safeParse(yaml.value)
  if (!result.success) return addSchemaProblems(yaml, result.error, findings.problems, CONTRACT_KEYS)
  const { name, description, feature, archived, ...rest } = result.data
  const body = canonicalBody(rest)
  // The editor's checks (template ↔ variables, examples, duplicate candidates, JSON Schema validity), at their lines.
  for (const problem of checkContractBody(body)) {
    const place = yaml.placeOf(problemPath(problem.path, problem.message))
    if (problem.severity === 'error') findings.problems.add(file, place, problem.message)
    else findings.warnings.push({ file, ...place, message: problem.message })
  }
  out.contracts.push({ file, yaml, entry: { name, description, feature, archived, body } })
}

async function readDataset(dir: string, file: string, jsonlFiles: Set<string>, claimed: Map<string, string>, findings: Findings, out: ParsedWorkspace): Promise<void> {
  const yaml = await readYamlMap(dir, file, `${DATASET_KEYS} (a dataset header)`, findings)
  if (!yaml) return
  const result = DatasetHeaderFile.safeParse(yaml.value)
  if (!result.success) return addSchemaProblems(yaml, result.error, findings.problems, DATASET_KEYS)
  const header = result.data
  const casesFile = `${FOLDERS.dataset}/${header.cases.file}`
  const place = yaml.placeOf(['cases', 'file'])
  const other = claimed.get(casesFile)
  if (other) {
    findings.problems.add(file, place, `${casesFile} is already the cases file of ${other}; give each dataset its own .jsonl file`)
    return
  }
  claimed.set(casesFile, file)
  if (!jsonlFiles.has(header.cases.file)) {
    findings.problems.add(file, place, `${casesFile} does not exist — put the cases beside this header, one JSON object per line, or fix cases.file`)
    return
  }
  const text = await readText(dir, casesFile, findings)
  if (text === null) return
  const problemsBefore = findings.problems.total
  const { cases, lines } = parseCaseLines(text, casesFile, findings.problems)
  const cleanFile = findings.problems.total === problemsBefore
  if (cleanFile && header.cases.count !== undefined && header.cases.count !== lines.length) {
    findings.warnings.push({
      file,
      ...yaml.placeOf(['cases', 'count']),
      message: `cases.count says ${header.cases.count} but ${casesFile} has ${lines.length} cases; the .jsonl file wins (the next export writes the right count)`
    })
  }
  out.datasets.push({
    file,
    yaml,
    casesFile,
    caseLines: lines,
    entry: { name: header.name, description: header.description, contract: header.contract, cases }
  })
}

async function readSuite(dir: string, file: string, findings: Findings, out: ParsedWorkspace): Promise<void> {
  const yaml = await readYamlMap(dir, file, 'name, contract, dataset and settings (a suite)', findings)
  if (!yaml) return
  const result = SuiteFile.safeParse(yaml.value)
  if (!result.success) return addSchemaProblems(yaml, result.error, findings.problems, 'name, contract, dataset, models, assertions, repeats, concurrency, thresholds')
  const { name, contract, dataset, ...settings } = result.data
  out.suites.push({ file, yaml, entry: { name, contract, dataset, settings: SuiteSettings.parse(settings) } })
}

async function readRouting(dir: string, file: string, findings: Findings, out: ParsedWorkspace): Promise<void> {
  const yaml = await readYamlMap(dir, file, `${ROUTING_KEYS} (a routing policy)`, findings)
  if (!yaml) return
  const result = RoutingFile.safeParse(yaml.value)
  if (!result.success) return addSchemaProblems(yaml, result.error, findings.problems, ROUTING_KEYS)
  out.routing.push({ file, yaml, entry: result.data })
}

function checkDuplicateNames(kind: string, items: ReadonlyArray<Located<{ name: string }>>, findings: Findings): void {
  const first = new Map<string, string>()
  for (const item of items) {
    const key = nameKey(item.entry.name)
    const earlier = first.get(key)
    if (earlier === undefined) {
      first.set(key, item.file)
      continue
    }
    findings.problems.add(
      item.file,
      item.yaml.placeOf(['name']),
      `duplicate ${kind} name "${item.entry.name}": ${earlier} has it too — ${kind} names must be unique (ignoring case); rename one or remove a file`
    )
  }
}

/** Reads and validates the folder; null when the manifest stops the import (missing, malformed, newer format). */
export async function readWorkspaceFolder(dir: string, findings: Findings): Promise<ParsedWorkspace | null> {
  if (!(await checkManifest(dir, findings))) return null
  const out: ParsedWorkspace = { contracts: [], datasets: [], suites: [], routing: [] }
  const ours = new Set<string>([MANIFEST_FILE, ...Object.values(FOLDERS)])
  for (const entry of (await readdir(dir, { withFileTypes: true })).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    if (entry.name.startsWith('.') || (ours.has(entry.name) && (entry.isDirectory() || entry.name === MANIFEST_FILE))) continue
    findings.ignored.push(`${entry.name}${entry.isDirectory() ? '/' : ''}`)
  }

  for (const name of await listFolder(dir, FOLDERS.contract, findings)) {
    if (YAML_FILE.test(name)) await readContract(dir, `${FOLDERS.contract}/${name}`, findings, out)
    else findings.ignored.push(`${FOLDERS.contract}/${name}`)
  }

  const datasetFiles = await listFolder(dir, FOLDERS.dataset, findings)
  const jsonlFiles = new Set(datasetFiles.filter((n) => n.endsWith('.jsonl')))
  const claimed = new Map<string, string>()
  for (const name of datasetFiles) {
    if (YAML_FILE.test(name)) await readDataset(dir, `${FOLDERS.dataset}/${name}`, jsonlFiles, claimed, findings, out)
    else if (!jsonlFiles.has(name)) findings.ignored.push(`${FOLDERS.dataset}/${name}`)
  }
  for (const name of jsonlFiles) {
    if (!claimed.has(`${FOLDERS.dataset}/${name}`)) findings.ignored.push(`${FOLDERS.dataset}/${name}`)
  }

  for (const name of await listFolder(dir, FOLDERS.suite, findings)) {
    if (YAML_FILE.test(name)) await readSuite(dir, `${FOLDERS.suite}/${name}`, findings, out)
    else findings.ignored.push(`${FOLDERS.suite}/${name}`)
  }
  for (const name of await listFolder(dir, FOLDERS.routing, findings)) {
    if (YAML_FILE.test(name)) await readRouting(dir, `${FOLDERS.routing}/${name}`, findings, out)
    else findings.ignored.push(`${FOLDERS.routing}/${name}`)
  }

  checkDuplicateNames('contract', out.contracts, findings)
  checkDuplicateNames('dataset', out.datasets, findings)
  checkDuplicateNames('suite', out.suites, findings)
  checkDuplicateNames('routing policy', out.routing, findings)
  findings.ignored.sort()
  return out
}

/**
 * The workspace as plain values, the same whether read from the store or from files, and its one rendering into
 * file objects. Comparing two items means comparing their renderings, so "unchanged" is exactly "would export the
 * same bytes".
 */
import { ContractVersionBody } from '../core/schemas/workspace'
import type { SuiteSettings } from '../core/schemas/suite'
import { modelRefText } from './format'

export interface ContractEntry {
  name: string
  description: string
  feature: string | null
  archived: boolean
  body: ContractVersionBody
}

/** A case without its store-local id, position and source. */
export interface CaseEntry {
  vars: Record<string, unknown>
  expected: string | null
  assertions: Record<string, unknown>[]
  tags: string[]
  notes: string
}

export interface DatasetEntry {
  name: string
  description: string
  /** The linked contract, by name. */
  contract: string | null
  cases: CaseEntry[]
}

export interface SuiteEntry {
  name: string
  contract: string
  dataset: string | null
  settings: SuiteSettings
}

export interface RoutingEntry {
  name: string
  contract: string | null
  policy: Record<string, unknown>
}

/** The contract body in its canonical key order (schema order; user objects such as a JSON Schema keep theirs). */
export function canonicalBody(body: unknown): ContractVersionBody {
  return ContractVersionBody.parse(body)
}

export function contractFileObject(c: ContractEntry): Record<string, unknown> {
  const body = c.body
  return {
    name: c.name,
    description: c.description,
    feature: c.feature,
    archived: c.archived,
    ...body,
    candidates: body.candidates.map(modelRefText),
    fallback: { ...body.fallback, fallbacks: body.fallback.fallbacks.map(modelRefText) }
  }
}

export function bodyText(body: ContractVersionBody): string {
  return JSON.stringify(contractFileObject({ name: '', description: '', feature: null, archived: false, body }))
}

export function datasetHeaderObject(d: Omit<DatasetEntry, 'cases'>, casesFile: string, count: number): Record<string, unknown> {
  return { name: d.name, description: d.description, contract: d.contract, cases: { file: casesFile, format: 'jsonl', count } }
}

/** One case as its JSONL line (without the newline): keys in a fixed order, empty ones left out. */
export function caseLine(c: CaseEntry): string {
  const o: Record<string, unknown> = { vars: c.vars }
  if (c.expected !== null) o.expected = c.expected
  if (c.assertions.length > 0) o.assertions = c.assertions
  if (c.tags.length > 0) o.tags = c.tags
  if (c.notes !== '') o.notes = c.notes
  return JSON.stringify(o)
}

export function suiteFileObject(s: SuiteEntry): Record<string, unknown> {
  const { models, ...rest } = s.settings
  const o: Record<string, unknown> = { name: s.name, contract: s.contract, dataset: s.dataset }
  if (models !== undefined) o.models = models.map(modelRefText)
  for (const [key, value] of Object.entries(rest)) {
    if (value !== undefined && !(key in o)) o[key] = value
  }
  return o
}

export function routingFileObject(r: RoutingEntry): Record<string, unknown> {
  return { name: r.name, contract: r.contract, policy: r.policy }
}

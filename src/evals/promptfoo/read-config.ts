import fs from 'node:fs'
import path from 'node:path'
import YAML, { LineCounter } from 'yaml'
import { AppError } from '../../core/errors'
import { mapProviderConfig, mapProviderId, type MappedProviderId } from './provider-ids'
import { parsePrompts, type PromptVariant, type Unsupported } from './prompts'
import { keepSupportedAssertions, parseTests, type ImportedTestCase } from './tests'

export interface PromptfooProvider {
  where: string
  /** As written in the config, e.g. `openai:gpt-4.1-mini`. */
  id: string
  label: string | null
  mapped: MappedProviderId
  params: { temperature?: number; topP?: number; maxTokens?: number; seed?: number; stop?: string[] }
}

/** A promptfoo config read into Switchyard's terms, with everything that did not carry over listed. */
export interface PromptfooConfig {
  file: string
  description: string | null
  variants: PromptVariant[]
  providers: PromptfooProvider[]
  cases: ImportedTestCase[]
  /** defaultTest.assert: the suite's assertions for every case. */
  defaultAssertions: Array<Record<string, unknown>>
  repeats: number | null
  concurrency: number | null
  cache: boolean | null
  unsupported: Unsupported[]
}

const TOP_KEYS = new Set(['description', 'prompts', 'providers', 'tests', 'defaultTest', 'evaluateOptions', 'outputPath', 'tags', 'sharing', 'env'])
const IGNORED_KEYS = new Set(['outputPath', 'sharing', 'tags'])

function fail(file: string, message: string): never {
  throw new AppError('VALIDATION_FAILED', `${file}: ${message}`, [{ path: file, message }])
}

/**
 * Reads a promptfooconfig.yaml and the files it names (relative to its folder, never outside it). Throws a
 * VALIDATION_FAILED AppError naming the file and line for YAML errors and missing files; anything it understands
 * but cannot carry over goes to `unsupported` instead of failing.
 */
export function readPromptfooConfig(file: string): PromptfooConfig {
  const absolute = path.resolve(file)
  const folder = path.dirname(absolute)
  let text: string
  try {
    text = fs.readFileSync(absolute, 'utf8')
  } catch (error) {
    fail(file, `cannot read it (${(error as NodeJS.ErrnoException).code ?? String(error)}). Pass the path of a promptfooconfig.yaml.`)
  }
  const lineCounter = new LineCounter()
  const doc = YAML.parseDocument(text, { lineCounter, prettyErrors: false })
  if (doc.errors.length > 0) {
    const first = doc.errors[0]!
    const pos = lineCounter.linePos(first.pos[0])
    fail(`${file}:${pos.line}:${pos.col}`, `not valid YAML: ${first.message.split('\n')[0]}`)
  }
  const config = doc.toJS() as unknown
  if (!config || typeof config !== 'object' || Array.isArray(config)) fail(file, 'a promptfoo config is a YAML mapping with prompts, providers and tests')
  const c = config as Record<string, unknown>

  const resolveInside = (relative: string): string => {
    const target = path.resolve(folder, relative)
    if (target !== folder && !target.startsWith(folder + path.sep)) fail(file, `"${relative}" points outside the config's folder; keep referenced files beside the config`)
    return target
  }
  const readBytes = (relative: string): Uint8Array => {
    try {
      return fs.readFileSync(resolveInside(relative))
    } catch (error) {
      if (error instanceof AppError) throw error
      return fail(file, `references file://${relative}, which cannot be read (${(error as NodeJS.ErrnoException).code ?? String(error)})`)
    }
  }
  const read = (relative: string): string => Buffer.from(readBytes(relative)).toString('utf8')

  const unsupported: Unsupported[] = []
  for (const key of Object.keys(c)) {
    if (!TOP_KEYS.has(key)) unsupported.push({ where: key, what: `config key "${key}"` })
    else if (IGNORED_KEYS.has(key)) unsupported.push({ where: key, what: `config key "${key}" (Switchyard stores results itself)` })
  }
  if (c.env !== undefined) unsupported.push({ where: 'env', what: 'env (set keys in Providers or as environment variables instead)' })

  const variants = parsePrompts(c.prompts, read, unsupported)
  if (variants.length === 0) fail(file, 'no prompt could be read; add at least one text or chat prompt under prompts')
  const providers = parseProviders(c.providers, unsupported)
  let cases = parseTests(c.tests, read, readBytes, unsupported)

  let defaultAssertions: Array<Record<string, unknown>> = []
  const defaultTest = c.defaultTest
  if (typeof defaultTest === 'string') unsupported.push({ where: 'defaultTest', what: `defaultTest from ${defaultTest} (write it inline)` })
  else if (defaultTest && typeof defaultTest === 'object') {
    const d = defaultTest as Record<string, unknown>
    for (const key of Object.keys(d)) if (!['vars', 'assert'].includes(key)) unsupported.push({ where: `defaultTest.${key}`, what: `defaultTest option "${key}"` })
    defaultAssertions = keepSupportedAssertions(d.assert, 'defaultTest.assert', unsupported)
    const defaultVars = d.vars && typeof d.vars === 'object' ? (d.vars as Record<string, unknown>) : {}
    cases = cases.map((t) => ({ ...t, vars: { ...defaultVars, ...t.vars } }))
  }

  const options = c.evaluateOptions && typeof c.evaluateOptions === 'object' ? (c.evaluateOptions as Record<string, unknown>) : {}
  for (const key of Object.keys(options)) {
    if (!['repeat', 'maxConcurrency', 'cache', 'showProgressBar'].includes(key)) unsupported.push({ where: `evaluateOptions.${key}`, what: `evaluate option "${key}"` })
  }
  return {
    file,
    description: typeof c.description === 'string' ? c.description : null,
    variants,
    providers,
    cases,
    defaultAssertions,
    repeats: typeof options.repeat === 'number' ? options.repeat : null,
    concurrency: typeof options.maxConcurrency === 'number' ? options.maxConcurrency : null,
    cache: typeof options.cache === 'boolean' ? options.cache : null,
    unsupported
  }
}

function parseProviders(input: unknown, unsupported: Unsupported[]): PromptfooProvider[] {
  const list = input === undefined ? [] : Array.isArray(input) ? input : [input]
  const providers: PromptfooProvider[] = []
  list.forEach((entry, i) => {
    const where = `providers[${i}]`
    let id: string | null = null
    let label: string | null = null
    let config: Record<string, unknown> = {}
    if (typeof entry === 'string') id = entry
    else if (entry && typeof entry === 'object') {
      const o = entry as Record<string, unknown>
      id = typeof o.id === 'string' ? o.id : typeof o.provider === 'string' ? o.provider : null
      label = typeof o.label === 'string' ? o.label : null
      config = o.config && typeof o.config === 'object' ? (o.config as Record<string, unknown>) : {}
      for (const key of Object.keys(o)) if (!['id', 'provider', 'label', 'config'].includes(key)) unsupported.push({ where: `${where}.${key}`, what: `provider option "${key}"` })
    }
    if (id === null) {
      unsupported.push({ where, what: 'a provider without an id' })
      return
    }
    const mapped = mapProviderId(id)
    if (!mapped.ok) {
      unsupported.push({ where, what: `provider ${mapped.reason}` })
      return
    }
    const { params, unsupported: keys } = mapProviderConfig(config)
    for (const key of keys) unsupported.push({ where: `${where}.config.${key}`, what: `provider setting "${key}"` })
    providers.push({ where, id, label, mapped: mapped.value, params })
  })
  return providers
}

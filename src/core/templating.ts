import { AppError } from './errors'

/**
 * Prompt templates, a small Mustache-like syntax:
 *
 *   {{name}}            the variable: strings as they are, numbers and booleans as text, objects and arrays as JSON
 *   {{name | json}}     the variable as JSON, whatever it is (strings get quotes and escapes: safe inside JSON)
 *   {{#name}}…{{/name}} an optional section: kept only when `name` has a value (not missing, null, '', [] or false)
 *   {{^name}}…{{/name}} an inverted section: kept only when `name` has no value
 *   \{{                 a literal `{{`
 *
 * A variable used outside every section is required: a missing one is an error (naming all of them) before any
 * call is made. Variables used only inside sections are optional.
 */

type Node =
  | { kind: 'text'; text: string }
  | { kind: 'var'; name: string; json: boolean }
  | { kind: 'section'; name: string; inverted: boolean; children: Node[] }

const NAME = '[A-Za-z_][A-Za-z0-9_]*'
const TAG = new RegExp(`(\\\\?)\\{\\{\\s*(?:([#^/])\\s*(${NAME})|(${NAME})\\s*(\\|\\s*json\\s*)?)\\s*\\}\\}`, 'g')

function templateError(message: string, path: string): AppError {
  return new AppError('VALIDATION_FAILED', message, [{ path, message }])
}

/** Strict parsing (for rendering) refuses unbalanced sections; lenient parsing (for listing variables while the
 * user types) closes what it can. */
function parse(text: string, strict = true): Node[] {
  const root: Node[] = []
  const stack: Array<{ name: string; children: Node[] }> = []
  const current = (): Node[] => stack.at(-1)?.children ?? root
  let last = 0
  for (const match of text.matchAll(TAG)) {
    const [whole, escape, sigil, sectionName, name, json] = match
    const at = match.index
    if (at > last) current().push({ kind: 'text', text: text.slice(last, at) })
    last = at + whole.length
    if (escape) {
      current().push({ kind: 'text', text: whole.slice(1) })
    } else if (sigil === '#' || sigil === '^') {
      const section: Node = { kind: 'section', name: sectionName!, inverted: sigil === '^', children: [] }
      current().push(section)
      stack.push({ name: sectionName!, children: section.children })
    } else if (sigil === '/') {
      const open = stack.at(-1)
      if (open?.name === sectionName) stack.pop()
      else if (strict) {
        throw templateError(`{{/${sectionName}}} closes ${open ? `{{#${open.name}}}` : 'no open section'}: close sections in the order they open.`, 'template')
      }
    } else {
      current().push({ kind: 'var', name: name!, json: Boolean(json) })
    }
  }
  if (last < text.length) current().push({ kind: 'text', text: text.slice(last) })
  const unclosed = stack.at(-1)
  if (unclosed && strict) throw templateError(`{{#${unclosed.name}}} is never closed: add {{/${unclosed.name}}}.`, 'template')
  return root
}

export interface VariableUse {
  name: string
  /** Used outside every optional section. */
  required: boolean
}

function collect(nodes: Node[], inSection: boolean, out: Map<string, boolean>): void {
  for (const node of nodes) {
    if (node.kind === 'var') out.set(node.name, (out.get(node.name) ?? false) || !inSection)
    else if (node.kind === 'section') {
      if (!out.has(node.name)) out.set(node.name, false)
      collect(node.children, true, out)
    }
  }
}

function usesOf(nodes: Node[]): VariableUse[] {
  const uses = new Map<string, boolean>()
  collect(nodes, false, uses)
  return [...uses].map(([name, required]) => ({ name, required }))
}

interface Compiled {
  nodes: Node[]
  uses: VariableUse[]
}

/**
 * Parsed templates, by text: an eval renders the same few templates thousands of times. Parsed nodes are never
 * changed after parsing, so sharing them is safe. Bounded; a failing strict parse is not cached (it throws again).
 */
const CACHE_LIMIT = 256
const strictCache = new Map<string, Compiled>()
const lenientCache = new Map<string, Compiled>()

function compiled(text: string, strict: boolean): Compiled {
  const cache = strict ? strictCache : lenientCache
  const hit = cache.get(text)
  if (hit) return hit
  const nodes = parse(text, strict)
  const entry = { nodes, uses: usesOf(nodes) }
  if (cache.size >= CACHE_LIMIT) cache.delete(cache.keys().next().value as string)
  cache.set(text, entry)
  return entry
}

/** Every variable a template names, in order of first use, with whether it is required. Never throws. */
export function templateVariableUses(text: string): VariableUse[] {
  return compiled(text, false).uses.map((u) => ({ ...u }))
}

/** Names of the variables a template uses, once each, in order. */
export function templateVariables(text: string): string[] {
  return templateVariableUses(text).map((u) => u.name)
}

function hasValue(value: unknown): boolean {
  if (value === undefined || value === null || value === false || value === '') return false
  return !(Array.isArray(value) && value.length === 0)
}

function valueText(value: unknown, json: boolean): string {
  if (json) return JSON.stringify(value ?? null)
  if (typeof value === 'string') return value
  if (typeof value === 'number' || typeof value === 'boolean') return String(value)
  return JSON.stringify(value)
}

function render(nodes: Node[], vars: Readonly<Record<string, unknown>>): string {
  let out = ''
  for (const node of nodes) {
    if (node.kind === 'text') out += node.text
    else if (node.kind === 'var') {
      const value = vars[node.name]
      out += value === undefined || value === null ? (node.json ? 'null' : '') : valueText(value, node.json)
    }
    else if (hasValue(vars[node.name]) !== node.inverted) out += render(node.children, vars)
  }
  return out
}

function missingError(missing: string[]): AppError {
  return new AppError(
    'VALIDATION_FAILED',
    `Missing ${missing.length === 1 ? 'variable' : 'variables'} ${missing.map((m) => `{{${m}}}`).join(', ')}: give ${missing.length === 1 ? 'it a value' : 'them values'} in the variables panel.`,
    missing.map((name) => ({ path: `variables.${name}`, message: 'required by the template' }))
  )
}

function missingRequired(uses: VariableUse[], vars: Readonly<Record<string, unknown>>): string[] {
  return uses.filter((u) => u.required && (vars[u.name] === undefined || vars[u.name] === null)).map((u) => u.name)
}

export function renderTemplate(text: string, vars: Readonly<Record<string, unknown>>): string {
  const { nodes, uses } = compiled(text, true)
  const missing = missingRequired(uses, vars)
  if (missing.length) throw missingError(missing)
  return render(nodes, vars)
}

export interface TemplateMessage {
  role: 'system' | 'user' | 'assistant'
  content: string
}

/**
 * The error renderMessages would throw for these variables (a missing required variable, or a template that does
 * not parse), or null when they render — without building the output: checking thousands of cases before a run.
 */
export function renderProblem(messages: readonly TemplateMessage[], vars: Readonly<Record<string, unknown>>): Error | null {
  const missing = new Set(messages.flatMap((m) => missingRequired(compiled(m.content, false).uses, vars)))
  if (missing.size) return missingError([...missing])
  try {
    for (const m of messages) compiled(m.content, true)
  } catch (error) {
    return error instanceof Error ? error : new Error(String(error))
  }
  return null
}

/** Renders every message; reports every missing required variable across all messages at once. */
export function renderMessages(messages: readonly TemplateMessage[], vars: Readonly<Record<string, unknown>>): TemplateMessage[] {
  const missing = new Set(messages.flatMap((m) => missingRequired(compiled(m.content, false).uses, vars)))
  if (missing.size) throw missingError([...missing])
  return messages.map((m) => ({ role: m.role, content: renderTemplate(m.content, vars) }))
}

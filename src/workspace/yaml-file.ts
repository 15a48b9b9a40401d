/** YAML for workspace files: one stable rendering, and parsing that knows the line and column of every node. */
import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, stringify } from 'yaml'
import type { Document, Node as YamlNode } from 'yaml'
import type { z } from 'zod'
import type { Place, ProblemList } from './problems'

const STRINGIFY_OPTIONS = {
  indent: 2,
  lineWidth: 0,
  minContentWidth: 0,
  blockQuote: 'literal',
  aliasDuplicateObjects: false
} as const

/** The one rendering of a value: 2-space indent, no line folding, multi-line strings as `|` blocks, LF, final newline. */
export function renderYaml(value: unknown, comment = ''): string {
  return comment + stringify(value, STRINGIFY_OPTIONS)
}

export interface ParsedYaml {
  file: string
  value: unknown
  /** Where the node at `path` starts (the nearest existing parent when it is missing). */
  placeOf(path: readonly PropertyKey[]): Place
  /** Where the key `path[last]` of a mapping is written (for unknown keys). */
  placeOfKey(path: readonly PropertyKey[]): Place
  /** Whether a node exists at `path`. */
  has(path: readonly PropertyKey[]): boolean
}

/** Strips yaml's " at line L, column C:" tail and code excerpt: the place is given separately. */
function cleanYamlMessage(message: string): string {
  const first = message.split('\n')[0] ?? message
  return first.replace(/ at line \d+, column \d+:?\s*$/, '').trim()
}

/** Parses one YAML document; syntax errors go to `problems` with their line and column, and null is returned. */
export function parseYamlFile(text: string, file: string, problems: ProblemList): ParsedYaml | null {
  const lineCounter = new LineCounter()
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true })
  if (doc.errors.length > 0) {
    for (const error of doc.errors) {
      const pos = lineCounter.linePos(error.pos[0])
      problems.add(file, { line: pos.line, column: pos.col }, `YAML syntax: ${cleanYamlMessage(error.message)}`)
    }
    return null
  }
  let value: unknown
  try {
    value = doc.toJS({ maxAliasCount: 100 })
  } catch (error) {
    problems.add(file, { line: 1, column: 1 }, `YAML: ${error instanceof Error ? error.message : String(error)}`)
    return null
  }
  const at = (offset: number | undefined): Place => {
    if (offset === undefined) return { line: 1, column: 1 }
    const pos = lineCounter.linePos(offset)
    return { line: pos.line, column: pos.col }
  }
  return {
    file,
    value,
    placeOf: (path) => at(walk(doc, path).node?.range?.[0]),
    placeOfKey: (path) => {
      const found = walk(doc, path)
      return at((found.exact ? (found.keyNode ?? found.node) : found.node)?.range?.[0])
    },
    has: (path) => walk(doc, path).exact
  }
}

interface Walked {
  /** The deepest node reached. */
  node: YamlNode | null
  /** The key node of the last step, when the last step was into a mapping. */
  keyNode: YamlNode | null
  /** Whether the whole path was found. */
  exact: boolean
}

function walk(doc: Document, path: readonly PropertyKey[]): Walked {
  let node = (doc.contents as YamlNode | null) ?? null
  let keyNode: YamlNode | null = null
  for (const step of path) {
    if (isMap(node)) {
      const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === String(step))
      if (!pair) return { node, keyNode: null, exact: false }
      keyNode = pair.key as YamlNode
      // `key:` with nothing after it has a null value node: point at the key.
      node = (pair.value as YamlNode | null) ?? keyNode
    } else if (isSeq(node) && typeof step === 'number') {
      const item = node.items[step] as YamlNode | undefined
      if (!item) return { node, keyNode: null, exact: false }
      keyNode = null
      node = item
    } else {
      return { node, keyNode: null, exact: false }
    }
  }
  return { node, keyNode, exact: true }
}

/** Adds a zod error's issues to `problems`, each at the line of the node it is about. */
export function addSchemaProblems(parsed: ParsedYaml, error: z.ZodError, problems: ProblemList, expectedKeys: string): void {
  for (const issue of error.issues) {
    const path = issue.path as PropertyKey[]
    const field = path.map(String).join('.')
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        const where = field ? ` in ${field}` : ''
        const hint = field ? '' : ` — expected ${expectedKeys}`
        problems.add(parsed.file, parsed.placeOfKey([...path, key]), `unknown key "${key}"${where}${hint}`)
      }
      continue
    }
    if (path.length > 0 && !parsed.has(path) && issue.code === 'invalid_type') {
      problems.add(parsed.file, parsed.placeOf(path), `${field} is missing (expected ${issue.expected})`)
      continue
    }
    problems.add(parsed.file, parsed.placeOf(path), field ? `${field}: ${issue.message}` : issue.message)
  }
}

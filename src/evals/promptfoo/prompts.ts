import type { MessageTemplate } from '../../core/schemas/workspace'
import { convertNunjucks } from './nunjucks-template'

/** Reads a file named by the config, relative to the config's folder; throws a clear error when missing. */
export type ReadConfigFile = (relativePath: string) => string

export interface PromptVariant {
  label: string
  messages: MessageTemplate[]
}

export interface Unsupported {
  /** Where in the config, e.g. `prompts[2]` or `tests[4].assert[0]`. */
  where: string
  what: string
}

const ROLES = new Set(['system', 'user', 'assistant'])
const CODE_FILE = /\.(js|cjs|mjs|ts|py)(:.*)?$/i

/**
 * promptfoo `prompts` → prompt variants. Accepts inline text, a JSON chat array (inline or in a .json file),
 * text files (.txt/.md/.j2, several prompts split by a line of `---`), .jsonl (one chat array per line), objects
 * `{ id|raw|file, label }` and the `{ 'file://…': label }` map form. Code prompts (.js/.py) are reported, not run.
 */
export function parsePrompts(input: unknown, read: ReadConfigFile, unsupported: Unsupported[]): PromptVariant[] {
  const entries: Array<{ where: string; source: string; label?: string }> = []
  if (typeof input === 'string') entries.push({ where: 'prompts', source: input })
  else if (Array.isArray(input)) {
    input.forEach((entry, i) => {
      const where = `prompts[${i}]`
      if (typeof entry === 'string') entries.push({ where, source: entry })
      else if (entry && typeof entry === 'object') {
        const o = entry as Record<string, unknown>
        const source = typeof o.raw === 'string' ? o.raw : typeof o.file === 'string' ? o.file : typeof o.id === 'string' ? o.id : null
        if (source === null) unsupported.push({ where, what: 'a prompt object without raw, file or id' })
        else entries.push({ where, source, ...(typeof o.label === 'string' ? { label: o.label } : {}) })
        for (const key of Object.keys(o)) if (!['raw', 'file', 'id', 'label'].includes(key)) unsupported.push({ where: `${where}.${key}`, what: `prompt option "${key}"` })
      } else unsupported.push({ where, what: 'a prompt that is neither text nor an object' })
    })
  } else if (input && typeof input === 'object') {
    for (const [source, label] of Object.entries(input as Record<string, unknown>)) {
      entries.push({ where: `prompts["${source}"]`, source, ...(typeof label === 'string' ? { label } : {}) })
    }
  } else {
    unsupported.push({ where: 'prompts', what: 'no prompts (expected a list of prompts)' })
  }

  const variants: PromptVariant[] = []
  for (const entry of entries) {
    for (const [n, found] of expand(entry.source, entry.where, read, unsupported).entries()) {
      const converted = found.messages.map((m) => {
        const c = convertNunjucks(m.content)
        for (const what of c.unsupported) unsupported.push({ where: entry.where, what: `template construct ${what}` })
        return { role: m.role, content: c.template }
      })
      const label = entry.label ?? found.label ?? `Prompt ${variants.length + 1}`
      variants.push({ label: n > 0 && entry.label ? `${entry.label} (${n + 1})` : label, messages: converted })
    }
  }
  return variants
}

function expand(source: string, where: string, read: ReadConfigFile, unsupported: Unsupported[]): Array<{ label?: string; messages: MessageTemplate[] }> {
  if (!source.startsWith('file://')) return [{ messages: messagesOf(source, where, unsupported) }]
  const path = source.slice('file://'.length)
  if (CODE_FILE.test(path)) {
    unsupported.push({ where, what: `code prompt ${source} (Switchyard does not run prompt functions; paste the prompt text instead)` })
    return []
  }
  if (/[*?[\]{}]/.test(path)) {
    unsupported.push({ where, what: `glob ${source} (name each prompt file)` })
    return []
  }
  const text = read(path)
  if (/\.jsonl$/i.test(path)) {
    return text
      .split(/\r?\n/)
      .map((line, i) => ({ line: line.trim(), i }))
      .filter(({ line }) => line !== '')
      .map(({ line, i }) => ({ label: `${path}:${i + 1}`, messages: messagesOf(line, `${where} (${path}:${i + 1})`, unsupported) }))
  }
  if (/\.json$/i.test(path)) return [{ label: path, messages: messagesOf(text, `${where} (${path})`, unsupported) }]
  const parts = text.split(/^---$/m).map((p) => p.trim()).filter((p) => p !== '')
  return parts.map((part, i) => ({ label: parts.length > 1 ? `${path} #${i + 1}` : path, messages: messagesOf(part, where, unsupported) }))
}

/** Inline text, or a JSON chat array `[{ role, content }]` (promptfoo's chat format). */
function messagesOf(text: string, where: string, unsupported: Unsupported[]): MessageTemplate[] {
  const trimmed = text.trim()
  if (trimmed.startsWith('[')) {
    let parsed: unknown
    try {
      parsed = JSON.parse(trimmed)
    } catch {
      parsed = undefined
    }
    if (Array.isArray(parsed) && parsed.every((m) => m && typeof m === 'object' && typeof (m as { role?: unknown }).role === 'string')) {
      const messages: MessageTemplate[] = []
      for (const m of parsed as Array<{ role: string; content?: unknown }>) {
        if (!ROLES.has(m.role)) {
          unsupported.push({ where, what: `chat message role "${m.role}" (Switchyard templates use system, user and assistant)` })
          continue
        }
        if (typeof m.content !== 'string') {
          unsupported.push({ where, what: `a ${m.role} message whose content is not text` })
          continue
        }
        messages.push({ role: m.role as MessageTemplate['role'], content: m.content })
      }
      return messages
    }
  }
  return [{ role: 'user', content: text }]
}

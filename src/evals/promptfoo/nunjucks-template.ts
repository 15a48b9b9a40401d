/**
 * promptfoo prompts are Nunjucks templates; ours are a small Mustache-like syntax (src/core/templating.ts). This
 * converts what maps exactly and names everything else, so nothing is silently changed:
 *
 *   {{ name }}                      → {{name}}
 *   {{ name | dump }} / tojson      → {{name | json}}
 *   {% if name %}…{% endif %}       → {{#name}}…{{/name}}
 *   {% if not name %}…{% endif %}   → {{^name}}…{{/name}}
 *
 * Anything else — other filters, dotted paths, else branches, loops, expressions — is reported as unsupported and
 * left in the text as it was.
 */

export interface ConvertedTemplate {
  template: string
  /** Each unsupported construct once, as written. */
  unsupported: string[]
}

const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/
const JSON_FILTERS = new Set(['dump', 'tojson', 'json'])

export function convertNunjucks(source: string): ConvertedTemplate {
  const unsupported = new Set<string>()
  const open: string[] = []
  let out = ''
  let last = 0
  const TAG = /\{\{-?([\s\S]*?)-?\}\}|\{%-?([\s\S]*?)-?%\}|\{#[\s\S]*?#\}/g
  for (const match of source.matchAll(TAG)) {
    out += source.slice(last, match.index)
    last = match.index + match[0].length
    const whole = match[0]
    if (whole.startsWith('{#')) continue // a Nunjucks comment renders as nothing
    if (match[1] !== undefined) {
      const converted = convertOutput(match[1].trim())
      if (converted === null) {
        unsupported.add(whole)
        out += whole
      } else out += converted
      continue
    }
    const statement = (match[2] ?? '').trim()
    const ifMatch = /^if\s+(not\s+)?([A-Za-z_][A-Za-z0-9_]*)$/.exec(statement)
    if (ifMatch) {
      const name = ifMatch[2] as string
      open.push(name)
      out += `{{${ifMatch[1] ? '^' : '#'}${name}}}`
    } else if (statement === 'endif' && open.length > 0) {
      out += `{{/${open.pop()}}}`
    } else {
      unsupported.add(whole)
      out += whole
    }
  }
  out += source.slice(last)
  if (open.length > 0) unsupported.add(`{% if ${open.join(' / ')} %} without {% endif %}`)
  return { template: out, unsupported: [...unsupported] }
}

function convertOutput(expression: string): string | null {
  const [head = '', ...filters] = expression.split('|').map((part) => part.trim())
  if (!NAME.test(head)) return null
  if (filters.length === 0) return `{{${head}}}`
  if (filters.length === 1 && JSON_FILTERS.has(filters[0] as string)) return `{{${head} | json}}`
  return null
}

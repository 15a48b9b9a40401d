import { AppError } from './errors'

/**
 * Prompt templates: `{{name}}` inserts a variable (spaces inside the braces are allowed). Strings go in as they
 * are, numbers and booleans as text, objects and arrays as JSON. `\{{` writes a literal `{{`. A variable the
 * template names but the caller does not supply is an error before any call is made.
 */
const VARIABLE = /(\\?)\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}/g

export function templateVariables(text: string): string[] {
  const names = new Set<string>()
  for (const match of text.matchAll(VARIABLE)) if (!match[1]) names.add(match[2]!)
  return [...names]
}

function valueText(value: unknown): string {
  if (typeof value === 'string') return value
  if (typeof value === 'number' || typeof value === 'boolean') return String(value)
  return JSON.stringify(value)
}

export function renderTemplate(text: string, vars: Readonly<Record<string, unknown>>): string {
  const missing = templateVariables(text).filter((name) => vars[name] === undefined || vars[name] === null)
  if (missing.length) {
    throw new AppError(
      'VALIDATION_FAILED',
      `Missing ${missing.length === 1 ? 'variable' : 'variables'} ${missing.map((m) => `{{${m}}}`).join(', ')}: give ${missing.length === 1 ? 'it a value' : 'them values'} in the variables panel.`,
      missing.map((name) => ({ path: `variables.${name}`, message: 'required by the template' }))
    )
  }
  return text.replace(VARIABLE, (whole, escape: string, name: string) => (escape ? whole.slice(1) : valueText(vars[name])))
}

export interface TemplateMessage {
  role: 'system' | 'user' | 'assistant'
  content: string
}

/** Renders every message; reports every missing variable across all messages at once. */
export function renderMessages(messages: readonly TemplateMessage[], vars: Readonly<Record<string, unknown>>): TemplateMessage[] {
  const names = new Set(messages.flatMap((m) => templateVariables(m.content)))
  const missing = [...names].filter((name) => vars[name] === undefined || vars[name] === null)
  if (missing.length) renderTemplate(missing.map((m) => `{{${m}}}`).join(''), vars)
  return messages.map((m) => ({ role: m.role, content: renderTemplate(m.content, vars) }))
}

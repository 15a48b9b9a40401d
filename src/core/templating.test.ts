import { describe, expect, it } from 'vitest'
import { AppError } from './errors'
import { renderMessages, renderProblem, renderTemplate, templateVariableUses, templateVariables, type TemplateMessage } from './templating'

describe('templating', () => {
  it('lists the variables a template names, once each, ignoring escaped braces', () => {
    expect(templateVariables('Hi {{name}}, {{ name }} from {{city}}; \\{{literal}}')).toEqual(['name', 'city'])
  })

  it('inserts strings as they are, numbers and booleans as text, objects as JSON', () => {
    expect(renderTemplate('{{a}}|{{b}}|{{c}}|{{d}}', { a: 'x y', b: 3.5, c: false, d: { k: [1, 2] } })).toBe('x y|3.5|false|{"k":[1,2]}')
  })

  it('keeps an escaped \\{{ as literal braces', () => {
    expect(renderTemplate('use \\{{name}} for {{name}}', { name: 'Ada' })).toBe('use {{name}} for Ada')
  })

  it('names every missing variable before any call is made', () => {
    const error = (() => {
      try {
        renderMessages([{ role: 'system', content: '{{tone}}' }, { role: 'user', content: '{{ticket}} {{tone}}' }], { tone: null })
      } catch (e) {
        return e
      }
    })()
    expect(error).toBeInstanceOf(AppError)
    expect((error as AppError).code).toBe('VALIDATION_FAILED')
    expect((error as AppError).message).toMatch(/\{\{tone\}\}, \{\{ticket\}\}/)
    expect((error as AppError).issues?.map((i) => i.path)).toEqual(['variables.tone', 'variables.ticket'])
  })

  it('renderProblem names the same problem renderMessages throws, and null when the variables render', () => {
    const cases: Array<[TemplateMessage[], Record<string, unknown>]> = [
      [[{ role: 'system', content: '{{tone}}' }, { role: 'user', content: '{{ticket}} {{tone}}' }], { tone: null }],
      [[{ role: 'user', content: '{{#items}}{{name}}' }], { items: [1] }],
      [[{ role: 'user', content: 'Ticket {{ticket}}{{#vip}} (VIP){{/vip}}' }], { ticket: 7 }]
    ]
    for (const [messages, vars] of cases) {
      let thrown: unknown = null
      try {
        renderMessages(messages, vars)
      } catch (e) {
        thrown = e
      }
      const problem = renderProblem(messages, vars)
      expect(problem?.message ?? null).toBe(thrown instanceof Error ? thrown.message : null)
    }
    expect(renderProblem(cases[0]![0], cases[0]![1])?.message).toMatch(/\{\{tone\}\}, \{\{ticket\}\}/)
    expect(renderProblem(cases[1]![0], cases[1]![1])?.message).toMatch(/never closed/)
    expect(renderProblem(cases[2]![0], { ticket: 7 })).toBeNull()
  })
})

describe('template sections and JSON embedding', () => {
  it('keeps an optional section only when its variable has a value, and an inverted one otherwise', () => {
    const t = 'Ticket: {{ticket}}{{#tier}} (tier {{tier}}){{/tier}}{{^tier}} (no tier){{/tier}}'
    expect(renderTemplate(t, { ticket: 'A', tier: 'pro' })).toBe('Ticket: A (tier pro)')
    for (const empty of [undefined, null, '', false, []]) expect(renderTemplate(t, { ticket: 'A', tier: empty })).toBe('Ticket: A (no tier)')
  })

  it('treats variables used only inside sections as optional', () => {
    expect(templateVariableUses('{{a}} {{#b}}{{b}} {{c}}{{/b}}')).toEqual([
      { name: 'a', required: true },
      { name: 'b', required: false },
      { name: 'c', required: false }
    ])
    expect(renderTemplate('{{a}}{{#b}}[{{c}}]{{/b}}', { a: 'x' })).toBe('x')
    expect(() => renderTemplate('{{a}}{{#b}}[{{c}}]{{/b}}', {})).toThrow(/\{\{a\}\}/)
  })

  it('embeds any value as JSON with | json, safe inside a JSON document', () => {
    expect(renderTemplate('{"q": {{q | json}}, "n": {{n|json}}, "o": {{o | json}}}', { q: 'say "hi"\n', n: 3, o: { a: [1] } })).toBe(
      '{"q": "say \\"hi\\"\\n", "n": 3, "o": {"a":[1]}}'
    )
  })

  it('reports unbalanced sections with the fix', () => {
    expect(() => renderTemplate('{{#a}}x', { a: 1 })).toThrow(/never closed: add \{\{\/a\}\}/)
    expect(() => renderTemplate('{{#a}}x{{/b}}', { a: 1 })).toThrow(/closes \{\{#a\}\}/)
    expect(() => renderTemplate('x{{/b}}', {})).toThrow(/closes no open section/)
  })
})

describe('listing variables while typing', () => {
  it('never throws on an unfinished template', () => {
    expect(templateVariables('{{#tier}} {{tier}} and {{ticket}}')).toEqual(['tier', 'ticket'])
    expect(templateVariables('{{a}}{{/b}}')).toEqual(['a'])
  })
})

import { describe, expect, it } from 'vitest'
import { AppError } from './errors'
import { renderMessages, renderTemplate, templateVariables } from './templating'

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
})

import { describe, expect, it } from 'vitest'
import { contractValidationError, validateContractBody, variablesFromTemplate } from './contract-validation'
import type { VariableSpec } from './schemas/workspace'

const v = (name: string, extra: Partial<VariableSpec> = {}): VariableSpec => ({ name, type: 'string', description: '', required: true, ...extra })
const body = (contents: string[], variables: VariableSpec[]) => ({
  messages: contents.map((content, i) => ({ role: i === 0 ? ('system' as const) : ('user' as const), content })),
  variables
})

describe('validateContractBody', () => {
  it('finds nothing wrong in a consistent body', () => {
    expect(validateContractBody(body(['You triage tickets.', 'Tier: {{tier}}\n{{ticket}}{{#note}} Note: {{note}}{{/note}}'], [v('ticket'), v('tier'), v('note', { required: false })]))).toEqual([])
  })

  it('names the message and the variable when the template uses an undeclared one, with the fix', () => {
    const problems = validateContractBody(body(['Be brief.', 'Summarise {{text}} for {{audience}}'], [v('text')]))
    expect(problems).toEqual([
      {
        path: 'messages.1.content',
        severity: 'error',
        message: 'Message 2 (user) uses {{audience}}, which is not a declared variable: add "audience" to the variables (or press "Add from template"), or correct the name in the template.'
      }
    ])
  })

  it('refuses no message and empty messages', () => {
    expect(validateContractBody(body([], []))).toEqual([expect.objectContaining({ path: 'messages', severity: 'error', message: expect.stringMatching(/no message: add at least one/) })])
    expect(validateContractBody(body(['  '], []))).toEqual([
      expect.objectContaining({ path: 'messages.0.content', severity: 'error', message: 'Message 1 (system) is empty: write its template or remove the message.' })
    ])
  })

  it('reports an unclosed section as a template error in its message', () => {
    const [problem] = validateContractBody(body(['{{#a}}open'], [v('a', { required: false })]))
    expect(problem).toMatchObject({ path: 'messages.0.content', severity: 'error', message: expect.stringMatching(/^Message 1 \(system\): \{\{#a\}\} is never closed: add \{\{\/a\}\}/) })
  })

  it('refuses a variable declared twice, naming both rows', () => {
    const problems = validateContractBody(body(['{{x}}'], [v('x'), v('y'), v('x')]))
    expect(problems).toContainEqual({ path: 'variables.2.name', severity: 'error', message: 'Variable "x" is declared twice (rows 1 and 3): rename or remove one of them.' })
  })

  it('checks examples against their type', () => {
    const problems = validateContractBody(
      body(['{{n}} {{b}} {{j}} {{s}}'], [v('n', { type: 'number', example: 'ten' }), v('b', { type: 'boolean', example: 'yes' }), v('j', { type: 'json', example: '{a:1}' }), v('s', { example: 'anything' })])
    )
    expect(problems.map((p) => [p.path, p.severity])).toEqual([
      ['variables.0.example', 'error'],
      ['variables.1.example', 'error'],
      ['variables.2.example', 'error']
    ])
    expect(problems[0]!.message).toMatch(/The example of "n" \(type number\) is not a number: write digits/)
    expect(validateContractBody(body(['{{n}} {{j}}'], [v('n', { type: 'number', example: '0.5' }), v('j', { type: 'json', example: '{"a":1}' })]))).toEqual([])
  })

  it('warns about an unused variable and an optional one the template needs', () => {
    const problems = validateContractBody(body(['{{a}}'], [v('a', { required: false }), v('unused')]))
    expect(problems).toEqual([
      expect.objectContaining({ path: 'variables.0.required', severity: 'warning', message: expect.stringMatching(/marked optional.*mark it required, or wrap that use in \{\{#a\}\}…\{\{\/a\}\}/) }),
      expect.objectContaining({ path: 'variables.1.name', severity: 'warning', message: expect.stringMatching(/"unused" is declared but no message uses it/) })
    ])
  })

  it('refuses a candidate listed twice and warns about odd fallbacks', () => {
    const swift = { providerId: 'p', modelId: 'swift' }
    const problems = validateContractBody({ ...body(['hi'], []), candidates: [swift, { providerId: 'p', modelId: 'deep' }, swift], fallback: { retries: 1, timeoutMs: 1000, fallbacks: [swift] } })
    expect(problems).toEqual([
      expect.objectContaining({ path: 'candidates.2', severity: 'error', message: 'Candidate p/swift is listed twice: remove the second one.' }),
      expect.objectContaining({ path: 'fallback.fallbacks.0', severity: 'warning' })
    ])
  })
})

describe('contractValidationError', () => {
  it('is null without errors (warnings pass) and VALIDATION_FAILED with every error as an issue otherwise', () => {
    expect(contractValidationError([{ path: 'variables.0.name', severity: 'warning', message: 'w' }])).toBeNull()
    const error = contractValidationError([
      { path: 'messages.0.content', severity: 'error', message: 'First.' },
      { path: 'variables.1.name', severity: 'error', message: 'Second.' }
    ])
    expect(error?.code).toBe('VALIDATION_FAILED')
    expect(error?.message).toBe('The contract was not saved: First. (and 1 more problem)')
    expect(error?.issues).toEqual([
      { path: 'body.messages.0.content', message: 'First.' },
      { path: 'body.variables.1.name', message: 'Second.' }
    ])
  })
})

describe('variablesFromTemplate', () => {
  it('adds the missing variables in order of use, optional when used only inside sections', () => {
    const messages = [
      { role: 'system' as const, content: 'Tone: {{tone}}' },
      { role: 'user' as const, content: '{{text}}{{#ctx}} Context: {{ctx}}{{/ctx}}{{tone}}' }
    ]
    expect(variablesFromTemplate(messages, [v('text')])).toEqual([
      { name: 'tone', type: 'string', description: '', required: true },
      { name: 'ctx', type: 'string', description: '', required: false }
    ])
  })
})

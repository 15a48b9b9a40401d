import { describe, expect, it } from 'vitest'
import { formBaseUrl, formOptions, optionText } from './provider-form'

describe('provider form', () => {
  it('requires the Azure API version and checks header lines', () => {
    expect(formOptions({ kind: 'azure-openai', name: 'Azure', baseUrl: '', options: { resourceName: 'r' } }).problems).toEqual(['API version is required'])
    const headers = formOptions({ kind: 'ollama', name: 'O', baseUrl: '', options: { headers: 'X-A: 1\nbroken' } })
    expect(headers.problems).toEqual(['Extra headers: line 2 is not "Name: value"'])
  })

  it('uses the default base URL only where the kind needs one', () => {
    expect(formBaseUrl({ kind: 'ollama', name: 'O', baseUrl: '', options: {} })).toBe('http://127.0.0.1:11434/v1')
    expect(formBaseUrl({ kind: 'openai', name: 'O', baseUrl: '', options: {} })).toBeNull()
    expect(optionText({ 'X-A': '1', 'X-B': '2' })).toBe('X-A: 1\nX-B: 2')
  })
})

import { describe, expect, it } from 'vitest'
import { parsePrompts, type Unsupported } from './prompts'

const files: Record<string, string> = {
  'prompts/a.txt': 'Translate to {{ language }}: {{input}}\n---\nSay {{input}} in {{language}}.',
  'chat.json': JSON.stringify([{ role: 'system', content: 'You are terse.' }, { role: 'user', content: '{{question}}' }]),
  'many.jsonl': '[{"role":"user","content":"one {{x}}"}]\n\n[{"role":"user","content":"two {{x}}"}]\n'
}
const read = (path: string): string => {
  const text = files[path]
  if (text === undefined) throw new Error(`${path}: no such file`)
  return text
}

describe('parsePrompts', () => {
  it('turns inline text, chat arrays, split text files and jsonl into variants', () => {
    const unsupported: Unsupported[] = []
    const variants = parsePrompts(
      ['Summarize: {{ text }}', 'file://prompts/a.txt', { id: 'file://chat.json', label: 'terse chat' }, 'file://many.jsonl', '[{"role":"system","content":"sys"},{"role":"user","content":"{{q}}"}]'],
      read,
      unsupported
    )
    expect(unsupported).toEqual([])
    expect(variants.map((v) => v.label)).toEqual(['Prompt 1', 'prompts/a.txt #1', 'prompts/a.txt #2', 'terse chat', 'many.jsonl:1', 'many.jsonl:3', 'Prompt 7'])
    expect(variants[0]?.messages).toEqual([{ role: 'user', content: 'Summarize: {{text}}' }])
    expect(variants[1]?.messages[0]?.content).toBe('Translate to {{language}}: {{input}}')
    expect(variants[3]?.messages).toEqual([
      { role: 'system', content: 'You are terse.' },
      { role: 'user', content: '{{question}}' }
    ])
    expect(variants[6]?.messages.map((m) => m.role)).toEqual(['system', 'user'])
  })

  it('accepts the map form and raw objects', () => {
    const unsupported: Unsupported[] = []
    const variants = parsePrompts({ 'file://chat.json': 'From file' }, read, unsupported)
    expect(variants.map((v) => v.label)).toEqual(['From file'])
    expect(parsePrompts([{ raw: 'Hi {{n}}', label: 'raw one' }], read, unsupported)).toEqual([{ label: 'raw one', messages: [{ role: 'user', content: 'Hi {{n}}' }] }])
  })

  it('lists code prompts, globs, odd roles and template constructs it cannot carry over', () => {
    const unsupported: Unsupported[] = []
    const variants = parsePrompts(
      ['file://prompt.py:make', 'file://prompts/*.txt', '[{"role":"tool","content":"x"},{"role":"user","content":"{{ a.b }}"}]', { label: 'no text' }],
      read,
      unsupported
    )
    expect(variants).toHaveLength(1)
    expect(unsupported).toEqual([
      { where: 'prompts[3]', what: 'a prompt object without raw, file or id' },
      { where: 'prompts[0]', what: expect.stringMatching(/code prompt file:\/\/prompt\.py:make/) },
      { where: 'prompts[1]', what: expect.stringMatching(/glob/) },
      { where: 'prompts[2]', what: expect.stringMatching(/role "tool"/) },
      { where: 'prompts[2]', what: 'template construct {{ a.b }}' }
    ])
  })

  it('a missing prompt file fails with its name', () => {
    expect(() => parsePrompts(['file://nope.txt'], read, [])).toThrow(/nope\.txt: no such file/)
  })
})

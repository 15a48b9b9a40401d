import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { readPromptfooConfig } from './read-config'

const dirs: string[] = []
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true })
})

function folder(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'switchyard-promptfoo-'))
  dirs.push(dir)
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true })
    fs.writeFileSync(path.join(dir, name), text)
  }
  return dir
}

const CONFIG = `description: Translation bot
prompts:
  - 'Translate to {{ language }}: {{ input }}'
  - file://prompts/chat.json
providers:
  - openai:gpt-4.1-mini
  - id: anthropic:messages:claude-sonnet-4-5
    label: sonnet
    config:
      temperature: 0
      max_tokens: 200
      apiBaseUrl: http://proxy
  - vertex:gemini-pro
defaultTest:
  vars:
    language: French
  assert:
    - type: latency
      threshold: 3000
    - type: python
      value: file://check.py
tests:
  - description: greeting
    vars:
      input: Hello
    assert:
      - type: icontains
        value: bonjour
      - type: rouge-n
        value: Bonjour
  - vars:
      input: file://long.txt
      language: German
    metadata:
      area: long
  - file://more.csv
  - file://more.yaml
evaluateOptions:
  repeat: 3
  maxConcurrency: 8
outputPath: out.html
`

describe('readPromptfooConfig', () => {
  it('reads prompts, providers, tests, defaultTest and options, listing what did not carry over', () => {
    const dir = folder({
      'promptfooconfig.yaml': CONFIG,
      'prompts/chat.json': JSON.stringify([{ role: 'system', content: 'Translate.' }, { role: 'user', content: '{{input}} → {{language}}' }]),
      'long.txt': 'A long text.',
      'more.csv': 'input,__expected\nGood night,icontains:nuit\n',
      'more.yaml': '- vars:\n    input: Thanks\n  assert:\n    - type: contains\n      value: merci\n'
    })
    const config = readPromptfooConfig(path.join(dir, 'promptfooconfig.yaml'))
    expect(config.description).toBe('Translation bot')
    expect(config.variants.map((v) => v.messages.length)).toEqual([1, 2])
    expect(config.variants[0]?.messages[0]?.content).toBe('Translate to {{language}}: {{input}}')
    expect(config.providers.map((p) => [p.mapped.kind, p.mapped.modelId, p.label])).toEqual([
      ['openai', 'gpt-4.1-mini', null],
      ['anthropic', 'claude-sonnet-4-5', 'sonnet']
    ])
    expect(config.providers[1]?.params).toEqual({ temperature: 0, maxTokens: 200 })
    expect(config.cases).toHaveLength(4)
    expect(config.cases[0]).toMatchObject({ vars: { language: 'French', input: 'Hello' }, notes: 'greeting', assertions: [{ type: 'icontains', value: 'bonjour' }] })
    expect(config.cases[1]).toMatchObject({ vars: { language: 'German', input: 'A long text.' }, tags: ['area:long'] })
    expect(config.cases[2]).toMatchObject({ vars: { language: 'French', input: 'Good night' }, assertions: [{ type: 'icontains', value: 'nuit' }] })
    expect(config.cases[3]).toMatchObject({ vars: { input: 'Thanks' }, assertions: [{ type: 'contains', value: 'merci' }] })
    expect(config.defaultAssertions).toEqual([{ type: 'latency', threshold: 3000 }])
    expect(config).toMatchObject({ repeats: 3, concurrency: 8, cache: null })
    const listed = config.unsupported.map((u) => `${u.where}: ${u.what}`)
    expect(listed).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^outputPath: /),
        expect.stringMatching(/^providers\[1\]\.config\.apiBaseUrl: provider setting "apiBaseUrl"/),
        expect.stringMatching(/^providers\[2\]: provider vertex:gemini-pro: Vertex AI/),
        expect.stringMatching(/^defaultTest\.assert\[1\]: assertion "python"/),
        expect.stringMatching(/^tests\[0\]\.assert\.?\[1\]: assertion "rouge-n"/)
      ])
    )
    expect(listed).toHaveLength(5)
  })

  it('names the line of a YAML error', () => {
    const dir = folder({ 'promptfooconfig.yaml': 'prompts:\n  - "ok"\nproviders: [openai:gpt-4o\n' })
    expect(() => readPromptfooConfig(path.join(dir, 'promptfooconfig.yaml'))).toThrow(/promptfooconfig\.yaml:\d+:\d+: not valid YAML/)
  })

  it('names a referenced file that is missing, and refuses files outside the folder', () => {
    const dir = folder({ 'a.yaml': 'prompts: [file://missing.txt]\n', 'b.yaml': 'prompts: [file://../../etc/passwd]\n' })
    expect(() => readPromptfooConfig(path.join(dir, 'a.yaml'))).toThrow(/file:\/\/missing\.txt, which cannot be read \(ENOENT\)/)
    expect(() => readPromptfooConfig(path.join(dir, 'b.yaml'))).toThrow(/points outside the config's folder/)
  })

  it('refuses a config without prompts', () => {
    const dir = folder({ 'c.yaml': 'providers: [openai:gpt-4o]\n' })
    expect(() => readPromptfooConfig(path.join(dir, 'c.yaml'))).toThrow(/no prompt could be read/)
  })
})

import { describe, expect, it } from 'vitest'
import { ContractFile, CONTRACT_KEYS } from './file-schemas'
import { ProblemList, formatProblem } from './problems'
import { addSchemaProblems, parseYamlFile, renderYaml } from './yaml-file'

function parse(text: string) {
  const problems = new ProblemList()
  const parsed = parseYamlFile(text, 'contracts/x.yaml', problems)
  return { parsed, problems }
}

function schemaProblems(text: string): string[] {
  const { parsed, problems } = parse(text)
  if (!parsed) throw new Error('expected valid YAML')
  const result = ContractFile.safeParse(parsed.value)
  if (result.success) return []
  addSchemaProblems(parsed, result.error, problems, CONTRACT_KEYS)
  return problems.list().map((p) => formatProblem(p))
}

describe('rendering', () => {
  it('writes one stable form: no folding, literal blocks for multi-line text, quotes where YAML would misread', () => {
    const text = renderYaml({
      name: 'Triage',
      long: 'word '.repeat(40).trim(),
      multi: 'line one\nline two\n',
      exact: 'no final newline\nhere',
      looksLikeBool: 'true',
      looksLikeNumber: '0.5',
      colon: 'a: b',
      unicode: 'é ü 中文 😀',
      nothing: null,
      list: [],
      map: {}
    })
    expect(text).toBe(
      [
        'name: Triage',
        `long: ${'word '.repeat(40).trim()}`,
        'multi: |',
        '  line one',
        '  line two',
        'exact: |-',
        '  no final newline',
        '  here',
        'looksLikeBool: "true"',
        'looksLikeNumber: "0.5"',
        'colon: "a: b"',
        'unicode: é ü 中文 😀',
        'nothing: null',
        'list: []',
        'map: {}',
        ''
      ].join('\n')
    )
    expect(text.endsWith('\n')).toBe(true)
    expect(text).not.toContain('\r')
  })

  it('reads back exactly what it wrote, tricky strings included', () => {
    const value = {
      a: '  leading spaces\nand trailing  \n\n',
      b: 'tab\tand "quotes" and \\ backslash',
      c: '# not a comment',
      d: '- not a list',
      e: 'line\r\nwith CR',
      f: '',
      g: 1e-7,
      h: 0.1 + 0.2,
      i: ['x', { y: [1, 2] }]
    }
    const { parsed, problems } = parse(renderYaml(value))
    expect(problems.total).toBe(0)
    expect(parsed?.value).toEqual(value)
  })
})

describe('parsing with places', () => {
  it('reports a syntax error at its line and column, without the code excerpt', () => {
    const { parsed, problems } = parse('name: x\nmessages:\n  - role: user\n    content: [unclosed\ndescription: y\n')
    expect(parsed).toBeNull()
    const [first] = problems.list()
    expect(first).toMatchObject({ file: 'contracts/x.yaml', line: expect.any(Number), column: expect.any(Number) })
    expect(first!.line).toBeGreaterThanOrEqual(4)
    expect(first!.message).toMatch(/^YAML syntax: /)
    expect(first!.message).not.toMatch(/\n/)
  })

  it('reports a duplicate key', () => {
    const { problems } = parse('name: a\nname: b\n')
    expect(problems.list()[0]).toMatchObject({ line: 2, column: 1, message: expect.stringMatching(/unique/) })
  })

  it('puts a schema error at the line of the offending node', () => {
    const text = ['name: Triage', 'messages:', '  - role: user', '    content: hi', '  - role: robot', '    content: hello', 'params:', '  temperature: hot', ''].join('\n')
    expect(schemaProblems(text)).toEqual([
      expect.stringMatching(/^contracts\/x\.yaml:5:11: messages\.1\.role: /),
      expect.stringMatching(/^contracts\/x\.yaml:8:16: params\.temperature: .*number/)
    ])
  })

  it('names a missing key at its parent and an unknown key where it is written', () => {
    expect(schemaProblems('messages:\n  - role: user\n    content: hi\nmesages: []\n')).toEqual([
      'contracts/x.yaml:1:1: name is missing (expected string)',
      `contracts/x.yaml:4:1: unknown key "mesages" — expected ${CONTRACT_KEYS}`
    ])
  })

  it('points at a bad model reference in a list', () => {
    const problems = schemaProblems('name: x\nmessages:\n  - role: user\n    content: hi\ncandidates:\n  - local-emulator/emu-swift\n  - emu-steady\n')
    expect(problems).toEqual([expect.stringMatching(/^contracts\/x\.yaml:7:5: candidates\.1: "emu-steady" is not a model reference/)])
  })
})

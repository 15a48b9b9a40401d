import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import OpenAI from 'openai'
import { afterAll, describe, expect, it } from 'vitest'
import { EMULATOR_MODELS } from './models'
import { EmulatorProfileError, loadEmulatorProfileFile, parseEmulatorProfileText } from './profile'
import { startEmulator } from './server'

const dir = mkdtempSync(join(tmpdir(), 'switchyard-emu-profile-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

function writeProfile(name: string, text: string): string {
  const path = join(dir, name)
  writeFileSync(path, text)
  return path
}

function loadError(path: string): EmulatorProfileError {
  try {
    loadEmulatorProfileFile(path)
  } catch (error) {
    expect(error).toBeInstanceOf(EmulatorProfileError)
    return error as EmulatorProfileError
  }
  throw new Error('expected loadEmulatorProfileFile to throw')
}

describe('emulator profile files', () => {
  it('adds a model from a valid YAML file and serves it', async () => {
    const path = writeProfile(
      'good.yaml',
      [
        'models:',
        '  - id: my-sluggish',
        '    extends: emu-deep',
        '    displayName: My sluggish model',
        '    latency:',
        '      ttftMs: 25',
        '      tokensPerSecond: 0',
        '    prices: { inputPerMTok: 2.5, outputPerMTok: 10 }',
        '  - id: emu-swift',
        '    failure:',
        '      mix:',
        '        - { kind: rate_limit, probability: 1, retryAfterSeconds: 7 }',
        ''
      ].join('\n')
    )
    const models = loadEmulatorProfileFile(path)
    expect(models).toHaveLength(EMULATOR_MODELS.length + 1)
    const added = models.find((m) => m.id === 'my-sluggish')
    expect(added).toMatchObject({
      displayName: 'My sluggish model',
      contextWindow: 1_000_000,
      inputPricePerMTok: 2.5,
      outputPricePerMTok: 10,
      latency: { ttftMs: { median: 25, p95: 25 }, tokensPerSecond: 0, jitterMs: 8 }
    })
    const swift = models.find((m) => m.id === 'emu-swift')
    expect(swift?.failure.mix).toEqual([{ kind: 'rate_limit', probability: 1, retryAfterSeconds: 7 }])
    expect(swift?.displayName).toBe('Emulator Swift')
    expect(EMULATOR_MODELS.find((m) => m.id === 'emu-swift')?.failure.mix).toEqual([]) // built-ins untouched

    const emu = await startEmulator({ models })
    try {
      const client = new OpenAI({ baseURL: `${emu.url}/v1`, apiKey: 'k', maxRetries: 0 })
      const completion = await client.chat.completions.create({ model: 'my-sluggish', messages: [{ role: 'user', content: 'hi' }] })
      expect(completion.model).toBe('my-sluggish')
      const limited = await client.chat.completions.create({ model: 'emu-swift', messages: [{ role: 'user', content: 'hi' }] }).catch((e: unknown) => e)
      expect((limited as InstanceType<typeof OpenAI.RateLimitError>).headers?.get('retry-after')).toBe('7')
      const catalogue = (await (await fetch(`${emu.url}/_emulator/models`)).json()) as { models: Array<{ id: string }> }
      expect(catalogue.models.map((m) => m.id)).toContain('my-sluggish')
    } finally {
      await emu.close()
    }
  })

  it('accepts JSON profiles too', () => {
    const path = writeProfile('good.json', JSON.stringify({ models: [{ id: 'json-model', latency: { ttftMs: { median: 10, p95: 30 } } }] }))
    const model = loadEmulatorProfileFile(path).find((m) => m.id === 'json-model')
    expect(model?.latency).toEqual({ ttftMs: { median: 10, p95: 30 }, tokensPerSecond: 90, jitterMs: 4 }) // defaults from emu-steady
    expect(model?.description).toContain(path)
  })

  it('names the file, the field path and the fix for schema errors', () => {
    const path = writeProfile(
      'bad.yaml',
      ['models:', '  - id: broken-one', '    latency:', '      tokensPerSecond: fast', '    failure:', '      mix:', '        - { kind: explode, probability: 0.5 }', '    colour: red', ''].join('\n')
    )
    const error = loadError(path)
    expect(error.file).toBe(path)
    expect(error.message).toContain(path)
    const paths = error.issues.map((i) => i.path)
    expect(paths).toEqual(expect.arrayContaining(['models.0.latency.tokensPerSecond', 'models.0.failure.mix.0.kind', 'models.0']))
    const tps = error.issues.find((i) => i.path === 'models.0.latency.tokensPerSecond')
    expect(tps?.text).toMatch(/expected number, got string\. Fix: .*0 or null = unlimited/)
    const kind = error.issues.find((i) => i.path === 'models.0.failure.mix.0.kind')
    expect(kind?.text).toContain('Fix: use one of rate_limit, server_error')
    const unknown = error.issues.find((i) => i.path === 'models.0')
    expect(unknown?.text).toContain('unknown key "colour"')
    expect(unknown?.text).toContain('allowed keys here: id, extends')
  })

  it('reports YAML syntax errors with line numbers', () => {
    const path = writeProfile('syntax.yaml', 'models:\n  - id: a\n    latency: { ttftMs: 5\n  - id: b\n')
    const error = loadError(path)
    expect(error.message).toContain(`Cannot parse emulator profile ${path}`)
    expect(error.issues[0]?.text).toMatch(new RegExp(`${path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:\\d+:\\d+: YAML syntax error`))
  })

  it('rejects unknown extends targets, duplicate ids, p95 < median and probabilities over 1', () => {
    const cases: Array<[string, string, RegExp]> = [
      ['models: [{ id: x, extends: emu-nope }]', 'models.0.extends', /no model "emu-nope".*Fix: use one of emu-swift/],
      ['models: [{ id: x }, { id: x }]', 'models.1.id', /duplicate id/],
      ['models: [{ id: x, latency: { ttftMs: { median: 100, p95: 10 } } }]', 'models.0.latency.ttftMs.p95', /p95 >= median/],
      [
        'models: [{ id: x, failure: { mix: [{ kind: rate_limit, probability: 0.7 }, { kind: server_error, probability: 0.6 }] } }]',
        'models.0.failure.mix',
        /add up to more than 1/
      ],
      ['', '', /file is empty/],
      ['models: [{ id: "has space" }]', 'models.0.id', /letters, digits/]
    ]
    for (const [text, path, pattern] of cases) {
      let caught: unknown
      try {
        parseEmulatorProfileText(text, 'inline.yaml')
      } catch (error) {
        caught = error
      }
      expect(caught, text).toBeInstanceOf(EmulatorProfileError)
      const issue = (caught as EmulatorProfileError).issues.find((i) => i.path === path)
      expect(issue?.text, text).toMatch(pattern)
    }
  })

  it('reports a missing file clearly', () => {
    const error = loadError(join(dir, 'missing.yaml'))
    expect(error.message).toContain('missing.yaml')
    expect(error.message).toContain('--profile')
  })
})

import { describe, expect, it } from 'vitest'
import { assignSlugs, isOurFileName, modelRefText, nameKey, parseModelRefText, slugify } from './format'

describe('slugs', () => {
  it('turns names into lowercase, dash-joined file names, dropping accents and keeping other scripts', () => {
    expect(slugify('Support ticket triage', 'contract')).toBe('support-ticket-triage')
    expect(slugify('  Café — Crème brûlée!  ', 'contract')).toBe('cafe-creme-brulee')
    expect(slugify('A/B test: v2', 'contract')).toBe('a-b-test-v2')
    expect(slugify('客服分类', 'contract')).toBe('客服分类')
    expect(slugify('!!!', 'dataset')).toBe('dataset')
    expect(slugify('x'.repeat(100), 'contract')).toHaveLength(64)
  })

  it('gives colliding names -2, -3 in a fixed order, whatever order they come in', () => {
    const names = ['Triage!', 'triage', 'Triage', 'triage 2', 'Other']
    const slugs = assignSlugs(names, 'contract')
    expect(Object.fromEntries(slugs)).toEqual({
      Other: 'other',
      Triage: 'triage',
      'Triage!': 'triage-3',
      triage: 'triage-2',
      'triage 2': 'triage-2-2'
    })
    expect(Object.fromEntries(assignSlugs([...names].reverse(), 'contract'))).toEqual(Object.fromEntries(slugs))
    expect(new Set(slugs.values()).size).toBe(names.length)
  })
})

describe('names and model references', () => {
  it('folds ASCII case only, like SQLite NOCASE', () => {
    expect(nameKey('Support Triage')).toBe('support triage')
    expect(nameKey('Änderung')).toBe('Änderung')
  })

  it('writes a model reference as provider/model and reads it back, model ids with slashes included', () => {
    expect(modelRefText({ providerId: 'local-emulator', modelId: 'emu-swift' })).toBe('local-emulator/emu-swift')
    expect(parseModelRefText('openrouter/anthropic/claude-sonnet-4.5')).toEqual({ providerId: 'openrouter', modelId: 'anthropic/claude-sonnet-4.5' })
    expect(parseModelRefText('emu-swift')).toBeNull()
    expect(parseModelRefText('/emu-swift')).toBeNull()
    expect(parseModelRefText('local-emulator/')).toBeNull()
  })

  it('knows which files in our folders are ours', () => {
    expect(isOurFileName('contracts', 'a.yaml')).toBe(true)
    expect(isOurFileName('contracts', 'a.jsonl')).toBe(false)
    expect(isOurFileName('datasets', 'a.jsonl')).toBe(true)
    expect(isOurFileName('suites', 'README.md')).toBe(false)
  })
})

import { afterEach, describe, expect, it } from 'vitest'
import { Settings } from '../../core/schemas/app'
import { createTempSpace } from '../testing/temp-store'
import { okCall } from '../testing/fixtures'

const space = createTempSpace()
afterEach(() => space.cleanup())

function storeWithCall() {
  const store = space.open()
  const runId = store.runs.create({ kind: 'eval' })
  const callId = store.calls.insert(okCall(runId))
  return { store, runId, callId }
}

describe('scores', () => {
  it('records assertions on a call and lists them', () => {
    const { store, callId } = storeWithCall()
    const first = store.scores.insert({ callId, assertionType: 'is-json', pass: true, score: 1 })
    expect(first).toMatchObject({ callId, assertionType: 'is-json', pass: true, score: 1, weight: 1, reason: null, error: null })
    store.scores.insertMany([
      { callId, assertionType: 'json-path-equals', pass: false, score: 0, reason: 'expected billing, got bug', weight: 2 },
      { callId, assertionType: 'llm-rubric', pass: null, error: 'judge timed out' }
    ])
    const listed = store.scores.listByCall(callId)
    expect(listed.map((s) => [s.assertionType, s.pass])).toEqual([['is-json', true], ['json-path-equals', false], ['llm-rubric', null]])
    expect(listed[1]).toMatchObject({ reason: 'expected billing, got bug', weight: 2 })
  })

  it('NOT_FOUND for an unknown call, VALIDATION_FAILED for a bad score, nothing stored', () => {
    const { store, callId } = storeWithCall()
    expect(() => store.scores.insert({ callId: 'nope', assertionType: 'is-json', pass: true })).toThrow(
      expect.objectContaining({ code: 'NOT_FOUND', message: expect.stringContaining('Call "nope"') })
    )
    expect(() => store.scores.insertMany([{ callId, assertionType: 'a', pass: true }, { callId, assertionType: '', pass: true }])).toThrow(
      expect.objectContaining({ code: 'VALIDATION_FAILED', message: expect.stringContaining('1.assertionType') })
    )
    expect(() => store.scores.insertMany([{ callId, assertionType: 'a', pass: true }, { callId: 'gone', assertionType: 'b', pass: true }])).toThrow(
      expect.objectContaining({ code: 'NOT_FOUND' })
    )
    expect(store.scores.listByCall(callId)).toEqual([])
  })
})

describe('feedback', () => {
  it('records ratings and notes on a call', () => {
    const { store, callId } = storeWithCall()
    store.feedback.insert({ callId, rating: 1 })
    store.feedback.insert({ callId, note: 'summary too long' })
    expect(store.feedback.listByCall(callId).map((f) => [f.rating, f.note])).toEqual([[1, ''], [null, 'summary too long']])
  })

  it('NOT_FOUND for an unknown call, VALIDATION_FAILED when empty or out of range', () => {
    const { store, callId } = storeWithCall()
    expect(() => store.feedback.insert({ callId: 'nope', rating: -1 })).toThrow(expect.objectContaining({ code: 'NOT_FOUND' }))
    expect(() => store.feedback.insert({ callId })).toThrow(expect.objectContaining({ code: 'VALIDATION_FAILED', message: expect.stringMatching(/rating or a note/) }))
    expect(() => store.feedback.insert({ callId, rating: 5 as 1 })).toThrow(expect.objectContaining({ code: 'VALIDATION_FAILED' }))
    expect(store.feedback.listByCall(callId)).toEqual([])
  })

  it('scores and feedback go when their call is deleted with its run', () => {
    const { store, runId, callId } = storeWithCall()
    store.scores.insert({ callId, assertionType: 'is-json', pass: true })
    store.feedback.insert({ callId, rating: 0 })
    store.db.prepare('DELETE FROM run WHERE id = ?').run(runId)
    expect(store.scores.listByCall(callId)).toEqual([])
    expect(store.feedback.listByCall(callId)).toEqual([])
  })
})

const callPolicy = { retries: 2, connectTimeoutMs: 30_000, totalTimeoutMs: 300_000, maxRetryAfterMs: 60_000 }

describe('settings', () => {
  it('starts from defaults, updates a part and persists across reopen', () => {
    const store = space.open()
    expect(store.settings.get()).toEqual({ theme: 'system', allowUnencryptedKeys: false, callPolicy })
    expect(store.settings.update({ theme: 'dark' })).toEqual({ theme: 'dark', allowUnencryptedKeys: false, callPolicy })
    expect(store.settings.update({ callPolicy: { ...callPolicy, retries: 0 } }).callPolicy.retries).toBe(0)
    store.close()
    const again = space.open(store.path)
    expect(Settings.parse(again.settings.get())).toEqual({ theme: 'dark', allowUnencryptedKeys: false, callPolicy: { ...callPolicy, retries: 0 } })
  })

  it('rejects unknown keys and bad values; ignores a hand-broken stored value', () => {
    const store = space.open()
    expect(() => store.settings.update({ theme: 'purple' as 'dark' })).toThrow(expect.objectContaining({ code: 'VALIDATION_FAILED', message: expect.stringContaining('theme') }))
    expect(() => store.settings.update({ fontSize: 3 } as unknown as Partial<Settings>)).toThrow(expect.objectContaining({ code: 'VALIDATION_FAILED' }))
    store.db.prepare("INSERT INTO setting (key, value_json) VALUES ('allowUnencryptedKeys', '\"yes\"')").run()
    expect(store.settings.get()).toEqual({ theme: 'system', allowUnencryptedKeys: false, callPolicy })
  })
})

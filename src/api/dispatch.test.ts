import { describe, expect, it } from 'vitest'
import { OPERATION_NAMES } from '../core/api-contract'
import { AppError } from '../core/errors'
import { createDispatch, type Handlers } from './dispatch'

/** Handlers that answer the minimum valid response, to test the dispatcher itself. */
function handlers(overrides: Partial<Handlers> = {}): Handlers {
  const base = Object.fromEntries(OPERATION_NAMES.map((op) => [op, () => { throw new AppError('INTERNAL', `not used: ${op}`) }])) as unknown as Handlers
  return { ...base, ...overrides }
}

describe('createDispatch', () => {
  it('refuses an unknown operation with NOT_FOUND', async () => {
    const dispatch = createDispatch(handlers())
    await expect(dispatch('nope.verb', {})).rejects.toMatchObject({ code: 'NOT_FOUND', message: expect.stringContaining('nope.verb') })
  })

  it('names the bad field of an invalid request', async () => {
    const dispatch = createDispatch(handlers())
    const error = await dispatch('secrets.set', { providerId: 'p', key: 123 }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(AppError)
    expect(error).toMatchObject({ code: 'VALIDATION_FAILED', issues: [{ path: 'key' }] })
    expect((error as AppError).message).toMatch(/secrets\.set.*key/)
  })

  it('refuses unknown extra fields (strict requests)', async () => {
    const dispatch = createDispatch(handlers())
    await expect(dispatch('jobs.get', { jobId: 'j', extra: 1 })).rejects.toMatchObject({ code: 'VALIDATION_FAILED' })
  })

  it('fills request defaults and strips undeclared response fields', async () => {
    let seen: unknown
    const dispatch = createDispatch(
      handlers({
        'runs.list': (request) => {
          seen = request
          return []
        },
        'app.ping': () => ({ pong: true, at: 1, secret: 'sk-should-not-leave' }) as never
      })
    )
    await dispatch('runs.list', {})
    expect(seen).toEqual({ limit: 50, offset: 0 })
    expect(await dispatch('app.ping', undefined)).toEqual({ pong: true, at: 1 })
  })

  it('reports a handler response that breaks the contract as INTERNAL', async () => {
    const dispatch = createDispatch(handlers({ 'app.ping': () => ({ pong: false }) as never }))
    await expect(dispatch('app.ping', {})).rejects.toMatchObject({ code: 'INTERNAL' })
  })
})

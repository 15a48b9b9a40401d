import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { connectionOptions } from './native-binding'
import { openStore } from './open-store'
import { createTempSpace } from './testing/temp-store'

const require = createRequire(import.meta.url)
const nodeBuild = join(dirname(require.resolve('better-sqlite3/package.json')), 'build', 'Release', 'better_sqlite3.node')

const space = createTempSpace()

describe('connectionOptions', () => {
  afterEach(() => {
    delete process.env.SWITCHYARD_SQLITE_BINDING
    space.cleanup()
  })

  it('uses the default addon unless SWITCHYARD_SQLITE_BINDING names another build', () => {
    expect(connectionOptions({ readonly: true })).toEqual({ readonly: true })
    process.env.SWITCHYARD_SQLITE_BINDING = '/x/better_sqlite3.node'
    expect(connectionOptions({ readonly: true })).toEqual({ readonly: true, nativeBinding: '/x/better_sqlite3.node' })
  })

  it('opens a real store through an explicitly named addon build', () => {
    process.env.SWITCHYARD_SQLITE_BINDING = nodeBuild
    const store = space.open(join(space.dir(), 'bound.db'))
    expect(store.db.pragma('journal_mode', { simple: true })).toBe('wal')
  })

  it('fails with the missing path in the message when the named build does not exist', () => {
    process.env.SWITCHYARD_SQLITE_BINDING = '/nonexistent/better_sqlite3.node'
    expect(() => openStore(join(space.dir(), 'x.db'))).toThrow(/nonexistent/)
  })
})

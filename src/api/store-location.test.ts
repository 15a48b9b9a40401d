import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { rememberStorePath, resolveStorePath } from './store-location'

describe('resolveStorePath', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'sy-loc-'))

  it('prefers --db, then SWITCHYARD_DB, then the default file in the data folder', () => {
    expect(resolveStorePath({ explicit: 'a.db', env: { SWITCHYARD_DB: '/x/b.db' }, dataDir })).toBe(resolve('a.db'))
    expect(resolveStorePath({ env: { SWITCHYARD_DB: '/x/b.db' }, dataDir })).toBe('/x/b.db')
    expect(resolveStorePath({ env: {}, dataDir })).toBe(join(dataDir, 'switchyard.db'))
  })

  it('opens the store the user switched to after a fresh start', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sy-loc-'))
    rememberStorePath(dir, join(dir, 'switchyard-fresh.db'))
    expect(resolveStorePath({ env: {}, dataDir: dir })).toBe(join(dir, 'switchyard-fresh.db'))
    expect(resolveStorePath({ explicit: '/y/c.db', env: {}, dataDir: dir })).toBe('/y/c.db')
  })
})

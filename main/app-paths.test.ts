import { homedir } from 'node:os'
import { join, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { resolveSecretsPath, resolveStorePath, resolveUserDataDir } from './app-paths'

const userDataDir = resolve('/data/Switchyard')
const cwd = resolve('/work/project')

describe('resolveStorePath', () => {
  it.each([
    ['default', {}, [], join(userDataDir, 'switchyard.db')],
    ['SWITCHYARD_DB', { SWITCHYARD_DB: '/tmp/a.db' }, [], resolve('/tmp/a.db')],
    ['empty SWITCHYARD_DB is ignored', { SWITCHYARD_DB: '  ' }, [], join(userDataDir, 'switchyard.db')],
    ['--db PATH', {}, ['electron', '.', '--db', '/tmp/b.db'], resolve('/tmp/b.db')],
    ['--db=PATH', {}, ['switchyard', '--db=/tmp/c.db'], resolve('/tmp/c.db')],
    ['--db wins over SWITCHYARD_DB', { SWITCHYARD_DB: '/tmp/a.db' }, ['x', '--db', '/tmp/b.db'], resolve('/tmp/b.db')],
    ['the last --db wins', {}, ['x', '--db', '/tmp/1.db', '--db=/tmp/2.db'], resolve('/tmp/2.db')],
    ['relative paths resolve against cwd', {}, ['x', '--db', 'data/s.db'], join(cwd, 'data/s.db')],
    ['~ expands to home', { SWITCHYARD_DB: '~/s.db' }, [], join(homedir(), 's.db')],
    ['--db without a value is ignored', {}, ['x', '--db'], join(userDataDir, 'switchyard.db')],
    ['--db followed by a flag is ignored', {}, ['x', '--db', '--inspect'], join(userDataDir, 'switchyard.db')],
    ['--dbx is not --db', {}, ['x', '--dbx', '/tmp/z.db'], join(userDataDir, 'switchyard.db')]
  ] as const)('%s', (_name, env, argv, expected) => {
    expect(resolveStorePath({ userDataDir, env, argv, cwd })).toBe(expected)
  })
})

describe('other paths', () => {
  it('puts secrets.json in userData', () => {
    expect(resolveSecretsPath(userDataDir)).toBe(join(userDataDir, 'secrets.json'))
  })

  it('honours SWITCHYARD_USER_DATA only when set', () => {
    expect(resolveUserDataDir({}, cwd)).toBeNull()
    expect(resolveUserDataDir({ SWITCHYARD_USER_DATA: 'tmp/ud' }, cwd)).toBe(join(cwd, 'tmp/ud'))
  })
})

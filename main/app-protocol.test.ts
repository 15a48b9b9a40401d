import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createAppProtocolHandler, mimeTypeOf, resolveAppFile } from './app-protocol'

const root = resolve('/app/out/renderer')

describe('resolveAppFile', () => {
  it.each([
    ['app://switchyard/', join(root, 'index.html')],
    ['app://switchyard', join(root, 'index.html')],
    ['app://switchyard/index.html', join(root, 'index.html')],
    ['app://switchyard/index.html?x=1#/runs', join(root, 'index.html')],
    ['app://switchyard/assets/index-abc.js', join(root, 'assets/index-abc.js')],
    ['app://switchyard/assets/my%20font.woff2', join(root, 'assets/my font.woff2')],
    ['app://SWITCHYARD/index.html', join(root, 'index.html')]
  ])('%s → a file in the root', (url, expected) => {
    expect(resolveAppFile(root, url)).toBe(expected)
  })

  it.each(['app://switchyard/../../etc/passwd', 'app://switchyard/%2e%2e/%2e%2e/etc/passwd'])(
    '%s: dot segments are collapsed by the URL parser, so the path stays inside the root',
    (url) => {
      expect(resolveAppFile(root, url)).toBe(join(root, 'etc/passwd'))
    }
  )

  it.each([
    'app://switchyard/assets/..%2F..%2F..%2Fetc%2Fpasswd',
    'app://switchyard/..%2f..%2fmain%2findex.js',
    'app://switchyard/..%5C..%5Cwindows%5Cwin.ini',
    'app://switchyard/assets%5C..%5C..%5Cx',
    'app://switchyard/index.html%00.png',
    'app://switchyard/%E0%A4%A',
    'app://other/index.html',
    'app://switchyard.evil/index.html',
    'file:///etc/passwd',
    'https://switchyard/index.html',
    'not a url'
  ])('%s → null', (url) => {
    expect(resolveAppFile(root, url)).toBeNull()
  })

  it('maps renderer file types', () => {
    expect(mimeTypeOf('a/index.html')).toBe('text/html; charset=utf-8')
    expect(mimeTypeOf('a/x.JS')).toBe('text/javascript; charset=utf-8')
    expect(mimeTypeOf('a/x.wasm')).toBe('application/wasm')
    expect(mimeTypeOf('a/x.unknown')).toBe('application/octet-stream')
  })
})

describe('createAppProtocolHandler', () => {
  let dir: string
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'switchyard-renderer-'))
    mkdirSync(join(dir, 'renderer/assets'), { recursive: true })
    writeFileSync(join(dir, 'renderer/index.html'), '<!doctype html><title>Switchyard</title>')
    writeFileSync(join(dir, 'renderer/assets/app.js'), 'console.log(1)')
    writeFileSync(join(dir, 'secret.txt'), 'outside the root')
  })
  afterAll(() => rmSync(dir, { recursive: true, force: true }))

  const handler = () => createAppProtocolHandler({ rootDir: join(dir, 'renderer'), csp: "default-src 'self'" })

  it('serves files with type, CSP and nosniff headers', async () => {
    const response = await handler()({ url: 'app://switchyard/assets/app.js', method: 'GET' })
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toBe('text/javascript; charset=utf-8')
    expect(response.headers.get('content-security-policy')).toBe("default-src 'self'")
    expect(response.headers.get('x-content-type-options')).toBe('nosniff')
    expect(await response.text()).toBe('console.log(1)')
  })

  it('falls back to index.html for routes, 404 for missing assets', async () => {
    const route = await handler()({ url: 'app://switchyard/runs/123', method: 'GET' })
    expect(route.status).toBe(200)
    expect(await route.text()).toContain('<title>Switchyard</title>')
    expect((await handler()({ url: 'app://switchyard/assets/missing.js', method: 'GET' })).status).toBe(404)
  })

  it('refuses traversal and other methods', async () => {
    const escaped = await handler()({ url: 'app://switchyard/..%2Fsecret.txt', method: 'GET' })
    expect(escaped.status).toBe(403)
    expect(await escaped.text()).not.toContain('outside the root')
    expect((await handler()({ url: 'app://switchyard/index.html', method: 'POST' })).status).toBe(405)
  })
})

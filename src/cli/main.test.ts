import { describe, expect, it } from 'vitest'
import { runCli } from './main'
import packageJson from '../../package.json'

function capture() {
  const out: string[] = []
  const err: string[] = []
  return { io: { out: (l: string) => out.push(l), err: (l: string) => err.push(l) }, out, err }
}

describe('switchyard CLI', () => {
  it('prints its version and help', async () => {
    const v = capture()
    expect(await runCli(['--version'], v.io)).toBe(0)
    expect(v.out).toEqual([packageJson.version])
    const h = capture()
    expect(await runCli(['--help'], h.io)).toBe(0)
    expect(h.out.join('\n')).toMatch(/switchyard serve/)
    expect(h.out.join('\n')).toMatch(/switchyard emulate/)
    expect(h.out.join('\n')).toMatch(/switchyard workspace export DIR/)
    const sub = capture()
    expect(await runCli(['emulate', '--help'], sub.io)).toBe(0)
    expect(sub.out.join('\n')).toMatch(/--profile FILE/)
  })

  it('without a command shows help and exits 2', async () => {
    const c = capture()
    expect(await runCli([], c.io)).toBe(2)
    expect(c.out.join('\n')).toMatch(/Usage/)
  })

  it('names an unknown command, an unknown flag and a bad value, with exit code 2', async () => {
    const unknown = capture()
    expect(await runCli(['frobnicate'], unknown.io)).toBe(2)
    expect(unknown.err.join('\n')).toMatch(/Unknown command "frobnicate".*serve, emulate, workspace/)
    const flag = capture()
    expect(await runCli(['emulate', '--prot', '1'], flag.io)).toBe(2)
    expect(flag.err.join('\n')).toMatch(/--prot/)
    const port = capture()
    expect(await runCli(['emulate', '--port', 'abc'], port.io)).toBe(2)
    expect(port.err.join('\n')).toMatch(/--port must be a port number.*"abc"/)
    const db = capture()
    expect(await runCli(['serve', '--db'], db.io)).toBe(2)
    expect(db.err.join('\n')).toMatch(/--db needs a path/)
  })

  it('reports a broken emulator profile file by name', async () => {
    const c = capture()
    expect(await runCli(['emulate', '--profile', '/nonexistent/profile.yaml'], c.io)).toBe(1)
    expect(c.err.join('\n')).toMatch(/profile\.yaml/)
  })
})

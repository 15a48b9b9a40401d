import { describe, expect, it } from 'vitest'
import { runSandboxed, sandboxStats, warmUpSandbox } from './quickjs-sandbox'

const input = { output: 'Hello there, general Kenobi', context: { vars: { name: 'Kenobi', n: 41 } } }

describe('runSandboxed', () => {
  it('runs an expression with output and context', async () => {
    expect(await runSandboxed('output.length < 200', input)).toMatchObject({ ok: true, type: 'boolean', value: true })
    expect(await runSandboxed('output.includes(context.vars.name)', input)).toMatchObject({ ok: true, value: true })
    expect(await runSandboxed('context.vars.n + 1', input)).toMatchObject({ ok: true, type: 'number', value: 42 })
    expect(await runSandboxed('output.startsWith("Bye");', input)).toMatchObject({ ok: true, value: false })
  })

  it('runs a function body and returns plain data', async () => {
    const code = 'const words = output.split(" ").length\nreturn { pass: words < 10, score: 1 - words / 10, reason: `${words} words` }'
    expect(await runSandboxed(code, input)).toMatchObject({ ok: true, type: 'object', value: { pass: true, score: 0.6, reason: "4 words" } })
  })

  it('reports what it cannot copy out by type', async () => {
    expect(await runSandboxed('() => 1', input)).toMatchObject({ ok: true, type: 'function', value: undefined })
    expect(await runSandboxed('10n', input)).toMatchObject({ ok: true, type: 'bigint', value: undefined })
    expect(await runSandboxed('let x = 1', input)).toMatchObject({ ok: true, type: 'undefined' })
    expect(await runSandboxed('null', input)).toMatchObject({ ok: true, type: 'null', value: null })
    expect(await runSandboxed('0 / 0', input)).toMatchObject({ ok: true, type: 'number', value: Number.NaN })
  })

  it('has no host access: no require, process, fetch, timers or file system', async () => {
    const probe = '[typeof require, typeof process, typeof fetch, typeof setTimeout, typeof XMLHttpRequest, typeof std, typeof os].join(",")'
    expect(await runSandboxed(probe, input)).toMatchObject({ value: 'undefined,undefined,undefined,undefined,undefined,undefined,undefined' })
    const escape = await runSandboxed('this.constructor.constructor("return typeof process")()', input)
    expect(escape).toMatchObject({ ok: true, value: 'undefined' })
  })

  it('captures console lines', async () => {
    const run = await runSandboxed('console.log("words:", output.split(" ").length, { ok: true }); return true', input)
    expect(run).toMatchObject({ ok: true, logs: ['words: 4 {"ok":true}'] })
  })

  it('stops an endless loop at its time limit with a clear message', async () => {
    const run = await runSandboxed('while (true) {}', input, { timeoutMs: 300 })
    expect(run).toMatchObject({ ok: false, kind: 'timeout', message: 'javascript assertion stopped after 300 ms: it may loop forever' })
    expect(run.elapsedMs).toBeGreaterThanOrEqual(290)
    expect(run.elapsedMs).toBeLessThan(3000)
    const byDefault = await runSandboxed('for (;;) {}', input)
    expect(byDefault).toMatchObject({ ok: false, message: 'javascript assertion stopped after 1000 ms: it may loop forever' })
  })

  it('stops a getter that loops while the result is read', async () => {
    const run = await runSandboxed('({ get pass() { for (;;) {} } })', input, { timeoutMs: 200 })
    expect(run).toMatchObject({ ok: false, kind: 'timeout' })
  })

  it('stops a catastrophic regular expression', async () => {
    const run = await runSandboxed('/(a+)+$/.test("a".repeat(40) + "!")', input, { timeoutMs: 200 })
    expect(run).toMatchObject({ ok: false, kind: 'timeout' })
  })

  it('enforces the memory limit', async () => {
    const limits = { memoryBytes: 8 * 1024 * 1024, timeoutMs: 10_000 }
    const growing = await runSandboxed('const a = []; for (;;) a.push({ i: a.length, s: "v" + a.length })', input, limits)
    expect(growing).toMatchObject({ ok: false, kind: 'memory', message: 'javascript assertion ran out of memory (limit 8 MB)' })
    const oneBlock = await runSandboxed('new Uint8Array(64 << 20).length', input, limits)
    expect(oneBlock).toMatchObject({ ok: false, kind: 'memory' })
    // The default 32 MB is plenty for ordinary work on an output.
    expect(await runSandboxed('Array.from({ length: 100000 }, (_, i) => i).length', input)).toMatchObject({ ok: true, value: 100000 })
  })

  it('reports endless recursion, and the next evaluation still works', async () => {
    const run = await runSandboxed('function f(n) { return f(n + 1) + 1 }\nreturn f(0)', input)
    expect(run).toMatchObject({ ok: false, kind: 'stack' })
    expect(run.ok ? '' : run.message).toMatch(/^javascript assertion overflowed its stack/)
    expect(await runSandboxed('1 + 1', input)).toMatchObject({ ok: true, value: 2 })
  })

  it('recovers when the host stack overflows inside the sandbox', async () => {
    // Called from deep host recursion, QuickJS may exhaust the host's stack before its own limit: the module is
    // then replaced and the next evaluation runs on a fresh one.
    // With a 1 MB interpreter stack allowed, the host's own (≈1 MB) stack runs out first.
    await warmUpSandbox()
    const before = sandboxStats().modulesLoaded
    const deep = (depth: number): Promise<unknown> =>
      depth === 0 ? runSandboxed('function f(n) { return f(n + 1) + 1 }\nreturn f(0)', input, { stackBytes: 1024 * 1024 }) : deep(depth - 1)
    const run = await deep(3000)
    expect(run).toMatchObject({ ok: false, kind: 'stack', message: 'javascript assertion overflowed its stack (deep or endless recursion?)' })
    expect(await runSandboxed('"still " + "working"', input)).toMatchObject({ ok: true, value: 'still working' })
    expect(sandboxStats().modulesLoaded).toBe(before + 1)
  })

  it('explains syntax errors and exceptions', async () => {
    expect(await runSandboxed('output.length <', input)).toMatchObject({ ok: false, kind: 'syntax', message: expect.stringMatching(/^javascript assertion does not parse: /) })
    expect(await runSandboxed('return output.length <', input)).toMatchObject({ ok: false, kind: 'syntax' })
    expect(await runSandboxed('output.nope.deeper', input)).toMatchObject({
      ok: false,
      kind: 'exception',
      message: expect.stringMatching(/^javascript assertion threw TypeError: /)
    })
    expect(await runSandboxed('throw "plain"', input)).toMatchObject({ ok: false, kind: 'exception', message: 'javascript assertion threw Error: uncaught "plain"' })
  })

  it('keeps evaluations apart: globals do not survive', async () => {
    await runSandboxed('globalThis.leak = 1; return true', input)
    expect(await runSandboxed('typeof leak', input)).toMatchObject({ value: 'undefined' })
  })

  it('loads the WASM module once for many evaluations', async () => {
    await warmUpSandbox()
    const before = sandboxStats()
    const runs = await Promise.all(Array.from({ length: 50 }, (_, i) => runSandboxed(`output.length + ${i}`, input)))
    expect(runs.every((r) => r.ok)).toBe(true)
    const after = sandboxStats()
    expect(after.modulesLoaded).toBe(before.modulesLoaded)
    expect(after.evaluations - before.evaluations).toBe(50)
  })
})

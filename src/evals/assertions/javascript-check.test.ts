import { describe, expect, it } from 'vitest'
import { runOne } from './test-support'

const output = 'Your order #1234 has shipped.'

describe('javascript', () => {
  it('passes and fails on a boolean expression', async () => {
    expect(await runOne({ type: 'javascript', value: 'output.length < 200' }, output)).toMatchObject({ status: 'pass', score: 1, reason: 'javascript returned true' })
    expect(await runOne({ type: 'javascript', value: 'output.includes("refund")' }, output)).toMatchObject({ status: 'fail', score: 0, reason: 'javascript returned false' })
  })

  it('reads a number as the score (> 0 passes, or ≥ threshold)', async () => {
    expect(await runOne({ type: 'javascript', value: 'output.length / 100' }, output)).toMatchObject({ status: 'pass', score: 0.29, reason: 'javascript returned 0.29 (> 0)' })
    expect(await runOne({ type: 'javascript', value: 'output.length / 100', threshold: 0.5 }, output)).toMatchObject({
      status: 'fail',
      score: 0.29,
      reason: 'javascript returned 0.29 (< threshold 0.5)'
    })
    expect(await runOne({ type: 'javascript', value: '0' }, output)).toMatchObject({ status: 'fail', reason: 'javascript returned 0 (≤ 0)' })
    expect(await runOne({ type: 'javascript', value: '7' }, output)).toMatchObject({ status: 'pass', score: 1 }) // clamped to 0..1
  })

  it('takes { pass, score, reason } from a function body, with context.vars', async () => {
    const code = 'const ok = output.includes(context.vars.order)\nreturn { pass: ok, score: ok ? 0.8 : 0.1, reason: ok ? "mentions the order" : "no order number" }'
    expect(await runOne({ type: 'javascript', value: code }, output, { vars: { order: '#1234' } })).toMatchObject({ status: 'pass', score: 0.8, reason: 'mentions the order' })
    expect(await runOne({ type: 'javascript', value: code }, output, { vars: { order: '#9' } })).toMatchObject({ status: 'fail', score: 0.1, reason: 'no order number' })
    expect(await runOne({ type: 'javascript', value: 'return { pass: true, score: 0.3, reason: "meh" }', threshold: 0.5 }, output)).toMatchObject({
      status: 'fail',
      reason: 'meh (score 0.3 < threshold 0.5)'
    })
  })

  it('sees expected, metrics and config in context', async () => {
    const code = 'context.expected === "E" && context.metrics.latencyMs === 5 && context.config.max === 3'
    expect(await runOne({ type: 'javascript', value: code, config: { max: 3 } }, output, { expected: 'E', metrics: { latencyMs: 5 } })).toMatchObject({ status: 'pass' })
  })

  it('is an error for code that loops forever, with the limit in the message', async () => {
    const r = await runOne({ type: 'javascript', value: 'while (true) {}' }, output, { sandbox: { timeoutMs: 200 } })
    expect(r).toMatchObject({ status: 'error', pass: false, error: 'javascript assertion stopped after 200 ms: it may loop forever' })
  })

  it('is an error for code that throws or does not parse, with console lines appended', async () => {
    const r = await runOne({ type: 'javascript', value: 'console.log("checking", output.length)\nreturn output.nope.length' }, output)
    expect(r.status).toBe('error')
    expect(r.error).toMatch(/^javascript assertion threw TypeError: .* — console: checking 29$/)
    expect((await runOne({ type: 'javascript', value: 'output.length >' }, output)).error).toMatch(/^javascript assertion does not parse: /)
  })

  it('is an error for a return value it cannot read', async () => {
    expect((await runOne({ type: 'javascript', value: 'const n = output.length' }, output)).error).toBe(
      'javascript assertion must return a boolean, a number or { pass, score, reason }; it returned undefined (a function body needs a `return`)'
    )
    expect((await runOne({ type: 'javascript', value: '"yes"' }, output)).error).toBe(
      'javascript assertion must return a boolean, a number or { pass, score, reason }; it returned a string, "yes"'
    )
    expect((await runOne({ type: 'javascript', value: '({ ok: 1 })' }, output)).error).toBe(
      'javascript assertion returned an object without a boolean "pass" or a number "score": "{\\"ok\\":1}"'
    )
    expect((await runOne({ type: 'javascript', value: '0 / 0' }, output)).error).toBe('javascript assertion returned NaN, not a usable score')
  })

  it('negates with not-javascript', async () => {
    expect(await runOne({ type: 'not-javascript', value: 'output.includes("refund")' }, output)).toMatchObject({ status: 'pass', score: 1 })
  })
})

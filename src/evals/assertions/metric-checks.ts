import type { CallMetrics, Check } from './types'
import { errored, failed, passed } from './values'

/**
 * Budget checks on the call's measurements: pass when the measurement is at most the threshold. A measurement that
 * was not taken (null or absent) is an error, not a fail: e.g. a cached answer has no fresh latency, a non-streamed
 * call has no time to first token, a model without a price has no cost.
 */

interface Spec {
  field: keyof CallMetrics
  what: string
  missing: string
  format: (n: number) => string
}

function budgetCheck(spec: Spec): Check<'latency' | 'ttft' | 'cost'> {
  return ({ assertion, context }) => {
    const measured = context.metrics?.[spec.field]
    if (measured === null || measured === undefined || !Number.isFinite(measured)) return errored(spec.missing)
    const limit = assertion.threshold
    return measured <= limit
      ? passed(`${spec.what} ${spec.format(measured)} is within ${spec.format(limit)}`)
      : failed(`${spec.what} ${spec.format(measured)} is over ${spec.format(limit)}`)
  }
}

const ms = (n: number) => `${Math.round(n * 10) / 10} ms`

/** "$0.0012"; small amounts keep 2 significant digits ("$0.000034"). */
export function formatUsd(n: number): string {
  if (n === 0) return '$0'
  if (n >= 0.01) return `$${n.toFixed(4).replace(/0+$/, '').replace(/\.$/, '')}`
  return `$${n.toPrecision(2).replace(/(\.\d*?)0+$/, '$1').replace(/\.$/, '')}`
}

export const checkLatency = budgetCheck({
  field: 'latencyMs',
  what: 'Latency',
  missing: 'no latency was measured for this call (a cached answer has none)',
  format: ms
})

export const checkTtft = budgetCheck({
  field: 'ttftMs',
  what: 'Time to first token',
  missing: 'no time to first token was measured for this call (it was not streamed, or came from the cache)',
  format: ms
})

export const checkCost = budgetCheck({
  field: 'costUsd',
  what: 'Cost',
  missing: 'the cost of this call is unknown (the model has no price: add one under Providers → Edit prices)',
  format: formatUsd
})

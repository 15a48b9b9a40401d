import type { ContractVersionBody } from '../../core/schemas/workspace'
import type { NewCall } from '../repos/call-repo'

/** A small valid contract version body (input form: defaults left to the schema). */
export function contractBody(content = 'Summarise: {{text}}') {
  return {
    messages: [{ role: 'user' as const, content }],
    variables: [{ name: 'text', type: 'string' as const }],
    output: { kind: 'text' as const },
    params: { temperature: 0 },
    budgets: { p95LatencyMs: 1500 },
    candidates: [{ providerId: 'local-emulator', modelId: 'emu-swift' }],
    fallback: {}
  } satisfies Partial<Record<keyof ContractVersionBody, unknown>>
}

/** A completed call of a run, with plausible numbers. */
export function okCall(runId: string, i = 0, extra: Partial<NewCall> = {}): NewCall {
  return {
    runId,
    providerId: 'local-emulator',
    modelId: i % 2 === 0 ? 'emu-swift' : 'emu-steady',
    status: 'ok',
    startedAt: Date.parse('2026-11-27T00:00:00.000Z') + i * 10,
    firstByteMs: 90 + (i % 7),
    ttftMs: 120 + (i % 13),
    latencyMs: 600 + (i % 97),
    itlP50Ms: 8,
    itlP95Ms: 21,
    tokenCountStream: 42,
    inputTokens: 180,
    outputTokens: 42,
    cachedTokens: 0,
    reasoningTokens: null,
    usageEstimated: false,
    costUsd: 0.0001,
    finishReason: 'stop',
    requestHash: `h${i % 50}`,
    outputText: '{"category":"billing","priority":"high","summary":"Customer was charged twice."}',
    outputJson: { category: 'billing', priority: 'high' },
    feature: 'support-triage',
    ...extra
  }
}

import type { TokenPrices } from '../../core/pricing'
import type { CallPolicy, OutputMode } from '../../core/schemas/playground'
import type { ModelRef } from '../../core/schemas/workspace'
import type { TemplateMessage } from '../../core/templating'
import type { CallTarget } from '../../providers/call-types'

/** One case of the dataset version the run uses. */
export interface EvalCase {
  id: string
  /** Position in the dataset version (the matrix's row order). */
  index: number
  vars: Record<string, unknown>
  expected: string | null
  /** The case's own assertions (the suite's defaults are added by the scorer). */
  assertions: ReadonlyArray<Record<string, unknown>>
}

/** A prompt variant: one contract version's template and parameters. */
export interface EvalVariant {
  /** Stored in call.variant: the contract version id. */
  id: string
  label: string
  messages: TemplateMessage[]
  params: { temperature?: number; topP?: number; maxTokens?: number; seed?: number; stop?: string[] }
  output: OutputMode
  feature: string | null
}

export interface EvalModel {
  ref: ModelRef
  target: CallTarget
  prices: TokenPrices
}

export interface EvalPlan {
  runId: string
  cases: EvalCase[]
  variants: EvalVariant[]
  models: EvalModel[]
  repeats: number
  /** Calls in flight per provider (the gate halves it under rate limits and grows it back). */
  concurrencyPerProvider: number
  /** Reuse the output of an earlier ok call with the same request hash (errors are never reused). */
  cache: boolean
  policy: CallPolicy
}

/** One unit of work: a case × variant × model × repeat; it ends with exactly one final call. */
export interface EvalCell {
  key: string
  case: EvalCase
  variant: EvalVariant
  model: EvalModel
  repeatIndex: number
}

export function cellKey(caseId: string, variantId: string, ref: ModelRef, repeatIndex: number): string {
  return `${caseId}\u0000${variantId}\u0000${ref.providerId}\u0000${ref.modelId}\u0000${repeatIndex}`
}

export function cellCount(plan: Pick<EvalPlan, 'cases' | 'variants' | 'models' | 'repeats'>): number {
  return plan.cases.length * plan.variants.length * plan.models.length * plan.repeats
}

/**
 * Every cell not yet done, case-major (row by row, so partial results fill whole rows of the matrix) with the
 * models interleaved inside a row, so every provider has work from the start.
 */
export function pendingCells(plan: EvalPlan, done: ReadonlySet<string>): EvalCell[] {
  const cells: EvalCell[] = []
  for (const c of plan.cases) {
    for (let r = 0; r < plan.repeats; r++) {
      for (const variant of plan.variants) {
        for (const model of plan.models) {
          const key = cellKey(c.id, variant.id, model.ref, r)
          if (!done.has(key)) cells.push({ key, case: c, variant, model, repeatIndex: r })
        }
      }
    }
  }
  return cells
}

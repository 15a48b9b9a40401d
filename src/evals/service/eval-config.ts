import { z } from 'zod'
import { ModelRef } from '../../core/schemas/workspace'
import { EvalThresholds } from '../../core/schemas/eval'

/**
 * What an eval run was started with, stored as the run's config: enough to show its results and to resume it
 * exactly (the same variants, models, cases, assertions and settings) even if the suite changes afterwards.
 */
export const EvalRunConfig = z.object({
  kind: z.literal('eval'),
  suiteId: z.string().nullable(),
  suiteName: z.string(),
  contractId: z.string(),
  variants: z.array(z.object({ id: z.string(), label: z.string() })).min(1),
  datasetId: z.string(),
  datasetVersionId: z.string(),
  models: z.array(ModelRef).min(1),
  repeats: z.number().int().positive(),
  concurrency: z.number().int().positive(),
  cache: z.boolean(),
  assertions: z.array(z.record(z.string(), z.unknown())),
  judge: ModelRef.nullable(),
  embeddings: ModelRef.nullable(),
  thresholds: EvalThresholds
})
export type EvalRunConfig = z.infer<typeof EvalRunConfig>

export function columnKeyFor(variantId: string, ref: ModelRef): string {
  return `${variantId}|${ref.providerId}|${ref.modelId}`
}

/** The columns of a run in display order: variant-major, then models in the order chosen. */
export function columnsOf(config: EvalRunConfig): Array<{ key: string; variantId: string; variantLabel: string; providerId: string; modelId: string }> {
  return config.variants.flatMap((v) => config.models.map((m) => ({ key: columnKeyFor(v.id, m), variantId: v.id, variantLabel: v.label, providerId: m.providerId, modelId: m.modelId })))
}

import { z } from 'zod'
import { EvalThresholds } from './eval'
import { ModelRef } from './workspace'

/**
 * Eval suites: a contract version × a dataset version × models × assertions × repeats. Permissive for now (the eval
 * runner of a later issue narrows it): every setting is optional and unknown settings are kept, not dropped.
 */

/** A contract or dataset named by the user; without `version` it means the latest version. */
export const SuiteRef = z
  .object({
    name: z.string().trim().min(1, 'must not be empty').max(200),
    version: z.number().int().positive().optional()
  })
  .strict()
export type SuiteRef = z.infer<typeof SuiteRef>

/** What a suite runs with, besides its contract and dataset (stored as the suite's `config_json`). */
export const SuiteSettings = z
  .object({
    /** Models to run; default: the contract's candidates. */
    models: z.array(ModelRef).optional(),
    /** Assertions applied to every case, on top of each case's own (promptfoo-style objects: `{ type, value, … }`). */
    assertions: z.array(z.record(z.string(), z.unknown())).optional(),
    repeats: z.number().int().positive().max(100).optional(),
    concurrency: z.number().int().positive().max(256).optional(),
    /** Gates for CI, e.g. `{ minPassRate: 0.9, maxP95LatencyMs: 2000 }`. */
    thresholds: EvalThresholds.optional(),
    /** Other contract versions whose prompts compete with the suite's own (prompt variants), by contract name. */
    variants: z.array(SuiteRef).optional(),
    /** The model that grades llm-rubric and factuality assertions. */
    judge: ModelRef.optional(),
    /** The embeddings model for `similar` assertions (e.g. local-emulator / emu-embed). */
    embeddings: ModelRef.optional(),
    /** Reuse outputs of identical earlier requests (errors are never reused). Default false. */
    cache: z.boolean().optional()
  })
  .loose()
export type SuiteSettings = z.infer<typeof SuiteSettings>

/** A suite as a user defines it: its name, what it tests against, and its settings. */
export const SuiteConfig = SuiteSettings.extend({
  name: z.string().trim().min(1, 'must not be empty').max(200),
  contract: SuiteRef,
  dataset: SuiteRef.nullable().optional()
})
export type SuiteConfig = z.infer<typeof SuiteConfig>

/** A stored suite, with the contract and dataset versions it is pinned to. */
export const Suite = z.object({
  id: z.string(),
  name: z.string(),
  contractId: z.string(),
  contractName: z.string(),
  contractVersionId: z.string(),
  contractVersion: z.number().int().positive(),
  datasetId: z.string().nullable(),
  datasetName: z.string().nullable(),
  datasetVersionId: z.string().nullable(),
  datasetVersion: z.number().int().positive().nullable(),
  settings: SuiteSettings,
  createdAt: z.string(),
  updatedAt: z.string()
})
export type Suite = z.infer<typeof Suite>

/** The shape of each workspace file, as zod schemas (the contract body reuses the core ContractVersionBody). */
import { z } from 'zod'
import { SuiteSettings } from '../core/schemas/suite'
import { Budgets, ContractVersionBody, FallbackPolicy, ModelParams, OutputSpec } from '../core/schemas/workspace'
import { parseModelRefText } from './format'

const Name = z.string().trim().min(1, 'must not be empty').max(200)
const RefName = z.string().trim().min(1, 'must not be empty; use null for none').max(200)

/** `provider/model` in files, `{ providerId, modelId }` in the store. */
export const ModelRefText = z
  .string()
  .transform((text, ctx) => {
    const ref = parseModelRefText(text.trim())
    if (!ref) {
      ctx.addIssue({ code: 'custom', message: `"${text}" is not a model reference — write provider/model, e.g. local-emulator/emu-swift` })
      return z.NEVER
    }
    return ref
  })

/** The manifest; only `format` is read (the counts are for people). Unknown keys are allowed for newer minor fields. */
export const ManifestFile = z
  .object({
    format: z.number().int().positive(),
    contents: z.record(z.string(), z.unknown()).optional()
  })
  .loose()

/**
 * A contract file: the contract's own fields, then its latest version's body. Everything but name and messages has
 * a default, so a hand-written file can stay short.
 */
export const ContractFile = ContractVersionBody.extend({
  name: Name,
  description: z.string().max(10_000).default(''),
  feature: z.string().trim().min(1, 'must not be empty; use null for none').max(200).nullable().default(null),
  archived: z.boolean().default(false),
  variables: ContractVersionBody.shape.variables.default([]),
  output: OutputSpec.default({ kind: 'text' }),
  params: ModelParams.default({}),
  budgets: Budgets.default({ p95LatencyMs: null, p95TtftMs: null, maxCostPerRequestUsd: null, minPassRate: null }),
  candidates: z.array(ModelRefText).default([]),
  fallback: FallbackPolicy.extend({ fallbacks: z.array(ModelRefText).default([]) }).default({ retries: 2, timeoutMs: 300_000, fallbacks: [] })
}).strict()
export const CONTRACT_KEYS = 'name, description, feature, archived, messages, variables, output, params, budgets, candidates, fallback'

export const DatasetHeaderFile = z
  .object({
    name: Name,
    description: z.string().max(10_000).default(''),
    contract: RefName.nullable().default(null),
    cases: z
      .object({
        file: z
          .string()
          .regex(/^[^/\\]+\.jsonl$/, 'must be the name of a .jsonl file beside this one, e.g. triage-golden-set.jsonl'),
        format: z.literal('jsonl').default('jsonl'),
        count: z.number().int().nonnegative().optional()
      })
      .strict()
  })
  .strict()
export const DATASET_KEYS = 'name, description, contract, cases'

/** One line of a dataset's .jsonl file. */
export const CaseLine = z
  .object({
    vars: z.record(z.string(), z.unknown()),
    expected: z.string().nullable().default(null),
    assertions: z.array(z.record(z.string(), z.unknown())).default([]),
    tags: z.array(z.string()).default([]),
    notes: z.string().default('')
  })
  .strict()
export type CaseLine = z.output<typeof CaseLine>
export const CASE_KEYS = 'vars, expected, assertions, tags, notes'

/** A suite file: name, contract and dataset by name, then its settings (permissive: unknown settings are kept). */
export const SuiteFile = SuiteSettings.extend({
  name: Name,
  contract: RefName,
  dataset: RefName.nullable().default(null),
  models: z.array(ModelRefText).optional()
})

export const RoutingFile = z
  .object({
    name: Name,
    contract: RefName.nullable().default(null),
    policy: z.record(z.string(), z.unknown())
  })
  .strict()
export const ROUTING_KEYS = 'name, contract, policy'

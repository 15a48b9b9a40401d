import { z } from 'zod'

export const ChatRole = z.enum(['system', 'user', 'assistant'])
export const MessageTemplate = z.object({ role: ChatRole, content: z.string() })
export type MessageTemplate = z.infer<typeof MessageTemplate>

export const VariableSpec = z.object({
  name: z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'a variable name starts with a letter or _ and holds letters, digits and _'),
  type: z.enum(['string', 'number', 'boolean', 'json']),
  description: z.string().default(''),
  required: z.boolean().default(true),
  example: z.string().optional()
})
export type VariableSpec = z.infer<typeof VariableSpec>

export const OutputSpec = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('text') }),
  z.object({ kind: z.literal('json_schema'), name: z.string().default('output'), schema: z.record(z.string(), z.unknown()) })
])
export type OutputSpec = z.infer<typeof OutputSpec>

export const Budgets = z.object({
  p95LatencyMs: z.number().positive().nullable().default(null),
  p95TtftMs: z.number().positive().nullable().default(null),
  maxCostPerRequestUsd: z.number().nonnegative().nullable().default(null),
  minPassRate: z.number().min(0).max(1).nullable().default(null)
})
export type Budgets = z.infer<typeof Budgets>

export const ModelParams = z.object({
  temperature: z.number().min(0).max(2).optional(),
  topP: z.number().min(0).max(1).optional(),
  maxTokens: z.number().int().positive().optional(),
  seed: z.number().int().optional(),
  stop: z.array(z.string()).optional()
})
export type ModelParams = z.infer<typeof ModelParams>

/** A candidate is a model reference `providerId/modelId` (model rows are per provider). */
export const ModelRef = z.object({ providerId: z.string(), modelId: z.string() })
export type ModelRef = z.infer<typeof ModelRef>

export const FallbackPolicy = z.object({
  retries: z.number().int().min(0).max(10).default(2),
  timeoutMs: z.number().int().positive().default(300_000),
  fallbacks: z.array(ModelRef).default([])
})
export type FallbackPolicy = z.infer<typeof FallbackPolicy>

export const ContractVersionBody = z.object({
  messages: z.array(MessageTemplate).min(1),
  variables: z.array(VariableSpec),
  output: OutputSpec,
  params: ModelParams,
  budgets: Budgets,
  candidates: z.array(ModelRef),
  fallback: FallbackPolicy
})
export type ContractVersionBody = z.infer<typeof ContractVersionBody>

export const ContractVersion = ContractVersionBody.extend({
  id: z.string(),
  contractId: z.string(),
  version: z.number().int().positive(),
  createdAt: z.string()
})
export type ContractVersion = z.infer<typeof ContractVersion>

export const ContractSummary = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string(),
  feature: z.string().nullable(),
  archived: z.boolean(),
  latestVersion: z.number().int().nonnegative(),
  updatedAt: z.string()
})
export type ContractSummary = z.infer<typeof ContractSummary>

export const ContractDetail = ContractSummary.extend({ latest: ContractVersion.nullable() })
export type ContractDetail = z.infer<typeof ContractDetail>

export const DatasetSummary = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string(),
  contractId: z.string().nullable(),
  latestVersion: z.number().int().nonnegative(),
  caseCount: z.number().int().nonnegative(),
  updatedAt: z.string()
})
export type DatasetSummary = z.infer<typeof DatasetSummary>

export const DatasetCase = z.object({
  id: z.string(),
  position: z.number().int().nonnegative(),
  vars: z.record(z.string(), z.unknown()),
  expected: z.string().nullable(),
  assertions: z.array(z.record(z.string(), z.unknown())),
  tags: z.array(z.string()),
  notes: z.string(),
  source: z.string()
})
export type DatasetCase = z.infer<typeof DatasetCase>

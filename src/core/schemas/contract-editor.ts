import { z } from 'zod'
import { ContractVersionBody, MessageTemplate } from './workspace'

/**
 * Shapes of the contract editor's operations (issue 4): problems found in a contract body, the version list,
 * and a contract's status against its budgets.
 */

/** One thing wrong (error: saving is refused) or worth a look (warning) in a contract body. */
export const ContractProblem = z.object({
  /** Dotted path inside the body, e.g. `messages.1.content`, `variables.2.name`, `output.schema`. */
  path: z.string(),
  severity: z.enum(['error', 'warning']),
  message: z.string()
})
export type ContractProblem = z.infer<typeof ContractProblem>

/**
 * A contract body as a request carries it (defaults filled by the schema). An empty message list passes here so
 * the engine can refuse it with a message naming the fix (src/core/contract-validation.ts).
 */
export const ContractBodyInput = ContractVersionBody.extend({ messages: z.array(MessageTemplate).max(50, 'at most 50 messages') })
export type ContractBodyInput = z.input<typeof ContractBodyInput>

export const ContractVersionItem = z.object({
  id: z.string(),
  version: z.number().int().positive(),
  createdAt: z.string(),
  /** One line: what changed since the version before (v1: "First version"). */
  summary: z.string()
})
export type ContractVersionItem = z.infer<typeof ContractVersionItem>

export const StatusLevel = z.enum(['green', 'amber', 'red', 'unmeasured'])
export type StatusLevel = z.infer<typeof StatusLevel>

export const CheckLevel = z.enum(['green', 'amber', 'red'])
export type CheckLevel = z.infer<typeof CheckLevel>

/** A pass rate with its 95% Wilson interval (never NaN: no cases means no pass rate). */
export const PassRate = z.object({
  passed: z.number().int().nonnegative(),
  total: z.number().int().positive(),
  rate: z.number().min(0).max(1),
  low: z.number().min(0).max(1),
  high: z.number().min(0).max(1)
})
export type PassRate = z.infer<typeof PassRate>

/** What one stored run measured for a contract (on its primary model when that model was measured). */
export const MeasuredRun = z.object({
  runId: z.string(),
  kind: z.enum(['eval', 'bench']),
  title: z.string(),
  finishedAt: z.string().nullable(),
  contractVersionId: z.string(),
  version: z.number().int().positive(),
  /** The model the figures are for; null when they cover every model of the run. */
  model: z.object({ providerId: z.string(), modelId: z.string() }).nullable(),
  calls: z.number().int().nonnegative(),
  errors: z.number().int().nonnegative(),
  passRate: PassRate.nullable(),
  p95LatencyMs: z.number().nonnegative().nullable(),
  p95TtftMs: z.number().nonnegative().nullable(),
  costPerRequestUsd: z.number().nonnegative().nullable()
})
export type MeasuredRun = z.infer<typeof MeasuredRun>

export const StatusCheck = z.object({
  metric: z.enum(['pass_rate', 'p95_latency', 'p95_ttft', 'cost', 'version', 'budgets']),
  level: CheckLevel,
  text: z.string()
})
export type StatusCheck = z.infer<typeof StatusCheck>

export const ContractStatus = z.object({
  contractId: z.string(),
  level: StatusLevel,
  /** The one line to show first: the worst reason, or that every budget holds. */
  summary: z.string(),
  /** Every comparison, worst first. */
  checks: z.array(StatusCheck),
  latestVersion: z.number().int().nonnegative(),
  /** The latest completed eval run (pass rate; also latency and cost when it is the newest run). */
  quality: MeasuredRun.nullable(),
  /** The latest completed eval or benchmark run: the source of latency, time to first token and cost. */
  performance: MeasuredRun.nullable()
})
export type ContractStatus = z.infer<typeof ContractStatus>

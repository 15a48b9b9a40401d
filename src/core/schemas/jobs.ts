import { z } from 'zod'
import { ApiError } from '../errors'

export const JobStatus = z.enum(['running', 'completed', 'failed', 'cancelled'])
export type JobStatus = z.infer<typeof JobStatus>

export const JobStarted = z.object({ jobId: z.string() })
export type JobStarted = z.infer<typeof JobStarted>

export const JobInfo = z.object({
  id: z.string(),
  op: z.string(),
  status: JobStatus,
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
  /** Last progress seen: done of total units. */
  progress: z.object({ done: z.number().int().nonnegative(), total: z.number().int().nonnegative() }).nullable(),
  error: ApiError.nullable(),
  /** The run a job wrote to, when it writes one. */
  runId: z.string().nullable()
})
export type JobInfo = z.infer<typeof JobInfo>

/**
 * Envelope of every job event on every face (IPC channel, SSE stream, CLI). `seq` is one sequence across all jobs
 * of an engine (rising, so also in order within a job): a subscriber that reconnects asks for events after the last
 * `seq` it saw. `payload` is typed per operation by the contract.
 */
export const JobEventEnvelope = z.object({
  jobId: z.string(),
  op: z.string(),
  seq: z.number().int().nonnegative(),
  at: z.number(),
  event: z.record(z.string(), z.unknown())
})
export type JobEventEnvelope = z.infer<typeof JobEventEnvelope>

/** Events common to all jobs; operation-specific events are unioned with these in the contract. */
export const ProgressEvent = z.object({ type: z.literal('progress'), done: z.number().int(), total: z.number().int(), note: z.string().optional() })
export const StatusEvent = z.object({ type: z.literal('status'), status: JobStatus, error: ApiError.nullable() })

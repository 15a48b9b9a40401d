import { z } from 'zod'
import { JobStarted } from '../schemas/jobs'

/** Building blocks of the API contract, shared by the per-domain operation files. */

export const Empty = z.object({}).strict()
export const Id = z.string().min(1, 'must not be empty').max(200)

export interface CallSpec<Req extends z.ZodType, Res extends z.ZodType> {
  kind: 'call'
  summary: string
  request: Req
  response: Res
}
export interface JobSpec<Req extends z.ZodType, Ev extends z.ZodType> {
  kind: 'job'
  summary: string
  request: Req
  response: typeof JobStarted
  event: Ev
}

/** An operation that answers once. */
export function call<Req extends z.ZodType, Res extends z.ZodType>(summary: string, request: Req, response: Res): CallSpec<Req, Res> {
  return { kind: 'call', summary, request, response }
}
/** An operation that answers `{ jobId }` at once, then streams typed events until a final `status` event. */
export function job<Req extends z.ZodType, Ev extends z.ZodType>(summary: string, request: Req, event: Ev): JobSpec<Req, Ev> {
  return { kind: 'job', summary, request, response: JobStarted, event }
}

import type { CallOperation, JobOperation, OperationName, RequestOf, ResponseOf } from '../../src/core/api-contract'
import type { SwitchyardClient } from '../../src/core/client'
import { AppError } from '../../src/core/errors'
import { JobEventEnvelope, JobStarted } from '../../src/core/schemas/jobs'
import { validateResponse } from './validate-response'

/** How a face moves requests and job events: IPC through the preload bridge, or HTTP + SSE. */
export interface Transport {
  face: SwitchyardClient['face']
  /** Sends one operation; resolves with the engine's answer or rejects with an AppError. */
  send(op: OperationName, request: unknown): Promise<unknown>
  /** Delivers each raw job event; returns an unsubscribe function. */
  subscribe(listener: (raw: unknown) => void): () => void
}

/** The typed client over any transport: every answer and event is checked against the contract. */
export function clientOverTransport(transport: Transport): SwitchyardClient {
  return {
    face: transport.face,
    async call<K extends CallOperation>(op: K, request: RequestOf<K>): Promise<ResponseOf<K>> {
      return validateResponse(op, await transport.send(op, request))
    },
    async start<K extends JobOperation>(op: K, request: RequestOf<K>): Promise<JobStarted> {
      const parsed = JobStarted.safeParse(await transport.send(op, request))
      if (!parsed.success) throw new AppError('INTERNAL', `The engine answered ${op} without a job id`)
      return parsed.data
    },
    onJobEvent(listener) {
      return transport.subscribe((raw) => {
        const parsed = JobEventEnvelope.safeParse(raw)
        if (parsed.success) listener(parsed.data)
      })
    }
  }
}

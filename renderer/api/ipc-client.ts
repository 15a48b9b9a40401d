import { splitOperationName } from '../../src/core/api-contract'
import type { CallOperation, JobOperation, OperationName, RequestOf, ResponseOf } from '../../src/core/api-contract'
import type { BridgeApi, IpcResult, SwitchyardClient } from '../../src/core/client'
import { AppError, fromApiError } from '../../src/core/errors'
import { JobEventEnvelope, JobStarted } from '../../src/core/schemas/jobs'
import { validateResponse } from './validate-response'

type BridgeFn = (request: unknown) => Promise<IpcResult<unknown>>

/** Electron window: every operation goes through the preload bridge, `window.switchyard.<domain>.<verb>(req)`. */
export function createIpcClient(bridge: BridgeApi): SwitchyardClient {
  async function invoke(op: OperationName, request: unknown): Promise<unknown> {
    const [domain, verb] = splitOperationName(op)
    const group = (bridge as unknown as Record<string, Record<string, BridgeFn> | undefined>)[domain]
    const fn = group?.[verb]
    if (typeof fn !== 'function') throw new AppError('INTERNAL', `The desktop bridge does not expose ${op}`)
    let result: IpcResult<unknown>
    try {
      result = await fn(request ?? {})
    } catch (error) {
      throw new AppError('INTERNAL', `engine unreachable (${error instanceof Error ? error.message : String(error)})`)
    }
    if (!result.ok) throw fromApiError(result.error)
    return result.data
  }

  return {
    face: 'electron',
    async call<K extends CallOperation>(op: K, request: RequestOf<K>): Promise<ResponseOf<K>> {
      return validateResponse(op, await invoke(op, request))
    },
    async start<K extends JobOperation>(op: K, request: RequestOf<K>): Promise<JobStarted> {
      const parsed = JobStarted.safeParse(await invoke(op, request))
      if (!parsed.success) throw new AppError('INTERNAL', `The engine answered ${op} without a job id`)
      return parsed.data
    },
    onJobEvent(listener) {
      return bridge.events.onJobEvent((event) => {
        const parsed = JobEventEnvelope.safeParse(event)
        if (parsed.success) listener(parsed.data)
      })
    }
  }
}

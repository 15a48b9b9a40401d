import { splitOperationName } from '../../src/core/api-contract'
import type { OperationName } from '../../src/core/api-contract'
import type { BridgeApi, IpcResult, SwitchyardClient } from '../../src/core/client'
import { AppError, fromApiError } from '../../src/core/errors'
import { clientOverTransport } from './transport-client'

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

  return clientOverTransport({
    face: 'electron',
    send: invoke,
    subscribe: (listener) => bridge.events.onJobEvent(listener)
  })
}

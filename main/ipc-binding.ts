import { IPC_JOB_EVENT_CHANNEL, OPERATION_KINDS, ipcChannel } from '../src/core/api-operations'
import type { OperationName } from '../src/core/api-contract'
import type { IpcResult } from '../src/core/client'
import { ErrorCode, toApiError, type ApiError } from '../src/core/errors'
import type { JobEventEnvelope } from '../src/core/schemas/jobs'
import type { EngineLike } from './engine-like'

/** The part of `ipcMain` used here; `E` is the invoke event (Electron's IpcMainInvokeEvent). */
export interface IpcMainLike<E> {
  handle(channel: string, listener: (event: E, ...args: unknown[]) => Promise<unknown>): void
  removeHandler(channel: string): void
}

export const ALL_OPERATIONS = Object.keys(OPERATION_KINDS) as OperationName[]

/**
 * Any thrown value as a clean envelope: code, message and (for validation) issues, rebuilt field by field so no
 * stack trace, cause or extra property crosses IPC. Errors that look like AppError from another module copy keep
 * their code.
 */
export function toIpcError(error: unknown): ApiError {
  const base = toApiError(error)
  if (base.code === 'INTERNAL' && typeof error === 'object' && error !== null) {
    const code = ErrorCode.safeParse((error as { code?: unknown }).code)
    if (code.success) base.code = code.data
  }
  const envelope: ApiError = { code: base.code, message: String(base.message) }
  if (base.issues) envelope.issues = base.issues.map(({ path, message }) => ({ path, message }))
  return envelope
}

export interface BindIpcOptions<E> {
  ipcMain: IpcMainLike<E>
  engine: EngineLike
  isTrustedSender: (event: E) => boolean
  /** Operations to bind; defaults to every operation of the contract. */
  operations?: readonly OperationName[]
}

/**
 * Registers exactly one `ipcMain.handle(ipcChannel(op))` per operation. The one wrapper validates the sender, then
 * lets `engine.dispatch` validate the payload with the contract's zod schema; it never throws across IPC and
 * answers an IpcResult. Returns `unbind()`, which removes the handlers.
 */
export function bindIpc<E>({ ipcMain, engine, isTrustedSender, operations = ALL_OPERATIONS }: BindIpcOptions<E>): () => void {
  const channels: string[] = []
  for (const op of new Set(operations)) {
    if (!Object.prototype.hasOwnProperty.call(OPERATION_KINDS, op)) throw new Error(`Not an operation of the contract: ${op}`)
    const channel = ipcChannel(op)
    ipcMain.handle(channel, async (event, request): Promise<IpcResult<unknown>> => {
      if (!senderAllowed(isTrustedSender, event)) {
        return { ok: false, error: { code: 'FORBIDDEN', message: `This window may not call ${op}.` } }
      }
      try {
        const data = await engine.dispatch(op, request === undefined ? {} : request)
        return { ok: true, data }
      } catch (error) {
        return { ok: false, error: toIpcError(error) }
      }
    })
    channels.push(channel)
  }
  return () => {
    for (const channel of channels.splice(0)) ipcMain.removeHandler(channel)
  }
}

/** The sender check, failing closed when it throws. */
function senderAllowed<E>(isTrustedSender: (event: E) => boolean, event: E): boolean {
  try {
    return isTrustedSender(event)
  } catch {
    return false
  }
}

/** Where job events go: a window's webContents (Electron's WebContents fits it). */
export interface EventSinkLike {
  isDestroyed(): boolean
  send(channel: string, payload: JobEventEnvelope): void
}

/** Sends every job event on IPC_JOB_EVENT_CHANNEL to each live window. Returns the unsubscribe function. */
export function forwardJobEvents(engine: Pick<EngineLike, 'onJobEvent'>, getWebContents: () => Iterable<EventSinkLike>): () => void {
  return engine.onJobEvent((event) => {
    for (const contents of getWebContents()) {
      if (contents.isDestroyed()) continue
      try {
        contents.send(IPC_JOB_EVENT_CHANNEL, event)
      } catch {
        // A window closing mid-send is not an engine error.
      }
    }
  })
}

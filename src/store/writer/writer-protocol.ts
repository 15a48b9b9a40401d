import type { NewCall } from '../repos/call-repo'
import type { EvalCellScore } from '../repos/eval-cell-repo'

/** One eval cell's rows: a call and, for its final call, the scores. */
export interface EvalCellWrite {
  call: NewCall
  scores: readonly EvalCellScore[]
}

/** What the store's writer thread starts with. */
export interface WriterData {
  /** The store file; already created and migrated by the engine's own connection. */
  path: string
}

/** Engine → writer thread. */
export type WriterRequest = { type: 'eval-cells'; seq: number; batch: EvalCellWrite[] } | { type: 'close' }

/** Writer thread → engine. */
export type WriterReply =
  | { type: 'ready' }
  | { type: 'done'; seq: number }
  | { type: 'failed'; seq: number; message: string }
  /** The thread could not open the store; it exits after saying so. */
  | { type: 'fatal'; message: string }

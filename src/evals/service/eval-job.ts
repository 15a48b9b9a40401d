import type { JobContext } from '../../jobs/job-registry'
import type { CallPolicy } from '../../core/schemas/playground'
import type { CallTarget, StreamCall } from '../../providers/call-types'
import type { EvalFinalRow } from '../../store/repos/eval-result-repo'
import type { Store } from '../../store/store'
import { cellCount, type EvalPlan } from '../runner/eval-plan'
import { runEval, type EvalTotals } from '../runner/run-eval'
import { createCellScorer, createJudge } from '../score-cell'
import { columnsOf, type EvalRunConfig } from './eval-config'
import { readResults } from './eval-read'

const PROGRESS_EVERY_MS = 100

export interface EvalJobInput {
  store: Store
  config: EvalRunConfig
  plan: EvalPlan
  resumed: boolean
  judge: CallTarget | null
  embeddings: CallTarget | null
  policy: CallPolicy
  streamCall: StreamCall
}

/**
 * The body of evals.run / evals.resume: runs the pending cells, streams their outcomes as `cells` events (batched),
 * then ends the run with its totals and the gates' verdict. A cancel keeps everything finished (the run becomes
 * `cancelled` and can be resumed); an unexpected failure marks the run `failed` with the reason.
 */
export async function runEvalJob(job: JobContext, input: EvalJobInput): Promise<void> {
  const { store, config, plan } = input
  const runId = plan.runId
  job.setRunId(runId)
  // Group commits go to the store's writer thread (started now, while the first calls go out), off this event loop.
  const writer = store.backgroundWriter()
  const done = input.resumed ? store.evalCells.doneCellKeys(runId) : new Set<string>()
  job.emit({ type: 'run-created', runId, resumed: input.resumed, cells: cellCount(plan), alreadyDone: done.size, columns: columnsOf(config) })
  const judgeTarget = input.judge
  const embeddingsTarget = input.embeddings
  const score = createCellScorer({
    defaults: config.assertions,
    ...(judgeTarget ? { judge: createJudge(judgeTarget, input.policy, input.streamCall, job.signal) } : {}),
    // The embeddings SDK is loaded only by runs that use it.
    ...(embeddingsTarget ? { embed: async (texts: string[]) => (await import('../../providers/embedding-model')).embedTexts(embeddingsTarget, texts, job.signal) } : {})
  })
  // At most one progress event per PROGRESS_EVERY_MS (and the last one): thousands of cells a second would
  // otherwise flood every subscriber (IPC, the web socket) with events nobody can see.
  let lastProgressAt = 0
  let progressTimer: ReturnType<typeof setTimeout> | null = null
  let latest = { done: 0, total: 0 }
  const sendProgress = (): void => {
    if (progressTimer) clearTimeout(progressTimer)
    progressTimer = null
    lastProgressAt = Date.now()
    job.progress(latest.done, latest.total)
  }
  const progress = (done: number, total: number): void => {
    latest = { done, total }
    if (done >= total || Date.now() - lastProgressAt >= PROGRESS_EVERY_MS) sendProgress()
    else if (!progressTimer) progressTimer = setTimeout(sendProgress, PROGRESS_EVERY_MS - (Date.now() - lastProgressAt))
  }
  // A fresh run's deciding calls are kept as they are made, so its verdict needs no read of everything just written;
  // a resumed run reads them back from the store (the cells of earlier sessions are only there).
  const finals: EvalFinalRow[] | null = done.size === 0 ? [] : null
  let totals: EvalTotals
  try {
    totals = await runEval({
      plan,
      done,
      sink: { write: (batch) => writer.writeEvalCells(batch), cached: (hash) => store.evalCells.cached(hash) },
      streamCall: input.streamCall,
      score,
      signal: job.signal,
      onCells: (cells) => job.emit({ type: 'cells', cells }),
      onProgress: progress,
      onRetry: (info) => job.emit({ type: 'retry', ...info }),
      ...(finals ? { onFinal: (row: EvalFinalRow) => finals.push(row) } : {})
    })
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error)
    store.runs.finish(runId, 'failed', null, message)
    throw error
  } finally {
    if (progressTimer) sendProgress()
  }
  const results = readResults(store, runId, { limit: 0, cases: plan.cases, ...(finals ? { finals } : {}) })
  const summary = { ...totals, verdict: results.verdict, decided: results.totals.decided }
  job.emit({ type: 'totals', totals, verdict: results.verdict })
  store.runs.finish(runId, job.signal.aborted ? 'cancelled' : 'completed', summary)
}

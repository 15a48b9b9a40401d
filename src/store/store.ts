import type BetterSqlite3 from 'better-sqlite3'
import type { BackgroundWriter } from './writer/background-writer'
import { createCallRepo } from './repos/call-repo'
import type { CallRepo } from './repos/call-repo'
import { createContractRepo } from './repos/contract-repo'
import type { ContractRepo } from './repos/contract-repo'
import { createContractMeasurementRepo } from './repos/contract-measurement-repo'
import type { ContractMeasurementRepo } from './repos/contract-measurement-repo'
import { createDatasetRepo } from './repos/dataset-repo'
import { createEvalCellRepo } from './repos/eval-cell-repo'
import type { EvalCellRepo } from './repos/eval-cell-repo'
import { createEvalResultRepo } from './repos/eval-result-repo'
import type { EvalResultRepo } from './repos/eval-result-repo'
import type { DatasetRepo } from './repos/dataset-repo'
import { createFeedbackRepo } from './repos/feedback-repo'
import type { FeedbackRepo } from './repos/feedback-repo'
import { createModelRepo } from './repos/model-repo'
import type { ModelRepo } from './repos/model-repo'
import { createProviderRepo } from './repos/provider-repo'
import type { ProviderRepo } from './repos/provider-repo'
import { createRunRepo } from './repos/run-repo'
import type { RunRepo } from './repos/run-repo'
import { createScoreRepo } from './repos/score-repo'
import type { ScoreRepo } from './repos/score-repo'
import { createRoutingPolicyRepo } from './repos/routing-policy-repo'
import type { RoutingPolicyRepo } from './repos/routing-policy-repo'
import { createSettingRepo } from './repos/setting-repo'
import type { SettingRepo } from './repos/setting-repo'
import { createSuiteRepo } from './repos/suite-repo'
import type { SuiteRepo } from './repos/suite-repo'

export interface Repos {
  providers: ProviderRepo
  models: ModelRepo
  contracts: ContractRepo
  /** What a contract's latest eval and benchmark runs measured (its status card). */
  contractMeasurements: ContractMeasurementRepo
  datasets: DatasetRepo
  runs: RunRepo
  calls: CallRepo
  scores: ScoreRepo
  feedback: FeedbackRepo
  evalCells: EvalCellRepo
  evalResults: EvalResultRepo
  settings: SettingRepo
  suites: SuiteRepo
  routingPolicies: RoutingPolicyRepo
}

/** An open Switchyard store: the connection, what opening found, and one repository per entity. */
export interface Store extends Repos {
  db: BetterSqlite3.Database
  /** Absolute path of the database file. */
  path: string
  schemaVersion: number
  /** Runs found `running`/`queued` at open and marked `interrupted`. */
  recoveredRuns: number
  /** The copy taken before migrating this open, if one was. */
  backupPath: string | null
  readonly: boolean
  /** Runs `fn` in one IMMEDIATE transaction across repositories (all or nothing). */
  transaction<T>(fn: () => T): T
  /** The writer thread for high-rate result commits (eval runs), started on first use; closed with the store. */
  backgroundWriter(): BackgroundWriter
  /** Ends the writer thread (if one was started) once everything sent to it is committed. */
  closeWriter(): Promise<void>
  close(): void
}

/** Builds every repository once (each prepares its statements once, here). */
export function createRepos(db: BetterSqlite3.Database): Repos {
  const calls = createCallRepo(db)
  return {
    providers: createProviderRepo(db),
    models: createModelRepo(db),
    contracts: createContractRepo(db),
    contractMeasurements: createContractMeasurementRepo(db),
    datasets: createDatasetRepo(db),
    runs: createRunRepo(db, calls),
    calls,
    scores: createScoreRepo(db),
    feedback: createFeedbackRepo(db),
    evalCells: createEvalCellRepo(db, calls),
    evalResults: createEvalResultRepo(db),
    settings: createSettingRepo(db),
    suites: createSuiteRepo(db),
    routingPolicies: createRoutingPolicyRepo(db)
  }
}

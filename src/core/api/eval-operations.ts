import { z } from 'zod'
import { EvalCellDetail, EvalComparison, EvalEstimate, EvalRunEvent, EvalRunOverrides, PromptfooImportResult, TrendPoint } from '../schemas/eval-api'
import { EvalResults } from '../schemas/eval'
import { Suite, SuiteSettings } from '../schemas/suite'
import { call, Empty, Id, job } from './define'

/** Eval suites and runs (issue 5). Spread into the API contract. */

const SuiteInput = z
  .object({
    name: z.string().trim().min(1, 'give the suite a name').max(200),
    contractVersionId: Id,
    datasetVersionId: Id,
    settings: SuiteSettings.default({})
  })
  .strict()

export const evalOperations = {
  'suites.list': call('Eval suites, by name.', Empty, z.array(Suite)),
  'suites.get': call('One suite.', z.object({ id: Id }).strict(), Suite),
  'suites.create': call('Create a suite: a contract version × a dataset version × models × assertions.', SuiteInput, Suite),
  'suites.update': call(
    "Change a suite's name, versions or settings.",
    z
      .object({ id: Id, name: SuiteInput.shape.name.optional(), contractVersionId: Id.optional(), datasetVersionId: Id.optional(), settings: SuiteSettings.optional() })
      .strict(),
    Suite
  ),
  'suites.remove': call('Delete a suite (its runs stay, without the link).', z.object({ id: Id }).strict(), z.object({ removed: z.literal(true) })),

  'evals.estimate': call(
    'Before a run: the number of calls, estimated tokens and a cost range.',
    z.object({ suiteId: Id, overrides: EvalRunOverrides.default({}) }).strict(),
    EvalEstimate
  ),
  'evals.run': job(
    'Run a suite: every case × prompt variant × model × repeat, scored, every call and score committed as it completes.',
    z.object({ suiteId: Id, overrides: EvalRunOverrides.default({}) }).strict(),
    EvalRunEvent
  ),
  'evals.resume': job(
    'Continue a cancelled or interrupted eval run where it stopped, without redoing completed calls.',
    z.object({ runId: Id }).strict(),
    EvalRunEvent
  ),
  'evals.results': call(
    'The results matrix (cases × variant/model columns) with per-column statistics and the gates.',
    z
      .object({
        runId: Id,
        filter: z.enum(['all', 'failures', 'errors', 'disagree', 'flaky']).default('all'),
        offset: z.number().int().nonnegative().default(0),
        limit: z.number().int().positive().max(5000).default(500)
      })
      .strict(),
    EvalResults
  ),
  'evals.cell': call(
    "One cell: the case's variables and expected output, the prompt as sent, every attempt's output and each assertion's reason.",
    z.object({ runId: Id, caseId: Id, columnKey: z.string().min(1), repeatIndex: z.number().int().nonnegative().default(0) }).strict(),
    EvalCellDetail
  ),
  'evals.compare': call(
    'Compare two runs on the same dataset: regressions, improvements, exact McNemar test and a bootstrap interval.',
    z.object({ runA: Id, runB: Id, columnA: z.string().optional(), columnB: z.string().optional() }).strict(),
    EvalComparison
  ),
  'evals.trend': call(
    "A contract's pass rate across its eval runs, oldest first.",
    z.object({ contractId: Id, limit: z.number().int().positive().max(500).default(50) }).strict(),
    z.array(TrendPoint)
  ),
  'evals.importPromptfoo': call(
    'Import a promptfooconfig.yaml (a file path on this machine): a contract (one version per prompt), a dataset and a suite; anything unsupported is listed by name.',
    z.object({ path: z.string().trim().min(1, 'give the path of a promptfooconfig.yaml').max(4096) }).strict(),
    PromptfooImportResult
  )
} as const

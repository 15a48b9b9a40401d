import { AppError } from '../../core/errors'
import type { EvalRunOverrides } from '../../core/schemas/eval-api'
import type { Suite } from '../../core/schemas/suite'
import type { ModelRef } from '../../core/schemas/workspace'
import type { EvalRunConfig } from '../../evals/service/eval-config'
import type { Handlers } from '../dispatch'
import { requireStore, type EngineContext } from '../engine-context'
import { callTarget, effectivePolicy, resolveModelRefs } from './call-targets'

type EvalOps =
  | 'suites.list'
  | 'suites.get'
  | 'suites.create'
  | 'suites.update'
  | 'suites.remove'
  | 'evals.estimate'
  | 'evals.run'
  | 'evals.resume'
  | 'evals.results'
  | 'evals.cell'
  | 'evals.compare'
  | 'evals.trend'
  | 'evals.importPromptfoo'

/** The judge / embeddings target named by a run, checked like the models (exists, enabled). */
function optionalTarget(context: EngineContext, ref: ModelRef | null, what: string) {
  if (!ref) return null
  try {
    const [resolved] = resolveModelRefs(context, [ref])
    return callTarget(context, resolved!.provider, resolved!.model)
  } catch (error) {
    if (error instanceof AppError) throw new AppError(error.code, `The ${what} model: ${error.message}`, [{ path: `settings.${what}`, message: error.message }])
    throw error
  }
}

/** `addModel` adds a model row with catalog prices (the models.add handler). */
export function evalHandlers(context: EngineContext, addModel: (providerId: string, modelId: string) => Promise<unknown>): Pick<Handlers, EvalOps> {
  /** Everything a run needs, checked before the job (and its run) exist: a bad suite never half-starts. */
  async function prepare(config: EvalRunConfig, runId: string) {
    const store = requireStore(context)
    const resolved = resolveModelRefs(context, config.models)
    const targets = resolved.map(({ provider, model }, i) => ({ ref: config.models[i]!, target: callTarget(context, provider, model), prices: store.models.find(provider.id, model.modelId) ?? model }))
    const primary = store.contracts.getVersionById(config.variants[0]!.id)
    const policy = effectivePolicy(context, { retries: primary.fallback.retries, totalTimeoutMs: primary.fallback.timeoutMs })
    const { buildPlan } = await import('../../evals/service/build-plan')
    const plan = buildPlan(store, runId, config, targets, policy)
    return { plan, policy, models: resolved.map((r) => r.model), judge: optionalTarget(context, config.judge, 'judge'), embeddings: optionalTarget(context, config.embeddings, 'embeddings') }
  }

  async function configFor(suiteId: string, overrides: EvalRunOverrides): Promise<{ suite: Suite; config: EvalRunConfig }> {
    const store = requireStore(context)
    const suite = store.suites.get(suiteId)
    const { resolveRunConfig } = await import('../../evals/service/build-plan')
    return { suite, config: resolveRunConfig(store, suite, overrides) }
  }

  async function startJob(op: 'evals.run' | 'evals.resume', config: EvalRunConfig, runId: string, resumed: boolean, prepared: Awaited<ReturnType<typeof prepare>>): Promise<{ jobId: string }> {
    const store = requireStore(context)
    const jobId = context.jobs.start(op, async (job) => {
      const [{ runEvalJob }, { streamCall }] = await Promise.all([import('../../evals/service/eval-job'), import('../../providers/stream-call')])
      await runEvalJob(job, { store, config, plan: prepared.plan, resumed, judge: prepared.judge, embeddings: prepared.embeddings, policy: prepared.policy, streamCall })
    })
    return { jobId }
  }

  return {
    'suites.list': () => requireStore(context).suites.list(),
    'suites.get': (request) => requireStore(context).suites.get(request.id),
    'suites.create': (request) => {
      const store = requireStore(context)
      store.contracts.getVersionById(request.contractVersionId)
      store.datasets.getVersionById(request.datasetVersionId)
      return store.suites.create(request)
    },
    'suites.update': (request) => {
      const store = requireStore(context)
      const { id, ...patch } = request
      if (patch.contractVersionId) store.contracts.getVersionById(patch.contractVersionId)
      if (patch.datasetVersionId) store.datasets.getVersionById(patch.datasetVersionId)
      return store.suites.update(id, patch)
    },
    'suites.remove': (request) => {
      requireStore(context).suites.remove(request.id)
      return { removed: true as const }
    },
    'evals.estimate': async (request) => {
      const { config } = await configFor(request.suiteId, request.overrides)
      const prepared = await prepare(config, 'estimate')
      const { estimateEval } = await import('../../evals/service/estimate-eval')
      return estimateEval(prepared.plan, prepared.models, config.assertions, config.judge !== null, config.embeddings !== null)
    },
    'evals.run': async (request) => {
      const store = requireStore(context)
      const { suite, config } = await configFor(request.suiteId, request.overrides)
      const prepared = await prepare(config, 'pending')
      const runId = store.runs.create({ kind: 'eval', title: suite.name, config, suiteId: suite.id, contractVersionId: suite.contractVersionId, datasetVersionId: config.datasetVersionId })
      prepared.plan.runId = runId
      return startJob('evals.run', config, runId, false, prepared)
    },
    'evals.resume': async (request) => {
      const store = requireStore(context)
      const { evalConfigOf } = await import('../../evals/service/eval-read')
      const config = evalConfigOf(store, request.runId)
      const running = context.jobs.list().find((j) => j.runId === request.runId && j.status === 'running')
      if (running) throw new AppError('CONFLICT', `Run "${request.runId}" is running in job ${running.id}; wait for it or cancel it first.`)
      const prepared = await prepare(config, request.runId)
      store.runs.reopen(request.runId)
      return startJob('evals.resume', config, request.runId, true, prepared)
    },
    'evals.results': async (request) => {
      const { readResults } = await import('../../evals/service/eval-read')
      return readResults(requireStore(context), request.runId, request)
    },
    'evals.cell': async (request) => {
      const { readCell } = await import('../../evals/service/eval-read')
      return readCell(requireStore(context), request)
    },
    'evals.compare': async (request) => {
      const { compareEvalRuns } = await import('../../evals/service/eval-read')
      return compareEvalRuns(requireStore(context), request)
    },
    'evals.trend': async (request) => {
      const { contractTrend } = await import('../../evals/service/eval-read')
      return contractTrend(requireStore(context), request.contractId, request.limit)
    },
    'evals.importPromptfoo': async (request) => {
      const store = requireStore(context)
      const [{ readPromptfooConfig }, { importPromptfoo, configuredProviderFor }] = await Promise.all([import('../../evals/promptfoo/read-config'), import('../../evals/promptfoo/import-promptfoo')])
      const config = readPromptfooConfig(request.path)
      // Models the config names are added to their configured providers first, with catalog prices.
      for (const p of config.providers) {
        const provider = configuredProviderFor(store, p.mapped.kind)
        if (provider && !store.models.find(provider.id, p.mapped.modelId)) await addModel(provider.id, p.mapped.modelId)
      }
      return importPromptfoo(store, request.path, config)
    }
  }
}

/** Zod-free kinds of the operations in eval-operations.ts, for the preload. */
export const EVAL_OPERATION_KINDS = {
  'suites.list': 'call',
  'suites.get': 'call',
  'suites.create': 'call',
  'suites.update': 'call',
  'suites.remove': 'call',
  'evals.estimate': 'call',
  'evals.run': 'job',
  'evals.resume': 'job',
  'evals.results': 'call',
  'evals.cell': 'call',
  'evals.compare': 'call',
  'evals.trend': 'call',
  'evals.importPromptfoo': 'call'
} as const

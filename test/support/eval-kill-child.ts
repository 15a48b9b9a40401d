// Child process for the eval durability test: starts an engine on the store given in argv, creates a 1,000-case
// dataset and a suite of two emulator models (2,000 calls), starts the run and prints "run <id>" and
// "progress <done>" lines until the parent kills it with SIGKILL.
import { createEngine } from '../../src/api/engine'
import { EnvSecretStore } from '../../src/secrets/env-secret-store'

const storePath = process.argv[2]
if (!storePath) throw new Error('usage: eval-kill-child.ts STORE')
const engine = await createEngine({ face: 'cli', storePath, secretStore: new EnvSecretStore() })
const store = engine.context.store!
const contract = store.contracts.create(
  { name: 'Durability', description: 'kill -9 test', feature: 'durability' },
  {
    messages: [{ role: 'user', content: 'Echo {{n}}' }],
    variables: [{ name: 'n', type: 'string', description: '', required: true }],
    output: { kind: 'text' },
    params: { maxTokens: 8 },
    budgets: {},
    candidates: [],
    fallback: {}
  }
)
const dataset = store.datasets.create({ name: 'Thousand' }, Array.from({ length: 1000 }, (_, i) => ({ vars: { n: String(i) } })))
const datasetVersionId = store.datasets.listVersions(dataset.id)[0]!.id
const suite = store.suites.create({
  name: 'Durability suite',
  contractVersionId: contract.latest!.id,
  datasetVersionId,
  settings: { models: [{ providerId: 'local-emulator', modelId: 'emu-swift' }, { providerId: 'local-emulator', modelId: 'emu-instant' }], concurrency: 16, assertions: [{ type: 'contains', value: ' ' }] }
})
engine.onJobEvent((envelope) => {
  const e = envelope.event as { type: string; runId?: string; done?: number }
  if (e.type === 'run-created') process.stdout.write(`run ${e.runId}\n`)
  if (e.type === 'progress') process.stdout.write(`progress ${e.done}\n`)
})
await engine.dispatch('evals.run', { suiteId: suite.id })

import { z } from 'zod'
import { validationError } from '../core/errors'
import { ContractVersionBody } from '../core/schemas/workspace'
import sampleWorkspaceJson from '../../resources/sample-workspace/sample-workspace.json'
import { DatasetCaseInput } from './repos/dataset-repo'
import type { Store } from './store'

export const EMULATOR_PROVIDER_ID = 'local-emulator'

export interface EmulatorModelSeed {
  id: string
  displayName: string
  contextWindow: number
  inputPricePerMTok: number
  outputPricePerMTok: number
}

/** The shape of resources/sample-workspace/sample-workspace.json. */
export const SampleWorkspace = z
  .object({
    contract: z.object({
      name: z.string().min(1),
      description: z.string(),
      feature: z.string().nullable(),
      body: ContractVersionBody
    }),
    dataset: z.object({
      name: z.string().min(1),
      description: z.string(),
      note: z.string().default(''),
      cases: z.array(DatasetCaseInput).min(1)
    })
  })
  .strict()
export type SampleWorkspace = z.output<typeof SampleWorkspace>

/** The bundled sample workspace, validated against the core schemas. */
export function loadSampleWorkspace(): SampleWorkspace {
  const parsed = SampleWorkspace.safeParse(sampleWorkspaceJson)
  if (!parsed.success) throw validationError('sample workspace (resources/sample-workspace/sample-workspace.json)', parsed.error)
  return parsed.data
}

/**
 * Gives a brand-new store (no providers yet) something to try offline: the built-in Local emulator provider with
 * the emulator's models, and the sample workspace (the "Support ticket triage" contract and its "Triage golden set"
 * dataset). All in one transaction; a store that already has providers is left alone.
 */
export function seedFreshStore(store: Store, options: { emulatorModels: EmulatorModelSeed[] }): { seeded: boolean } {
  const sample = loadSampleWorkspace()
  return store.transaction(() => {
    if (store.providers.count() > 0) return { seeded: false }
    store.providers.create({ id: EMULATOR_PROVIDER_ID, kind: 'emulator', name: 'Local emulator', baseUrl: null, builtIn: true })
    store.models.upsertMany(
      EMULATOR_PROVIDER_ID,
      options.emulatorModels.map((m) => ({
        modelId: m.id,
        displayName: m.displayName,
        contextWindow: m.contextWindow,
        inputPricePerMTok: m.inputPricePerMTok,
        outputPricePerMTok: m.outputPricePerMTok,
        priceSource: 'emulator' as const
      }))
    )
    const nameTaken = (name: string, names: Array<{ name: string }>) => names.some((n) => n.name.toLowerCase() === name.toLowerCase())
    if (!nameTaken(sample.contract.name, store.contracts.list({ includeArchived: true }))) {
      const { body, ...meta } = sample.contract
      const contract = store.contracts.create(meta, body)
      if (!nameTaken(sample.dataset.name, store.datasets.list())) {
        const { cases, name, description, note } = sample.dataset
        store.datasets.create({ name, description, contractId: contract.id }, cases, note)
      }
    }
    return { seeded: true }
  })
}

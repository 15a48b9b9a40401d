import { z } from 'zod'
import { VariableSpec } from './workspace'

/**
 * Dataset editing (the Datasets grid): per-case assertions, the edit script a save sends, version comparison.
 * Pure zod, shared by the engine and the renderer.
 */

/** One promptfoo-style assertion on a case: `{ type, value?, threshold?, weight? }` (other promptfoo keys kept). */
export const CaseAssertion = z.looseObject({
  type: z.string({ error: 'each assertion needs a "type", e.g. "contains" or "equals"' }).trim().min(1, 'each assertion needs a "type", e.g. "contains" or "equals"'),
  value: z.unknown().optional(),
  threshold: z.number({ error: '"threshold" must be a number, e.g. 0.8' }).optional(),
  weight: z.number({ error: '"weight" must be a number' }).nonnegative('"weight" must not be negative').optional()
})
export type CaseAssertion = z.infer<typeof CaseAssertion>
export const CaseAssertions = z.array(CaseAssertion, { error: 'assertions are a JSON array of objects, e.g. [{"type":"contains","value":"refund"}]' })

const Tags = z.array(z.string().trim().min(1, 'a tag must not be empty').max(100, 'a tag has at most 100 characters')).max(100, 'at most 100 tags')
const Notes = z.string().max(100_000)
const Expected = z.string().max(1_000_000).nullable()
const Vars = z.record(z.string().min(1, 'a variable name must not be empty').max(200), z.unknown())

/** A new case written in the grid. */
export const NewCase = z
  .object({
    vars: Vars.default({}),
    expected: Expected.default(null),
    assertions: CaseAssertions.default([]),
    tags: Tags.default([]),
    notes: Notes.default(''),
    source: z.string().max(500).default('editor')
  })
  .strict()
export type NewCase = z.input<typeof NewCase>

/**
 * One step of an edit script. The new version is the concatenation of the steps, in order:
 * - `keep`: base cases at positions `start … start + count − 1`, copied unchanged (a base case may be kept twice:
 *   that is a duplicate);
 * - `edit`: the base case `caseId` with some fields replaced (`vars` merges into its variables, `unsetVars` removes
 *   some; the other fields replace the whole field);
 * - `add`: a new case.
 */
export const EditStep = z.discriminatedUnion(
  'op',
  [
    z.object({ op: z.literal('keep'), start: z.number().int().nonnegative(), count: z.number().int().positive() }).strict(),
    z
      .object({
        op: z.literal('edit'),
        caseId: z.string().min(1).max(200),
        vars: Vars.optional(),
        unsetVars: z.array(z.string().min(1)).max(1000).optional(),
        expected: Expected.optional(),
        assertions: CaseAssertions.optional(),
        tags: Tags.optional(),
        notes: Notes.optional()
      })
      .strict(),
    z.object({ op: z.literal('add'), case: NewCase }).strict()
  ],
  { error: 'each step is {"op":"keep","start","count"}, {"op":"edit","caseId",…} or {"op":"add","case":{…}}' }
)
export type EditStep = z.input<typeof EditStep>
export type ParsedEditStep = z.output<typeof EditStep>

export const SaveEditsRequest = z
  .object({
    datasetId: z.string().min(1).max(200),
    /** The version the edits were made on; refused (CONFLICT) when it is no longer the latest. */
    baseVersion: z.number().int().positive(),
    steps: z.array(EditStep).max(250_000, 'at most 250,000 steps in one save'),
    note: z.string().trim().max(500, 'a version note has at most 500 characters').default('')
  })
  .strict()

export const DatasetVersionInfo = z.object({
  id: z.string(),
  version: z.number().int().positive(),
  caseCount: z.number().int().nonnegative(),
  note: z.string(),
  createdAt: z.string()
})
export type DatasetVersionInfo = z.infer<typeof DatasetVersionInfo>

export const SavedEdits = DatasetVersionInfo.extend({
  datasetId: z.string(),
  kept: z.number().int().nonnegative(),
  edited: z.number().int().nonnegative(),
  added: z.number().int().nonnegative(),
  removed: z.number().int().nonnegative()
})
export type SavedEdits = z.infer<typeof SavedEdits>

/** What the grid's columns are built from: the linked contract's variables and the variables its cases use. */
export const DatasetColumns = z.object({
  version: z.number().int().nonnegative(),
  contractName: z.string().nullable(),
  contractVariables: z.array(VariableSpec),
  /** Variable names used by the version's cases, in order of first use. */
  caseVariables: z.array(z.string())
})
export type DatasetColumns = z.infer<typeof DatasetColumns>

const DatasetNameField = z.string().trim().min(1, 'give the dataset a name').max(200, 'a dataset name has at most 200 characters')
export const CreateDatasetRequest = z
  .object({
    name: DatasetNameField,
    description: z.string().max(10_000).default(''),
    contractId: z.string().min(1).max(200).nullable().default(null)
  })
  .strict()
export const UpdateDatasetRequest = z
  .object({
    id: z.string().min(1).max(200),
    name: DatasetNameField.optional(),
    description: z.string().max(10_000).optional(),
    contractId: z.string().min(1).max(200).nullable().optional()
  })
  .strict()

/** A case as the comparison shows it. */
export const ComparedCase = z.object({
  id: z.string(),
  position: z.number().int().nonnegative(),
  vars: z.record(z.string(), z.unknown()),
  expected: z.string().nullable(),
  assertions: z.array(z.record(z.string(), z.unknown())),
  tags: z.array(z.string()),
  notes: z.string()
})
export type ComparedCase = z.infer<typeof ComparedCase>

export const CompareEntry = z.object({
  kind: z.enum(['added', 'removed', 'changed']),
  before: ComparedCase.nullable(),
  after: ComparedCase.nullable(),
  /** Fields that differ: `vars.<name>`, `expected`, `assertions`, `tags`, `notes` (empty for added/removed). */
  fields: z.array(z.string())
})
export type CompareEntry = z.infer<typeof CompareEntry>

export const CompareRequest = z
  .object({
    datasetId: z.string().min(1).max(200),
    from: z.number().int().positive(),
    to: z.number().int().positive(),
    offset: z.number().int().nonnegative().default(0),
    limit: z.number().int().positive().max(500).default(50),
    /** Only entries of these kinds (all when omitted). */
    kinds: z.array(z.enum(['added', 'removed', 'changed'])).max(3).optional()
  })
  .strict()

export const CompareResult = z.object({
  from: DatasetVersionInfo,
  to: DatasetVersionInfo,
  summary: z.object({
    added: z.number().int().nonnegative(),
    removed: z.number().int().nonnegative(),
    changed: z.number().int().nonnegative(),
    unchanged: z.number().int().nonnegative()
  }),
  /** Entries matching `kinds`, before paging. */
  total: z.number().int().nonnegative(),
  offset: z.number().int().nonnegative(),
  entries: z.array(CompareEntry)
})
export type CompareResult = z.infer<typeof CompareResult>

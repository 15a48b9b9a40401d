import { z } from 'zod'
import { ContractBodyInput, ContractProblem, ContractStatus, ContractVersionItem } from '../schemas/contract-editor'
import { ContractDetail, ContractSummary, ContractVersion } from '../schemas/workspace'
import { call, Id } from './define'

/** Contract editing: versions, duplicate, archive, status (issue 4). Spread into the API contract. */

const Name = z.string().trim().min(1, 'give the contract a name').max(200, 'at most 200 characters')
const Description = z.string().max(10_000, 'at most 10,000 characters')
/** A feature tag; an empty one clears it. */
const Feature = z
  .string()
  .trim()
  .max(200, 'at most 200 characters')
  .nullable()
  .transform((v) => (v === '' ? null : v))

export const contractOperations = {
  'contracts.create': call(
    'Create a contract and its version 1. Refused with VALIDATION_FAILED naming each problem (template, variables, output schema) and CONFLICT for a name in use; nothing is stored then.',
    z.object({ name: Name, description: Description.default(''), feature: Feature.default(null), body: ContractBodyInput }).strict(),
    ContractDetail
  ),
  'contracts.update': call(
    "Change a contract's name, description or feature tag (no new version).",
    z.object({ id: Id, name: Name.optional(), description: Description.optional(), feature: Feature.optional() }).strict(),
    ContractSummary
  ),
  'contracts.saveVersion': call(
    'Save the body as a new immutable version (latest + 1), and the name, description and feature when given, all at once. When the body equals the latest version no version is made (created: false).',
    z.object({ id: Id, name: Name.optional(), description: Description.optional(), feature: Feature.optional(), body: ContractBodyInput }).strict(),
    z.object({ contract: ContractSummary, version: ContractVersion, created: z.boolean(), message: z.string() })
  ),
  'contracts.versions': call(
    "A contract's versions, oldest first, each with a one-line summary of what changed.",
    z.object({ id: Id }).strict(),
    z.array(ContractVersionItem)
  ),
  'contracts.version': call(
    'One version of a contract, whole.',
    z.object({ id: Id, version: z.number().int().positive() }).strict(),
    ContractVersion
  ),
  'contracts.duplicate': call(
    'Copy a contract as "<name> (copy)" (or the name given) with its latest body as version 1.',
    z.object({ id: Id, name: Name.optional() }).strict(),
    ContractDetail
  ),
  'contracts.archive': call(
    'Archive a contract (hidden from lists unless asked) or bring it back with archived: false.',
    z.object({ id: Id, archived: z.boolean().default(true) }).strict(),
    ContractSummary
  ),
  'contracts.status': call(
    "Each contract's budgets against its latest measured eval and benchmark runs: green, amber, red or unmeasured, with the reasons in words. One contract with id, else every listed one.",
    z.object({ id: Id.optional(), includeArchived: z.boolean().default(false) }).strict(),
    z.array(ContractStatus)
  ),
  'contracts.validate': call(
    'Check a contract body without saving it: every problem (errors refuse a save, warnings do not), with its place and the fix.',
    z.object({ body: z.record(z.string(), z.unknown()) }).strict(),
    z.object({ problems: z.array(ContractProblem) })
  )
} as const

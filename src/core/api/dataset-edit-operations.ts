import { z } from 'zod'
import {
  CompareRequest,
  CompareResult,
  CreateDatasetRequest,
  DatasetColumns,
  DatasetVersionInfo,
  SavedEdits,
  SaveEditsRequest,
  UpdateDatasetRequest
} from '../schemas/dataset-edit'
import { DatasetSummary } from '../schemas/workspace'
import { call, Id } from './define'

/** Dataset editing: grid edits saved as versions, version comparison (issue 4). Spread into the API contract. */
export const datasetEditOperations = {
  'datasets.create': call(
    'Create an empty dataset (version 1 with no cases), optionally linked to a contract. A duplicate name is a CONFLICT.',
    CreateDatasetRequest,
    DatasetSummary
  ),
  'datasets.update': call(
    "Rename a dataset, change its description or the contract it is linked to (null unlinks). Versions are untouched.",
    UpdateDatasetRequest,
    DatasetSummary
  ),
  'datasets.versions': call('Every version of a dataset, newest first.', z.object({ datasetId: Id }).strict(), z.array(DatasetVersionInfo)),
  'datasets.columns': call(
    "What the grid's columns follow: the linked contract's variables and the variable names a version's cases use.",
    z.object({ datasetId: Id, version: z.number().int().positive().optional() }).strict(),
    DatasetColumns
  ),
  'datasets.saveEdits': call(
    'Save grid edits as a new immutable version: an edit script (keep base ranges, edited and new cases) against a base version, built in one transaction. CONFLICT when the base version is no longer the latest.',
    SaveEditsRequest,
    SavedEdits
  ),
  'datasets.compare': call(
    'Compare two versions of a dataset: added, removed and changed cases with their fields, paged, and a summary.',
    CompareRequest,
    CompareResult
  )
} as const

import type { ReactElement } from 'react'
import type { DatasetSummary } from '../../../../src/core/schemas/workspace'
import { ImportDatasetButton } from './ImportDatasetButton'

/** The Datasets page header's import / export actions for the selected dataset. */
export function DatasetTransferActions({ selected }: { selected: DatasetSummary | undefined }): ReactElement {
  return <ImportDatasetButton selected={selected} />
}

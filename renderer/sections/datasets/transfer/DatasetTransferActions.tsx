import { useState } from 'react'
import type { ReactElement } from 'react'
import type { DatasetSummary } from '../../../../src/core/schemas/workspace'
import { FeedbackCasesDialog } from '../../feedback/FeedbackCasesDialog'
import { ExportDatasetButton } from './ExportDatasetButton'
import { ImportDatasetButton } from './ImportDatasetButton'
import './transfer.css'

/**
 * The Datasets page header's actions: import a file (with the mapping step), export the selected dataset's version
 * (the latest, or `version` when the page shows another), and turn calls with feedback into cases.
 */
export function DatasetTransferActions({ selected, version }: { selected: DatasetSummary | undefined; version?: number }): ReactElement {
  const [fromFeedback, setFromFeedback] = useState(false)
  return (
    <div className="transfer-actions">
      <ImportDatasetButton selected={selected} />
      <ExportDatasetButton selected={selected} {...(version !== undefined ? { version } : {})} />
      <button type="button" className="btn" onClick={() => setFromFeedback(true)}>
        Cases from feedback
      </button>
      {fromFeedback && <FeedbackCasesDialog defaultDatasetId={selected?.id} onClose={() => setFromFeedback(false)} />}
    </div>
  )
}

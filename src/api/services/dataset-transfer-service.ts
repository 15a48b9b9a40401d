import { MAX_IMPORT_FILE_BYTES } from '../../core/api/dataset-transfer-operations'
import type { Handlers } from '../dispatch'
import { requireStore, type EngineContext } from '../engine-context'
import { readSentFile } from './dataset-import-service'

type TransferOps = 'datasets.previewImport' | 'datasets.export' | 'feedback.set' | 'feedback.forCalls' | 'feedback.list' | 'feedback.toCases'

/** Import preview, export, feedback on calls and cases from feedback. */
export function datasetTransferHandlers(context: EngineContext): Pick<Handlers, TransferOps> {
  return {
    'datasets.previewImport': async (request) => {
      const { previewDatasetFile } = await import('../../datasets/import/preview')
      return readSentFile(request, (bytes) =>
        previewDatasetFile({ name: request.fileName, bytes }, { ...(request.format ? { format: request.format } : {}), maxBytes: MAX_IMPORT_FILE_BYTES })
      )
    },
    'datasets.export': async (request) => {
      const { exportDataset } = await import('../../datasets/export/export-dataset')
      return exportDataset(requireStore(context), request)
    },
    'feedback.set': (request) => ({ feedback: requireStore(context).feedback.set(request.callId, request.rating, request.note) }),
    'feedback.forCalls': (request) => requireStore(context).feedback.forCalls(request.callIds),
    'feedback.list': (request) => requireStore(context).feedback.list(request),
    'feedback.toCases': async (request) => {
      const { addFeedbackCases } = await import('../../datasets/import/add-feedback-cases')
      return addFeedbackCases(requireStore(context), request)
    }
  }
}

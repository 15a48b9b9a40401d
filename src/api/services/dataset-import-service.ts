import { AppError } from '../../core/errors'
import type { Handlers } from '../dispatch'
import { requireStore, type EngineContext } from '../engine-context'

/** Largest file the import accepts (the HTTP face also caps request bodies at 64 MB). */
const MAX_IMPORT_BYTES = 50 * 1024 * 1024

export function datasetImportHandlers(context: EngineContext): Pick<Handlers, 'datasets.import'> {
  return {
    'datasets.import': async (request) => {
      const store = requireStore(context)
      const { importDatasetFile } = await import('../../datasets/import/import-file')
      const { ImportError, formatIssue } = await import('../../datasets/import/import-errors')
      const bytes = Buffer.from(request.contentBase64, 'base64')
      let cases
      try {
        cases = importDatasetFile({ name: request.fileName, bytes }, { ...(request.format ? { format: request.format } : {}), maxBytes: MAX_IMPORT_BYTES }).cases
      } catch (error) {
        if (!(error instanceof ImportError)) throw error
        throw new AppError(
          'VALIDATION_FAILED',
          `${error.message}. Nothing was imported; fix the file and import it again.`,
          error.issues.map((issue) => ({ path: `${request.fileName}:${issue.line}${issue.column === null ? '' : `:${issue.column}`}`, message: formatIssue(issue) }))
        )
      }
      const note = `Imported from ${request.fileName}`
      if (request.newDatasetName) {
        const created = store.datasets.create({ name: request.newDatasetName, description: note, contractId: null }, cases, note)
        return { datasetId: created.id, version: created.latestVersion, caseCount: cases.length }
      }
      const datasetId = request.datasetId!
      const saved = store.datasets.saveVersion(datasetId, cases, note)
      return { datasetId, version: saved.version, caseCount: cases.length }
    }
  }
}

import { MAX_IMPORT_FILE_BYTES } from '../../core/api/dataset-transfer-operations'
import type { Handlers } from '../dispatch'
import { requireStore, type EngineContext } from '../engine-context'

/** Bytes a base64 string decodes to, without decoding it. */
export function base64Size(base64: string): number {
  const padding = base64.endsWith('==') ? 2 : base64.endsWith('=') ? 1 : 0
  return Math.max(0, Math.floor((base64.length * 3) / 4) - padding)
}

/**
 * A file sent to the engine as bytes, refused when over the import limit before it is decoded; an ImportError
 * from `read` becomes VALIDATION_FAILED listing the problems by `file:line:column`.
 */
export async function readSentFile<T>(request: { fileName: string; contentBase64: string }, read: (bytes: Buffer) => T): Promise<T> {
  const { checkSize } = await import('../../datasets/import/decode')
  const { ImportError, importAppError } = await import('../../datasets/import/import-errors')
  try {
    checkSize(base64Size(request.contentBase64), request.fileName, MAX_IMPORT_FILE_BYTES)
    return read(Buffer.from(request.contentBase64, 'base64'))
  } catch (error) {
    if (error instanceof ImportError) throw importAppError(error, request.fileName)
    throw error
  }
}

export function datasetImportHandlers(context: EngineContext): Pick<Handlers, 'datasets.import'> {
  return {
    'datasets.import': async (request) => {
      const store = requireStore(context)
      const { importDatasetFile } = await import('../../datasets/import/import-file')
      const { cases } = await readSentFile(request, (bytes) =>
        importDatasetFile(
          { name: request.fileName, bytes },
          { ...(request.format ? { format: request.format } : {}), ...(request.mapping ? { mapping: request.mapping } : {}), maxBytes: MAX_IMPORT_FILE_BYTES }
        )
      )
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

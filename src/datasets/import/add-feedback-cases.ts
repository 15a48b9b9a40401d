/** `feedback.toCases`: calls → cases of a new or existing dataset, as one new version, in one transaction. */
import { AppError } from '../../core/errors'
import type { Store } from '../../store/store'
import { iterateVersionCases, resolveVersion } from '../export/version-cases'
import { feedbackToCase } from './feedback-cases'

export interface FeedbackCasesRequest {
  callIds: string[]
  datasetId?: string
  newDatasetName?: string
}

export interface FeedbackCasesResult {
  datasetId: string
  version: number
  added: number
  skipped: number
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`
}

export function addFeedbackCases(store: Store, request: FeedbackCasesRequest): FeedbackCasesResult {
  const callIds = [...new Set(request.callIds)]
  const sources = callIds.map((id) => store.feedback.source(id))
  const unknown = callIds.filter((_, k) => sources[k] === null)
  if (unknown.length > 0) {
    throw new AppError(
      'NOT_FOUND',
      `${plural(unknown.length, 'call')} not found (${unknown.slice(0, 5).join(', ')}${unknown.length > 5 ? ', …' : ''}); list calls with feedback.list and pick from those.`,
      unknown.map((id) => ({ path: `callIds.${callIds.indexOf(id)}`, message: 'unknown call' }))
    )
  }
  const cases = sources.map((s) => feedbackToCase(s!))
  const note = `Added ${plural(cases.length, 'case')} from feedback`
  if (request.newDatasetName !== undefined) {
    const created = store.datasets.create({ name: request.newDatasetName, description: 'Cases made from feedback on calls.', contractId: null }, cases, note)
    return { datasetId: created.id, version: created.latestVersion, added: cases.length, skipped: 0 }
  }
  const datasetId = request.datasetId!
  return store.transaction(() => {
    const latest = resolveVersion(store, datasetId)
    const previous = latest ? [...iterateVersionCases(store.db, latest.id)] : []
    const present = new Set(previous.map((c) => c.source))
    const fresh = cases.filter((c) => !present.has(c.source))
    if (fresh.length === 0) {
      if (!latest) throw new AppError('VALIDATION_FAILED', 'No case to add; select calls with feedback.')
      return { datasetId, version: latest.version, added: 0, skipped: cases.length }
    }
    const saved = store.datasets.saveVersion(datasetId, [...previous, ...fresh], `Added ${plural(fresh.length, 'case')} from feedback`)
    return { datasetId, version: saved.version, added: fresh.length, skipped: cases.length - fresh.length }
  })
}

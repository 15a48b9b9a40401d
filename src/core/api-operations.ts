import type { OperationName } from './api-contract'
import { CONTRACT_OPERATION_KINDS } from './api/contract-operation-kinds'
import { DATASET_EDIT_OPERATION_KINDS } from './api/dataset-edit-operation-kinds'
import { DATASET_TRANSFER_OPERATION_KINDS } from './api/dataset-transfer-operation-kinds'
import { EVAL_OPERATION_KINDS } from './api/eval-operation-kinds'
import { WORKSPACE_FILE_OPERATION_KINDS } from './api/workspace-file-operation-kinds'

/**
 * Operation names and kinds without their schemas, for the preload (which must stay tiny and zod-free).
 * `satisfies` makes the compiler reject any drift from the contract.
 */
export const OPERATION_KINDS = {
  'app.info': 'call',
  'app.ping': 'call',
  'store.openFresh': 'call',
  'settings.get': 'call',
  'settings.update': 'call',
  'providers.list': 'call',
  'providers.probe': 'job',
  'providers.create': 'call',
  'providers.update': 'call',
  'providers.remove': 'call',
  'providers.test': 'call',
  'providers.detectLocal': 'call',
  'models.list': 'call',
  'models.refresh': 'call',
  'models.add': 'call',
  'models.update': 'call',
  'catalog.search': 'call',
  'playground.estimate': 'call',
  'playground.run': 'job',
  'playground.cancelColumn': 'call',
  'secrets.status': 'call',
  'secrets.set': 'call',
  'secrets.clear': 'call',
  'contracts.list': 'call',
  'contracts.get': 'call',
  'datasets.list': 'call',
  'datasets.cases': 'call',
  'runs.list': 'call',
  'runs.get': 'call',
  'datasets.addCase': 'call',
  'datasets.import': 'call',
  'jobs.list': 'call',
  'jobs.get': 'call',
  'jobs.cancel': 'call',
  ...CONTRACT_OPERATION_KINDS,
  ...DATASET_EDIT_OPERATION_KINDS,
  ...DATASET_TRANSFER_OPERATION_KINDS,
  ...WORKSPACE_FILE_OPERATION_KINDS,
  ...EVAL_OPERATION_KINDS
} as const satisfies Record<OperationName, 'call' | 'job'>

/** IPC channel of an operation, and the one channel that carries job events to the window. */
export const IPC_PREFIX = 'switchyard:'
export const IPC_JOB_EVENT_CHANNEL = 'switchyard:job-event'
export function ipcChannel(op: OperationName): string {
  return `${IPC_PREFIX}${op}`
}

/** HTTP paths of the web mode binding. */
export const HTTP_API_PREFIX = '/api/'
export const HTTP_EVENTS_PATH = '/api/events'
export const HTTP_TOKEN_COOKIE = 'switchyard_token'

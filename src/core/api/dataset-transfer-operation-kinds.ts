/** Zod-free kinds of the operations in dataset-transfer-operations.ts, for the preload. */
export const DATASET_TRANSFER_OPERATION_KINDS = {
  'datasets.previewImport': 'call',
  'datasets.export': 'call',
  'feedback.set': 'call',
  'feedback.forCalls': 'call',
  'feedback.list': 'call',
  'feedback.toCases': 'call'
} as const

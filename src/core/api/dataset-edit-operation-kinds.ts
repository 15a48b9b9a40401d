/** Zod-free kinds of the operations in dataset-edit-operations.ts, for the preload. */
export const DATASET_EDIT_OPERATION_KINDS = {
  'datasets.create': 'call',
  'datasets.update': 'call',
  'datasets.versions': 'call',
  'datasets.columns': 'call',
  'datasets.saveEdits': 'call',
  'datasets.compare': 'call'
} as const

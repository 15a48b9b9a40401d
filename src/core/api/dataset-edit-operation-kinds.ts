/** Zod-free kinds of the operations in dataset-edit-operations.ts, for the preload. */
export const DATASET_EDIT_OPERATION_KINDS = {} as const

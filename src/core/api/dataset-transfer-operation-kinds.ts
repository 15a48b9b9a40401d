/** Zod-free kinds of the operations in dataset-transfer-operations.ts, for the preload. */
export const DATASET_TRANSFER_OPERATION_KINDS = {} as const

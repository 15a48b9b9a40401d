/** Zod-free kinds of the operations in contract-operations.ts, for the preload. */
export const CONTRACT_OPERATION_KINDS = {} as const

/** Dataset import preview and mapping, export, feedback into cases (issue 4). Spread into the API contract. */
export const datasetTransferOperations = {} as const

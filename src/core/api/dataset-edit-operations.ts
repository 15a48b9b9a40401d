/** Dataset editing: grid edits saved as versions, version comparison (issue 4). Spread into the API contract. */
export const datasetEditOperations = {} as const

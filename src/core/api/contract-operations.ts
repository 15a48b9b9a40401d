/** Contract editing: versions, duplicate, archive, status (issue 4). Spread into the API contract. */
export const contractOperations = {} as const

/** Workspace folder export and import (issue 4). Spread into the API contract. */
export const workspaceFileOperations = {} as const

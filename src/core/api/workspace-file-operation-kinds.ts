/** Zod-free kinds of the operations in workspace-file-operations.ts, for the preload. */
export const WORKSPACE_FILE_OPERATION_KINDS = {
  'workspace.export': 'call',
  'workspace.import': 'call'
} as const

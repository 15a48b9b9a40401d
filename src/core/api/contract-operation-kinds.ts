/** Zod-free kinds of the operations in contract-operations.ts, for the preload. */
export const CONTRACT_OPERATION_KINDS = {
  'contracts.create': 'call',
  'contracts.update': 'call',
  'contracts.saveVersion': 'call',
  'contracts.versions': 'call',
  'contracts.version': 'call',
  'contracts.duplicate': 'call',
  'contracts.archive': 'call',
  'contracts.status': 'call',
  'contracts.validate': 'call'
} as const

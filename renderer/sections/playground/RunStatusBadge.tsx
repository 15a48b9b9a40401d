import type { ReactElement } from 'react'
import type { RunStatus } from '../../../src/core/schemas/run'

const TONE: Record<RunStatus, string> = {
  queued: '',
  running: 'accent',
  completed: 'ok',
  failed: 'bad',
  cancelled: 'warn',
  interrupted: 'warn'
}

export function RunStatusBadge({ status }: { status: RunStatus }): ReactElement {
  return <span className={`badge ${TONE[status]}`}>{status}</span>
}

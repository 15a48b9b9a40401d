import { Suspense, lazy } from 'react'
import type { ReactElement } from 'react'
import { Loading } from './Feedback'
import type { DiffViewProps } from './DiffView'

const DiffView = lazy(() => import('./DiffView'))

export function LazyDiffView(props: DiffViewProps): ReactElement {
  return (
    <Suspense fallback={<Loading label="Loading the diff editor…" />}>
      <DiffView {...props} />
    </Suspense>
  )
}

import { Suspense, lazy } from 'react'
import type { ReactElement } from 'react'
import type { CodeViewProps } from './CodeView'

const CodeView = lazy(() => import('./CodeView'))

/** Shows the text at once, and swaps in Monaco when its chunk has loaded (the shell never waits for it). */
export function LazyCodeView(props: CodeViewProps): ReactElement {
  return (
    <Suspense
      fallback={
        <div className="code-view">
          <pre className="code-fallback" aria-label={props.label}>
            {props.value}
          </pre>
        </div>
      }
    >
      <CodeView {...props} />
    </Suspense>
  )
}

import { Suspense, lazy } from 'react'
import type { ReactElement } from 'react'
import type { CodeEditorProps } from './CodeEditor'

const CodeEditor = lazy(() => import('./CodeEditor'))

/** A plain text area until Monaco's chunk has loaded, then the Monaco editor. */
export function LazyCodeEditor(props: CodeEditorProps): ReactElement {
  return (
    <Suspense
      fallback={
        <textarea
          className="textarea"
          aria-label={props.label}
          rows={Math.max(props.minLines ?? 3, 3)}
          value={props.value}
          onChange={(e) => props.onChange(e.target.value)}
        />
      }
    >
      <CodeEditor {...props} />
    </Suspense>
  )
}

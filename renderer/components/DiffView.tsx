import { DiffEditor } from '@monaco-editor/react'
import type { DiffOnMount } from '@monaco-editor/react'
import { useEffect, useRef } from 'react'
import type { ReactElement } from 'react'
import { THEME_DARK, THEME_LIGHT } from '../lib/monaco-setup'
import { useAppTheme } from '../lib/use-app-theme'

export interface DiffViewProps {
  original: string
  modified: string
  language: 'json' | 'plaintext'
  label: string
}

/** Read-only Monaco diff of two texts, side by side. Loaded lazily: see LazyDiffView. */
export default function DiffView({ original, modified, language, label }: DiffViewProps): ReactElement {
  const theme = useAppTheme()
  const models = useRef<{ dispose(): void }[]>([])
  const onMount: DiffOnMount = (editor) => {
    const m = editor.getModel()
    if (m) models.current = [m.original, m.modified]
  }
  // The library keeps our models (disposing them first makes Monaco throw); they go once the editor is gone.
  useEffect(
    () => () => {
      const list = models.current
      setTimeout(() => list.forEach((m) => m.dispose()), 0)
    },
    []
  )
  return (
    <div className="code-view diff-view" data-testid="diff-view" aria-label={label} role="group">
      <DiffEditor
        height="60vh"
        original={original}
        modified={modified}
        language={language}
        onMount={onMount}
        keepCurrentOriginalModel
        keepCurrentModifiedModel
        theme={theme === 'dark' ? THEME_DARK : THEME_LIGHT}
        options={{
          readOnly: true,
          originalEditable: false,
          renderSideBySide: true,
          wordWrap: 'on',
          diffWordWrap: 'on',
          minimap: { enabled: false },
          scrollBeyondLastLine: false,
          fontSize: 12.5,
          automaticLayout: true,
          ariaLabel: label
        }}
      />
    </div>
  )
}

import Editor from '@monaco-editor/react'
import type { OnMount } from '@monaco-editor/react'
import { useState } from 'react'
import type { ReactElement } from 'react'
import { TEMPLATE_LANGUAGE, THEME_DARK, THEME_LIGHT } from '../lib/monaco-setup'
import { useAppTheme } from '../lib/use-app-theme'

export interface CodeViewProps {
  value: string
  language: 'template' | 'json'
  /** Accessible name of the editor. */
  label: string
  maxLines?: number
}

const LINE_HEIGHT = 19

/** A read-only Monaco editor sized to its content (up to `maxLines`). Loaded lazily: see LazyCodeView. */
export default function CodeView({ value, language, label, maxLines = 28 }: CodeViewProps): ReactElement {
  const theme = useAppTheme()
  const maxHeight = maxLines * LINE_HEIGHT + 16
  // Start from the line count, then follow the real content height (wrapped lines included).
  const [height, setHeight] = useState(() => Math.min(Math.max(value.split('\n').length, 3) * LINE_HEIGHT + 16, maxHeight))

  const onMount: OnMount = (editor) => {
    const fit = (): void => setHeight(Math.min(Math.max(editor.getContentHeight(), 3 * LINE_HEIGHT), maxHeight))
    editor.onDidContentSizeChange(fit)
    fit()
  }

  return (
    <div className="code-view" data-testid={`code-view-${language}`}>
      <Editor
        height={height}
        onMount={onMount}
        value={value}
        language={language === 'json' ? 'json' : TEMPLATE_LANGUAGE}
        theme={theme === 'dark' ? THEME_DARK : THEME_LIGHT}
        loading={<pre className="code-fallback">{value}</pre>}
        options={{
          readOnly: true,
          domReadOnly: true,
          ariaLabel: label,
          minimap: { enabled: false },
          scrollBeyondLastLine: false,
          wordWrap: 'on',
          lineHeight: LINE_HEIGHT,
          fontSize: 12.5,
          fontFamily: "ui-monospace, SFMono-Regular, 'SF Mono', Menlo, Consolas, 'Liberation Mono', monospace",
          lineNumbersMinChars: 3,
          padding: { top: 8, bottom: 8 },
          renderLineHighlight: 'none',
          overviewRulerLanes: 0,
          hideCursorInOverviewRuler: true,
          folding: language === 'json',
          scrollbar: { alwaysConsumeMouseWheel: false, verticalScrollbarSize: 10 },
          automaticLayout: true,
          contextmenu: true,
          tabFocusMode: true
        }}
      />
    </div>
  )
}

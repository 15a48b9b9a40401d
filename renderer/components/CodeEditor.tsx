import Editor from '@monaco-editor/react'
import type { OnMount } from '@monaco-editor/react'
import { useEffect, useRef, useState } from 'react'
import type { ReactElement } from 'react'
import { monaco, TEMPLATE_LANGUAGE, THEME_DARK, THEME_LIGHT } from '../lib/monaco-setup'
import { useAppTheme } from '../lib/use-app-theme'

export interface CodeEditorProps {
  value: string
  onChange: (value: string) => void
  language: 'template' | 'json'
  /** Accessible name of the editor. */
  label: string
  minLines?: number
  maxLines?: number
  /** Ctrl/Cmd+Enter inside the editor. */
  onSubmit?: () => void
}

const LINE_HEIGHT = 19
let actionCount = 0

/** An editable Monaco editor that grows with its content (between minLines and maxLines). Loaded lazily. */
export default function CodeEditor({ value, onChange, language, label, minLines = 3, maxLines = 18, onSubmit }: CodeEditorProps): ReactElement {
  const theme = useAppTheme()
  const min = minLines * LINE_HEIGHT + 16
  const max = maxLines * LINE_HEIGHT + 16
  const [height, setHeight] = useState(() => Math.min(Math.max(value.split('\n').length * LINE_HEIGHT + 16, min), max))
  const submit = useRef(onSubmit)
  useEffect(() => {
    submit.current = onSubmit
  }, [onSubmit])

  const onMount: OnMount = (editor) => {
    const fit = (): void => setHeight(Math.min(Math.max(editor.getContentHeight(), min), max))
    editor.onDidContentSizeChange(fit)
    fit()
    actionCount += 1
    // A per-editor action (addCommand would bind one handler for every editor on the page).
    editor.addAction({
      id: `switchyard.submit.${actionCount}`,
      label: 'Run',
      keybindings: [monaco.KeyMod.CtrlCmd | monaco.KeyCode.Enter],
      run: () => submit.current?.()
    })
  }

  return (
    <div className="code-view code-editor" data-testid={`code-editor-${language}`}>
      <Editor
        height={height}
        onMount={onMount}
        value={value}
        onChange={(v) => onChange(v ?? '')}
        language={language === 'json' ? 'json' : TEMPLATE_LANGUAGE}
        theme={theme === 'dark' ? THEME_DARK : THEME_LIGHT}
        loading={<pre className="code-fallback">{value}</pre>}
        options={{
          ariaLabel: label,
          minimap: { enabled: false },
          scrollBeyondLastLine: false,
          wordWrap: 'on',
          lineHeight: LINE_HEIGHT,
          fontSize: 12.5,
          fontFamily: "ui-monospace, SFMono-Regular, 'SF Mono', Menlo, Consolas, 'Liberation Mono', monospace",
          lineNumbers: language === 'json' ? 'on' : 'off',
          lineNumbersMinChars: 3,
          glyphMargin: false,
          folding: language === 'json',
          padding: { top: 8, bottom: 8 },
          renderLineHighlight: 'none',
          overviewRulerLanes: 0,
          hideCursorInOverviewRuler: true,
          scrollbar: { alwaysConsumeMouseWheel: false, verticalScrollbarSize: 10 },
          automaticLayout: true,
          tabFocusMode: true,
          quickSuggestions: false
        }}
      />
    </div>
  )
}

/**
 * Monaco from the local bundle, never a CDN. Imported only by components/CodeView (itself lazy-loaded), so the
 * shell starts without it. Uses the bare editor entry, all editor features, and only the JSON language.
 */
import * as monaco from 'monaco-editor/editor'
// Every editor feature (each registers the services its contributions need: a partial set makes Monaco log
// "depends on UNKNOWN service …" under load), but only the JSON language.
import 'monaco-editor/features/register.all'
import 'monaco-editor/editor/browser/coreCommands'
import 'monaco-editor/languages/features/json/register'
import { loader } from '@monaco-editor/react'
import EditorWorker from 'monaco-editor/editor/editor.worker?worker'
import JsonWorker from 'monaco-editor/languages/features/json/json.worker?worker'

export const TEMPLATE_LANGUAGE = 'switchyard-template'
export const THEME_LIGHT = 'switchyard-light'
export const THEME_DARK = 'switchyard-dark'

self.MonacoEnvironment = {
  getWorker(_workerId: string, label: string): Worker {
    return label === 'json' ? new JsonWorker() : new EditorWorker()
  }
}

/** Message templates: `{{variable}}` placeholders and `### role` headers stand out. */
monaco.languages.register({ id: TEMPLATE_LANGUAGE, aliases: ['Switchyard template'] })
monaco.languages.setMonarchTokensProvider(TEMPLATE_LANGUAGE, {
  tokenizer: {
    root: [
      [/^### (system|user|assistant)\s*$/, 'keyword.role'],
      [/\\\{\{/, ''],
      [/\{\{\s*(?:[#^/]\s*)?[A-Za-z_][A-Za-z0-9_]*\s*(?:\|\s*json\s*)?\}\}/, 'variable.template'],
      [/\{\{[^}]*\}\}/, 'invalid.template'],
      [/[^{#\\]+/, ''],
      [/./, '']
    ]
  }
})

monaco.editor.defineTheme(THEME_LIGHT, {
  base: 'vs',
  inherit: true,
  rules: [
    { token: 'variable.template', foreground: '9a3fb8', fontStyle: 'bold' },
    { token: 'invalid.template', foreground: 'c42b2b', fontStyle: 'underline' },
    { token: 'keyword.role', foreground: '3656d6', fontStyle: 'bold' }
  ],
  colors: {
    'editor.background': '#f7f8fa',
    'editorGutter.background': '#f7f8fa',
    'editorLineNumber.foreground': '#a0a8b4'
  }
})

monaco.editor.defineTheme(THEME_DARK, {
  base: 'vs-dark',
  inherit: true,
  rules: [
    { token: 'variable.template', foreground: 'd7a0f0', fontStyle: 'bold' },
    { token: 'invalid.template', foreground: 'ff7b72', fontStyle: 'underline' },
    { token: 'keyword.role', foreground: '7d98ff', fontStyle: 'bold' }
  ],
  colors: {
    'editor.background': '#14171b',
    'editorGutter.background': '#14171b',
    'editorLineNumber.foreground': '#4d5562'
  }
})

loader.config({ monaco })

export { monaco }

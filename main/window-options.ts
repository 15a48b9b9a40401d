import type { BrowserWindowConstructorOptions } from 'electron'

/** Window background per theme, painted before the renderer's first frame; keep in step with the renderer's theme. */
export const WINDOW_BACKGROUND = { light: '#f7f7f8', dark: '#16181d' } as const

export interface WindowOptionsInput {
  /** Absolute path of the built CommonJS preload (`out/preload/index.cjs`); CJS is what lets `sandbox: true` work. */
  preloadPath: string
  isDev: boolean
  /** Whether the OS prefers a dark theme (`nativeTheme.shouldUseDarkColors`). */
  dark?: boolean
}

/**
 * Options of the main window. Every security-relevant webPreference is set explicitly (Electron's checklist items
 * 2–4, 6, 8–12), so a changed Electron default cannot weaken them; window-options.test.ts checks each one.
 */
export function buildWindowOptions({ preloadPath, isDev, dark = true }: WindowOptionsInput): BrowserWindowConstructorOptions {
  return {
    title: 'Switchyard',
    width: 1440,
    height: 900,
    minWidth: 960,
    minHeight: 600,
    show: false,
    backgroundColor: dark ? WINDOW_BACKGROUND.dark : WINDOW_BACKGROUND.light,
    autoHideMenuBar: !isDev,
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      spellcheck: false,
      navigateOnDragDrop: false,
      safeDialogs: true
    }
  }
}

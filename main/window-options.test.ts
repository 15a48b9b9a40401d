import { describe, expect, it } from 'vitest'
import { buildWindowOptions, WINDOW_BACKGROUND } from './window-options'

describe('buildWindowOptions', () => {
  for (const isDev of [false, true]) {
    describe(isDev ? 'dev' : 'packaged', () => {
      const options = buildWindowOptions({ preloadPath: '/app/out/preload/index.cjs', isDev })
      const prefs = options.webPreferences ?? {}

      it.each([
        ['contextIsolation', true],
        ['sandbox', true],
        ['nodeIntegration', false],
        ['nodeIntegrationInWorker', false],
        ['nodeIntegrationInSubFrames', false],
        ['webSecurity', true],
        ['allowRunningInsecureContent', false],
        ['experimentalFeatures', false],
        ['webviewTag', false],
        ['spellcheck', false],
        ['navigateOnDragDrop', false]
      ] as const)('sets %s to %s', (flag, value) => {
        expect(prefs[flag]).toBe(value)
      })

      it('enables no Blink features and uses the given preload', () => {
        expect(prefs.enableBlinkFeatures).toBeUndefined()
        expect(prefs.preload).toBe('/app/out/preload/index.cjs')
      })

      it('stays hidden until ready-to-show, with a sensible size', () => {
        expect(options.show).toBe(false)
        expect(options.width).toBeGreaterThanOrEqual(options.minWidth ?? 0)
        expect(options.height).toBeGreaterThanOrEqual(options.minHeight ?? 0)
        expect(options.minWidth).toBeGreaterThanOrEqual(800)
      })
    })
  }

  it('paints the theme background', () => {
    expect(buildWindowOptions({ preloadPath: 'p', isDev: false, dark: true }).backgroundColor).toBe(WINDOW_BACKGROUND.dark)
    expect(buildWindowOptions({ preloadPath: 'p', isDev: false, dark: false }).backgroundColor).toBe(WINDOW_BACKGROUND.light)
  })
})

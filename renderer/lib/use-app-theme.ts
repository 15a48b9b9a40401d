import { useSettingsStore } from '../stores/settings-store'
import { cachedThemeChoice, useResolvedTheme } from './theme'
import type { ResolvedTheme, ThemeChoice } from './theme'

/** The Settings theme choice (or the one remembered from last session while settings load). */
export function useThemeChoice(): ThemeChoice {
  return useSettingsStore((s) => s.settings.data?.theme) ?? cachedThemeChoice()
}

/** Light or dark, as the app is drawn right now. */
export function useAppTheme(): ResolvedTheme {
  return useResolvedTheme(useThemeChoice())
}

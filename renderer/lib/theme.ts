import { useSyncExternalStore } from 'react'

export type ThemeChoice = 'system' | 'light' | 'dark'
export type ResolvedTheme = 'light' | 'dark'

const CACHE_KEY = 'switchyard.theme'
const DARK_QUERY = '(prefers-color-scheme: dark)'

function systemPrefersDark(): boolean {
  return typeof window !== 'undefined' && typeof window.matchMedia === 'function' && window.matchMedia(DARK_QUERY).matches
}

function subscribeSystem(callback: () => void): () => void {
  if (typeof window.matchMedia !== 'function') return () => {}
  const query = window.matchMedia(DARK_QUERY)
  query.addEventListener('change', callback)
  return () => query.removeEventListener('change', callback)
}

export function resolveTheme(choice: ThemeChoice, prefersDark: boolean): ResolvedTheme {
  if (choice === 'system') return prefersDark ? 'dark' : 'light'
  return choice
}

/** The theme in effect: the Settings choice, or the OS preference when the choice is `system`. */
export function useResolvedTheme(choice: ThemeChoice): ResolvedTheme {
  const prefersDark = useSyncExternalStore(subscribeSystem, systemPrefersDark, () => false)
  return resolveTheme(choice, prefersDark)
}

/** Sets the CSS variables' theme on <html>; `system` removes the attribute so the CSS media query decides. */
export function applyTheme(choice: ThemeChoice): void {
  const root = document.documentElement
  if (choice === 'system') delete root.dataset.theme
  else root.dataset.theme = choice
  try {
    localStorage.setItem(CACHE_KEY, choice)
  } catch {
    // storage may be unavailable; the engine's setting still applies once loaded
  }
}

/** Theme choice remembered from the last session, applied before the first paint to avoid a flash. */
export function cachedThemeChoice(): ThemeChoice {
  try {
    const value = localStorage.getItem(CACHE_KEY)
    return value === 'light' || value === 'dark' ? value : 'system'
  } catch {
    return 'system'
  }
}

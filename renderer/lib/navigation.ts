import { useSyncExternalStore } from 'react'
import { DEFAULT_SECTION, hrefFor, parseHash } from './routes'
import type { Route, SectionId } from './routes'

function subscribe(callback: () => void): () => void {
  window.addEventListener('hashchange', callback)
  return () => window.removeEventListener('hashchange', callback)
}

function snapshot(): string {
  return window.location.hash
}

/** The current hash route; an unknown or empty hash reads as the default section. */
export function useRoute(): Route {
  const hash = useSyncExternalStore(subscribe, snapshot, () => '')
  return parseHash(hash) ?? { section: DEFAULT_SECTION, sub: null }
}

export function navigate(section: SectionId, sub?: string | null): void {
  const next = hrefFor(section, sub)
  if (window.location.hash !== next) window.location.hash = next
}

/** Puts an unknown hash back on a real section without adding a history entry. */
export function normaliseHash(): void {
  if (parseHash(window.location.hash)) return
  const url = new URL(window.location.href)
  url.hash = hrefFor(DEFAULT_SECTION)
  window.history.replaceState(window.history.state, '', url)
  window.dispatchEvent(new HashChangeEvent('hashchange'))
}

import { useCallback, useEffect, useRef, useState } from 'react'
import type { MouseEvent, ReactElement, ReactNode } from 'react'
import { useRoute } from '../lib/navigation'
import { sectionLabel } from '../lib/routes'
import { useGlobalShortcuts } from '../lib/use-global-shortcuts'
import { Icon } from './Icon'
import { NavList } from './NavList'
import { ShortcutsDialog } from './ShortcutsDialog'
import { StatusBar } from './StatusBar'

/** Navigation on the left, the current section in <main>, the status bar at the bottom. */
export function Shell({ children }: { children: ReactNode }): ReactElement {
  const route = useRoute()
  const main = useRef<HTMLElement>(null)
  const [shortcutsOpen, setShortcutsOpen] = useState(false)
  const openShortcuts = useCallback(() => setShortcutsOpen(true), [])
  useGlobalShortcuts(openShortcuts)

  useEffect(() => {
    document.title = `${sectionLabel(route.section)} · Switchyard`
  }, [route.section])

  function skipToMain(event: MouseEvent<HTMLAnchorElement>): void {
    // The hash holds the route, so the skip link moves focus itself instead of changing the hash.
    event.preventDefault()
    main.current?.focus()
  }

  return (
    <div className="shell">
      <a className="skip-link" href="#main" onClick={skipToMain}>
        Skip to main content
      </a>
      <aside className="sidebar">
        <div className="brand">
          <Icon name="logo" size={18} />
          Switchyard
        </div>
        <nav aria-label="Sections">
          <NavList current={route.section} />
        </nav>
        <div className="sidebar-footer">
          <button type="button" onClick={openShortcuts} aria-keyshortcuts="?">
            <Icon name="keyboard" size={13} /> Keyboard shortcuts <kbd>?</kbd>
          </button>
        </div>
      </aside>
      <main className="main" id="main" ref={main} tabIndex={-1}>
        {children}
      </main>
      <StatusBar />
      <ShortcutsDialog open={shortcutsOpen} onClose={() => setShortcutsOpen(false)} />
    </div>
  )
}

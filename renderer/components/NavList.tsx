import { useRef, useState } from 'react'
import type { FocusEvent, KeyboardEvent, ReactElement } from 'react'
import { SECTIONS, hrefFor } from '../lib/routes'
import type { SectionId } from '../lib/routes'
import { IS_MAC } from '../lib/keys'
import { Icon } from './Icon'

const MOD_LABEL = IS_MAC ? '⌘' : 'Ctrl+'

/**
 * Section navigation: a list of links with a roving tabindex (one Tab stop; ↑/↓, Home/End move between
 * sections; Enter opens). Ctrl/Cmd+1…9 work from anywhere (see use-global-shortcuts).
 */
export function NavList({ current }: { current: SectionId }): ReactElement {
  const links = useRef<(HTMLAnchorElement | null)[]>([])
  const currentIndex = SECTIONS.findIndex((s) => s.id === current)
  const [focusIndex, setFocusIndex] = useState<number | null>(null)
  const tabStop = focusIndex ?? currentIndex

  function moveTo(index: number): void {
    const count = SECTIONS.length
    const next = ((index % count) + count) % count
    setFocusIndex(next)
    links.current[next]?.focus()
  }

  function onKeyDown(event: KeyboardEvent<HTMLUListElement>): void {
    const from = focusIndex ?? currentIndex
    if (event.key === 'ArrowDown') moveTo(from + 1)
    else if (event.key === 'ArrowUp') moveTo(from - 1)
    else if (event.key === 'Home') moveTo(0)
    else if (event.key === 'End') moveTo(SECTIONS.length - 1)
    else return
    event.preventDefault()
  }

  function onBlur(event: FocusEvent<HTMLUListElement>): void {
    if (!event.currentTarget.contains(event.relatedTarget as Node | null)) setFocusIndex(null)
  }

  return (
    <ul className="nav-list" onKeyDown={onKeyDown} onBlur={onBlur}>
      {SECTIONS.map((section, index) => (
        <li key={section.id} className={section.id === 'providers' ? 'nav-group-start' : undefined}>
          <a
            ref={(el) => {
              links.current[index] = el
            }}
            className="nav-link"
            href={hrefFor(section.id)}
            aria-current={section.id === current ? 'page' : undefined}
            tabIndex={index === tabStop ? 0 : -1}
            onFocus={() => setFocusIndex(index)}
            title={`${section.label} (${MOD_LABEL}${index + 1})`}
          >
            <Icon name={section.id} />
            <span>{section.label}</span>
            <span className="nav-key" aria-hidden="true">
              {MOD_LABEL}
              {index + 1}
            </span>
          </a>
        </li>
      ))}
    </ul>
  )
}

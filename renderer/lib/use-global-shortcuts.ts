import { useEffect } from 'react'
import { SECTIONS } from './routes'
import { navigate } from './navigation'
import { hasModifier, isTypingTarget } from './keys'

/** Ctrl/Cmd+1…9 jump to sections in order; `?` opens the shortcuts overlay. */
export function useGlobalShortcuts(openShortcuts: () => void): void {
  useEffect(() => {
    function onKeyDown(event: KeyboardEvent): void {
      if (event.defaultPrevented) return
      if (hasModifier(event) && !event.altKey && !event.shiftKey) {
        const digit = /^Digit([1-9])$/.exec(event.code)?.[1] ?? (/^[1-9]$/.test(event.key) ? event.key : undefined)
        const section = digit ? SECTIONS[Number(digit) - 1] : undefined
        if (section) {
          event.preventDefault()
          navigate(section.id)
        }
        return
      }
      if (event.key === '?' && !event.ctrlKey && !event.metaKey && !event.altKey && !isTypingTarget(event.target)) {
        event.preventDefault()
        openShortcuts()
      }
    }
    window.addEventListener('keydown', onKeyDown)
    return () => window.removeEventListener('keydown', onKeyDown)
  }, [openShortcuts])
}

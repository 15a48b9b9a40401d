import { useCallback, useEffect, useRef, useState } from 'react'
import { readBridge } from '../api/bridge'
import { hasModifier } from './keys'
import { navigate } from './navigation'
import { SECTIONS } from './routes'

/** A navigation or action held back until the user decides what happens to the unsaved edits. */
export interface PendingLeave {
  /** What the user tried to do, in words ("leave this dataset", "show version 2"). */
  what: string
  proceed: () => void
}

/**
 * The unsaved-changes guard of the Datasets grid. While `changes` > 0, a click on a link that leaves this dataset
 * and the Ctrl/Cmd+1…9 section shortcuts are held back as `pending` (the page asks; `confirm` discards the edits
 * and goes on), and reloading or closing the browser tab asks the browser's own question (web mode). `ask` holds
 * any other action the same way. (A navigation made by code elsewhere is not stopped; the draft then stays in the
 * datasets store and is there again on return.)
 */
export function useLeaveGuard(changes: number, stays: (hash: string) => boolean, discard: () => void) {
  const [pending, setPending] = useState<PendingLeave | null>(null)
  const staysRef = useRef(stays)
  useEffect(() => {
    staysRef.current = stays
  }, [stays])
  const dirty = changes > 0

  useEffect(() => {
    if (!dirty) return
    function onClick(event: MouseEvent): void {
      if (event.defaultPrevented || event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey || event.altKey) return
      const link = event.target instanceof Element ? event.target.closest('a[href]') : null
      const href = link?.getAttribute('href') ?? ''
      if (!href.startsWith('#/') || staysRef.current(href)) return
      event.preventDefault()
      setPending({ what: 'leave this dataset', proceed: () => void (window.location.hash = href) })
    }
    function onKeyDown(event: KeyboardEvent): void {
      if (event.defaultPrevented || !hasModifier(event) || event.altKey || event.shiftKey) return
      const digit = /^Digit([1-9])$/.exec(event.code)?.[1] ?? (/^[1-9]$/.test(event.key) ? event.key : undefined)
      const section = digit ? SECTIONS[Number(digit) - 1] : undefined
      if (!section || section.id === 'datasets') return
      event.preventDefault()
      setPending({ what: `open ${section.label}`, proceed: () => navigate(section.id) })
    }
    function onBeforeUnload(event: BeforeUnloadEvent): void {
      event.preventDefault()
      event.returnValue = ''
    }
    const web = readBridge() === undefined
    document.addEventListener('click', onClick, { capture: true })
    window.addEventListener('keydown', onKeyDown, { capture: true })
    if (web) window.addEventListener('beforeunload', onBeforeUnload)
    return () => {
      document.removeEventListener('click', onClick, { capture: true })
      window.removeEventListener('keydown', onKeyDown, { capture: true })
      if (web) window.removeEventListener('beforeunload', onBeforeUnload)
    }
  }, [dirty])

  const ask = useCallback(
    (what: string, proceed: () => void) => {
      if (dirty) setPending({ what, proceed })
      else proceed()
    },
    [dirty]
  )
  const confirm = useCallback(() => {
    const held = pending
    setPending(null)
    if (!held) return
    discard()
    held.proceed()
  }, [pending, discard])
  const cancel = useCallback(() => setPending(null), [])
  return { pending, ask, confirm, cancel }
}

import { describe, expect, it } from 'vitest'
import { gridCommand } from './dataset-grid-keys'

const press = (key: string, mods: { mod?: boolean; shift?: boolean; alt?: boolean } = {}) => gridCommand({ key, mod: false, shift: false, alt: false, ...mods })

describe('the grid keyboard map', () => {
  it('maps editing shortcuts', () => {
    expect(press('s', { mod: true })).toEqual({ kind: 'save' })
    expect(press('z', { mod: true })).toEqual({ kind: 'undo' })
    expect(press('Z', { mod: true, shift: true })).toEqual({ kind: 'redo' })
    expect(press('y', { mod: true })).toEqual({ kind: 'redo' })
    expect(press('a', { mod: true })).toEqual({ kind: 'selectAll' })
    expect(press('d', { mod: true })).toEqual({ kind: 'duplicate' })
    expect(press('Delete', { mod: true })).toEqual({ kind: 'deleteRows' })
    expect(press('Enter', { mod: true })).toEqual({ kind: 'addRow' })
    expect(press('Insert')).toEqual({ kind: 'addRow' })
  })

  it('maps movement, editing and typing', () => {
    expect(press('ArrowDown', { shift: true })).toEqual({ kind: 'move', key: 'ArrowDown', ctrl: false, shift: true })
    expect(press('End', { mod: true })).toEqual({ kind: 'move', key: 'End', ctrl: true, shift: false })
    expect(press('Tab', { shift: true })).toEqual({ kind: 'move', key: 'Tab', ctrl: false, shift: true })
    expect(press('Enter')).toEqual({ kind: 'edit' })
    expect(press('F2')).toEqual({ kind: 'edit' })
    expect(press('Escape')).toEqual({ kind: 'collapse' })
    expect(press('Backspace')).toEqual({ kind: 'clear' })
    expect(press('x')).toEqual({ kind: 'type', text: 'x' })
    expect(press('?')).toEqual({ kind: 'type', text: '?' })
  })

  it('leaves other keys to the browser', () => {
    expect(press('c', { mod: true })).toBeNull()
    expect(press('v', { mod: true })).toBeNull()
    expect(press('1', { mod: true })).toBeNull()
    expect(press('x', { alt: true })).toBeNull()
    expect(press('Shift', { shift: true })).toBeNull()
  })
})

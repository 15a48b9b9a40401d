import { describe, expect, it } from 'vitest'
import { SECTIONS, hrefFor, parseHash } from './routes'

describe('hash routes', () => {
  it('lists the nine sections in navigation order', () => {
    expect(SECTIONS.map((s) => s.label)).toEqual([
      'Playground',
      'Contracts',
      'Datasets',
      'Evals',
      'Benchmarks',
      'Insights',
      'Routing',
      'Providers',
      'Settings'
    ])
  })

  it('parses sections and an optional id', () => {
    expect(parseHash('#/providers')).toEqual({ section: 'providers', sub: null })
    expect(parseHash('#/contracts/abc%2F1')).toEqual({ section: 'contracts', sub: 'abc/1' })
    expect(parseHash('#/datasets/')).toEqual({ section: 'datasets', sub: null })
    expect(parseHash('')).toBeNull()
    expect(parseHash('#/nope')).toBeNull()
    expect(parseHash('#main')).toBeNull()
  })

  it('round-trips hrefs', () => {
    expect(hrefFor('playground', 'run 1')).toBe('#/playground/run%201')
    expect(parseHash(hrefFor('playground', 'run 1'))).toEqual({ section: 'playground', sub: 'run 1' })
  })
})

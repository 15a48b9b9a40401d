import { describe, expect, it } from 'vitest'
import { parseHash } from './routes'
import { evalsHref, parseEvalsSub } from './eval-routes'
import type { EvalsView } from './eval-routes'

describe('evals routes', () => {
  it('parses every place of the section', () => {
    expect(parseEvalsSub(null)).toEqual({ view: 'home' })
    expect(parseEvalsSub('new')).toEqual({ view: 'new' })
    expect(parseEvalsSub('suite/s1')).toEqual({ view: 'suite', suiteId: 's1' })
    expect(parseEvalsSub('suite/s1/edit')).toEqual({ view: 'edit', suiteId: 's1' })
    expect(parseEvalsSub('run/r1')).toEqual({ view: 'run', runId: 'r1' })
    expect(parseEvalsSub('compare')).toEqual({ view: 'compare', runA: null, runB: null })
    expect(parseEvalsSub('compare/a/b')).toEqual({ view: 'compare', runA: 'a', runB: 'b' })
  })

  it('falls back to the home view for anything it does not know', () => {
    expect(parseEvalsSub('suite')).toEqual({ view: 'home' })
    expect(parseEvalsSub('run/')).toEqual({ view: 'home' })
    expect(parseEvalsSub('nonsense/x')).toEqual({ view: 'home' })
  })

  it('round-trips through the app hash router, ids encoded', () => {
    const views: EvalsView[] = [
      { view: 'home' },
      { view: 'new' },
      { view: 'suite', suiteId: 'a b' },
      { view: 'edit', suiteId: 's-1' },
      { view: 'run', runId: 'r?1' },
      { view: 'compare', runA: 'a', runB: null },
      { view: 'compare', runA: 'a', runB: 'b' }
    ]
    for (const view of views) {
      const route = parseHash(evalsHref(view))
      expect(route?.section).toBe('evals')
      expect(parseEvalsSub(route?.sub ?? null)).toEqual(view)
    }
    expect(evalsHref({ view: 'compare', runA: null, runB: 'b' })).toBe('#/evals/compare')
  })
})

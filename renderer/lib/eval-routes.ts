/**
 * Places inside the Evals section, carried in the hash after `#/evals/`:
 * `new`, `suite/<id>`, `suite/<id>/edit`, `run/<id>`, `compare[/<runA>[/<runB>]]`. Anything else is the home view.
 */
export type EvalsView =
  | { view: 'home' }
  | { view: 'new' }
  | { view: 'suite'; suiteId: string }
  | { view: 'edit'; suiteId: string }
  | { view: 'run'; runId: string }
  | { view: 'compare'; runA: string | null; runB: string | null }

/** The `sub` of an `#/evals/…` route (see renderer/lib/routes.ts) as a view. */
export function parseEvalsSub(sub: string | null): EvalsView {
  if (!sub) return { view: 'home' }
  const [head = '', ...rest] = sub.split('/').filter((part) => part !== '')
  const id = rest[0]
  switch (head) {
    case 'new':
      return { view: 'new' }
    case 'suite':
      if (!id) return { view: 'home' }
      return rest[1] === 'edit' ? { view: 'edit', suiteId: id } : { view: 'suite', suiteId: id }
    case 'run':
      return id ? { view: 'run', runId: id } : { view: 'home' }
    case 'compare':
      return { view: 'compare', runA: rest[0] ?? null, runB: rest[1] ?? null }
    default:
      return { view: 'home' }
  }
}

/** The hash of a view: readable paths (`#/evals/run/<id>`), each id URI-encoded. */
export function evalsHref(view: EvalsView): string {
  const e = encodeURIComponent
  switch (view.view) {
    case 'home':
      return '#/evals'
    case 'new':
      return '#/evals/new'
    case 'suite':
      return `#/evals/suite/${e(view.suiteId)}`
    case 'edit':
      return `#/evals/suite/${e(view.suiteId)}/edit`
    case 'run':
      return `#/evals/run/${e(view.runId)}`
    case 'compare': {
      const parts = ['#/evals/compare']
      if (view.runA) parts.push(e(view.runA))
      if (view.runA && view.runB) parts.push(e(view.runB))
      return parts.join('/')
    }
  }
}

export function goToEvals(view: EvalsView): void {
  const next = evalsHref(view)
  if (window.location.hash !== next) window.location.hash = next
}

/** Sections of the app, in navigation order (Ctrl/Cmd+1…9 follow this order). */
export const SECTIONS = [
  { id: 'playground', label: 'Playground' },
  { id: 'contracts', label: 'Contracts' },
  { id: 'datasets', label: 'Datasets' },
  { id: 'evals', label: 'Evals' },
  { id: 'benchmarks', label: 'Benchmarks' },
  { id: 'insights', label: 'Insights' },
  { id: 'routing', label: 'Routing' },
  { id: 'providers', label: 'Providers' },
  { id: 'settings', label: 'Settings' }
] as const

export type SectionId = (typeof SECTIONS)[number]['id']

/** Where an empty hash lands: the first thing a new user can really do is probe a provider. */
export const DEFAULT_SECTION: SectionId = 'providers'

export interface Route {
  section: SectionId
  /** Optional second segment: a contract, dataset or run id. */
  sub: string | null
}

export function isSectionId(value: string): value is SectionId {
  return SECTIONS.some((s) => s.id === value)
}

export function sectionLabel(id: SectionId): string {
  return SECTIONS.find((s) => s.id === id)?.label ?? id
}

/** `#/contracts/abc` → { section: 'contracts', sub: 'abc' }; anything unknown → null. */
export function parseHash(hash: string): Route | null {
  const path = hash.replace(/^#\/?/, '')
  if (path === '') return null
  const [first = '', ...rest] = path.split('/')
  if (!isSectionId(first)) return null
  const sub = rest.length > 0 ? safeDecode(rest.join('/')) : null
  return { section: first, sub: sub === '' ? null : sub }
}

export function hrefFor(section: SectionId, sub?: string | null): string {
  return sub ? `#/${section}/${encodeURIComponent(sub)}` : `#/${section}`
}

function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value)
  } catch {
    return value
  }
}

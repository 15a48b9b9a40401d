/**
 * Workspace files, format 1: a folder a team keeps in git, and that `switchyard workspace export|import DIR` and
 * Settings → Workspace files write and read.
 *
 *   switchyard-workspace.yaml   the manifest: `format: 1` and what is inside (counts, for readers; import scans)
 *   contracts/<slug>.yaml       one model contract: name, description, feature, archived, and its latest version's
 *                               body (messages, variables, output with the JSON Schema as YAML, params, budgets,
 *                               candidates and fallbacks as `provider/model`)
 *   datasets/<slug>.yaml        a dataset header: name, description, contract (by name), cases: {file, format, count}
 *   datasets/<slug>.jsonl       its cases, one JSON object per line: vars, expected, assertions, tags, notes
 *                               (keys in that order; empty ones left out)
 *   suites/<slug>.yaml          an eval suite: name, contract and dataset (by name; it follows their latest
 *                               versions), models, assertions, repeats, concurrency, thresholds, …
 *   routing/<slug>.yaml         a routing policy: name, contract (by name or null), policy (our canonical YAML)
 *
 * Guarantees: no ids, timestamps or version numbers in files (they are store-local); keys in a fixed order (user
 * data such as a JSON Schema keeps its own order); LF line ends and a final newline; so export → import into a
 * fresh store → export gives the same bytes, and importing an unchanged folder changes nothing. Items are matched by
 * name (ignoring ASCII case, as the store does); file names are only where they live. Slugs come from names:
 * lowercase letters and digits joined by `-`; when two names give the same slug, the one sorting later by name gets
 * `-2`, `-3`, … (deterministic for a given set of names).
 */

export const WORKSPACE_FORMAT = 1
export const MANIFEST_FILE = 'switchyard-workspace.yaml'

export const FOLDERS = { contract: 'contracts', dataset: 'datasets', suite: 'suites', routing: 'routing' } as const
export type ItemKind = keyof typeof FOLDERS

/** Files of ours inside our folders: the only ones export may replace or remove as stale. */
export function isOurFileName(folder: string, name: string): boolean {
  if (folder === FOLDERS.dataset) return /\.(ya?ml|jsonl)$/i.test(name)
  return /\.ya?ml$/i.test(name)
}

/** SQLite's NOCASE folds ASCII letters only; names are matched the same way. */
export function nameKey(name: string): string {
  return name.replace(/[A-Z]/g, (c) => c.toLowerCase())
}

const MAX_SLUG = 64

/** "Support ticket triage" → "support-ticket-triage"; accents dropped, other scripts kept; never empty. */
export function slugify(name: string, fallback: string): string {
  const base = name
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '')
    .normalize('NFC')
  const cut = Array.from(base).slice(0, MAX_SLUG).join('').replace(/-+$/, '')
  return cut === '' ? fallback : cut
}

/**
 * A slug per name, unique within the set: names are taken in a fixed order (by case-folded name, then name) and a
 * taken slug gets `-2`, `-3`, … So the same set of names always gives the same file names.
 */
export function assignSlugs(names: readonly string[], fallback: string): Map<string, string> {
  const sorted = [...names].sort((a, b) => compareNames(a, b))
  const taken = new Set<string>()
  const result = new Map<string, string>()
  for (const name of sorted) {
    const base = slugify(name, fallback)
    let slug = base
    for (let n = 2; taken.has(slug); n++) slug = `${base}-${n}`
    taken.add(slug)
    result.set(name, slug)
  }
  return result
}

/** Orders names by their case-folded form, then exactly (code units), independent of locale. */
export function compareNames(a: string, b: string): number {
  const ka = nameKey(a)
  const kb = nameKey(b)
  if (ka !== kb) return ka < kb ? -1 : 1
  return a === b ? 0 : a < b ? -1 : 1
}

/** `local-emulator/emu-swift` ⇄ `{ providerId, modelId }` (the model id may itself hold `/`). */
export function modelRefText(ref: { providerId: string; modelId: string }): string {
  return `${ref.providerId}/${ref.modelId}`
}

export function parseModelRefText(text: string): { providerId: string; modelId: string } | null {
  const slash = text.indexOf('/')
  if (slash <= 0 || slash === text.length - 1) return null
  return { providerId: text.slice(0, slash), modelId: text.slice(slash + 1) }
}

export const MANIFEST_COMMENT = `# Switchyard workspace files. Import: switchyard workspace import <this folder> (or Settings → Workspace files).
#   contracts/*.yaml           one model contract each, with its latest version
#   datasets/*.yaml + *.jsonl  a dataset header, and its cases as one JSON object per line
#   suites/*.yaml              eval suites          routing/*.yaml   routing policies
# Items are matched by name; a changed contract or dataset is saved as a new version.
`

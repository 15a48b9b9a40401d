/**
 * Comparing two versions of a dataset. Case ids are new in every version (versions are immutable copies), so cases
 * are matched by what they hold, in three passes:
 *
 * 1. **Same content** (variables, expected output, assertions, tags and notes all equal): the k-th copy of a case in
 *    the old version matches the k-th copy in the new one → *unchanged*, wherever it moved.
 * 2. **Same variables**, something else different (the expected output, assertions, tags or notes were edited) →
 *    *changed*, again k-th with k-th.
 * 3. **Same place**: a run of still-unmatched new cases between two matched neighbours is paired, in order, with the
 *    unmatched old cases between those neighbours' old partners (a case whose variables were edited in place) →
 *    *changed*.
 *
 * Whatever is left is *removed* (old) or *added* (new). Entries come in the new version's order; a removed case
 * sits after the new position of its nearest matched predecessor. Linear in the number of cases.
 */

/** Content keys of one version's cases, in position order, as small integers (see `KeyInterner`). */
export interface VersionKeys {
  /** Equal numbers ⇔ equal whole content. */
  content: ArrayLike<number>
  /** Equal numbers ⇔ equal variables. */
  vars: ArrayLike<number>
}

export type EntryKind = 'added' | 'removed' | 'changed'

/** One difference: positions in the old (`from`) and new (`to`) versions. */
export interface DiffRef {
  kind: EntryKind
  from: number | null
  to: number | null
}

export interface VersionDiff {
  entries: DiffRef[]
  summary: { added: number; removed: number; changed: number; unchanged: number }
}

/** Turns strings into small integers shared by both versions, so equal content compares as equal numbers. */
export class KeyInterner {
  private readonly ids = new Map<string, number>()

  id(key: string): number {
    let id = this.ids.get(key)
    if (id === undefined) {
      id = this.ids.size
      this.ids.set(key, id)
    }
    return id
  }

  /** Keys of a version from its rows' variables JSON and the JSON of everything else. */
  keysOf(rows: Iterable<{ vars: string; rest: string }>): VersionKeys {
    const content: number[] = []
    const vars: number[] = []
    for (const row of rows) {
      const v = this.id(`v${row.vars}`)
      vars.push(v)
      content.push(this.id(`c${v}\u0000${row.rest}`))
    }
    return { content, vars }
  }
}

/** Matches k-th occurrence with k-th occurrence of each key among the still-unmatched items. */
function matchByKey(a: ArrayLike<number>, b: ArrayLike<number>, partnerA: Int32Array, partnerB: Int32Array): number {
  const waiting = new Map<number, { list: number[]; head: number }>()
  for (let i = 0; i < a.length; i++) {
    if (partnerA[i] !== -1) continue
    const key = a[i]!
    const slot = waiting.get(key)
    if (slot) slot.list.push(i)
    else waiting.set(key, { list: [i], head: 0 })
  }
  let matched = 0
  for (let j = 0; j < b.length; j++) {
    if (partnerB[j] !== -1) continue
    const slot = waiting.get(b[j]!)
    if (!slot || slot.head >= slot.list.length) continue
    const i = slot.list[slot.head++]!
    partnerA[i] = j
    partnerB[j] = i
    matched++
  }
  return matched
}

/** Pass 3: unmatched runs of `b` paired in order with unmatched `a` items between the runs' anchors. */
function matchByPlace(n: number, m: number, partnerA: Int32Array, partnerB: Int32Array): number {
  let matched = 0
  let budget = 4 * (n + m) + 1000
  let j = 0
  while (j < m) {
    if (partnerB[j] !== -1) {
      j++
      continue
    }
    const runStart = j
    while (j < m && partnerB[j] === -1) j++
    const before = runStart > 0 ? partnerB[runStart - 1]! : -1
    const after = j < m ? partnerB[j]! : n
    if (before >= after) continue
    let k = runStart
    for (let i = before + 1; i < after && k < j && budget > 0; i++, budget--) {
      if (partnerA[i] !== -1) continue
      partnerA[i] = k
      partnerB[k] = i
      matched++
      k++
    }
  }
  return matched
}

export function compareVersions(from: VersionKeys, to: VersionKeys): VersionDiff {
  const n = from.content.length
  const m = to.content.length
  const partnerA = new Int32Array(n).fill(-1)
  const partnerB = new Int32Array(m).fill(-1)
  const unchanged = matchByKey(from.content, to.content, partnerA, partnerB)
  const exact = Int32Array.from(partnerB)
  matchByKey(from.vars, to.vars, partnerA, partnerB)
  matchByPlace(n, m, partnerA, partnerB)

  const keyed: Array<{ key: number; tie: number; ref: DiffRef }> = []
  const summary = { added: 0, removed: 0, changed: 0, unchanged }
  for (let j = 0; j < m; j++) {
    const i = partnerB[j]!
    if (i === -1) {
      summary.added++
      keyed.push({ key: j, tie: -1, ref: { kind: 'added', from: null, to: j } })
    } else if (exact[j] === -1) {
      summary.changed++
      keyed.push({ key: j, tie: -1, ref: { kind: 'changed', from: i, to: j } })
    }
  }
  let lastTo = -1
  for (let i = 0; i < n; i++) {
    const j = partnerA[i]!
    if (j !== -1) {
      lastTo = j
      continue
    }
    summary.removed++
    keyed.push({ key: lastTo + 0.5, tie: i, ref: { kind: 'removed', from: i, to: null } })
  }
  keyed.sort((x, y) => x.key - y.key || x.tie - y.tie)
  return { entries: keyed.map((k) => k.ref), summary }
}

/** The fields that differ between two versions of a case: `vars.<name>`, `expected`, `assertions`, `tags`, `notes`. */
export function changedFields(
  before: { vars: Record<string, unknown>; expected: string | null; assertions: unknown; tags: unknown; notes: string },
  after: { vars: Record<string, unknown>; expected: string | null; assertions: unknown; tags: unknown; notes: string }
): string[] {
  const fields: string[] = []
  const names = [...new Set([...Object.keys(before.vars), ...Object.keys(after.vars)])]
  for (const name of names) {
    if (JSON.stringify(before.vars[name]) !== JSON.stringify(after.vars[name])) fields.push(`vars.${name}`)
  }
  if (before.expected !== after.expected) fields.push('expected')
  if (JSON.stringify(before.assertions) !== JSON.stringify(after.assertions)) fields.push('assertions')
  if (JSON.stringify(before.tags) !== JSON.stringify(after.tags)) fields.push('tags')
  if (before.notes !== after.notes) fields.push('notes')
  return fields
}

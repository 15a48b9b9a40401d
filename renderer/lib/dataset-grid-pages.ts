import type { DatasetCase } from '../../src/core/schemas/workspace'

/**
 * Cases of one dataset version, loaded page by page as the grid scrolls: only the pages covering the visible rows
 * (plus a margin) are fetched, at most `concurrency` at once, newest wish first; pages that scrolled away before
 * their turn are skipped. Loaded pages are kept (least recently used dropped past `capacity`).
 */

export const PAGE_SIZE = 100

export type FetchPage = (offset: number, limit: number) => Promise<DatasetCase[]>

export class CasePages {
  private readonly pages = new Map<number, DatasetCase[]>()
  private readonly inFlight = new Set<number>()
  private wanted: number[] = []
  private failure: unknown = null

  constructor(
    private readonly fetchPage: FetchPage,
    /** Called after a page arrives (or fails). */
    private readonly onChange: () => void,
    private readonly total: number,
    private readonly capacity = 80,
    private readonly concurrency = 2
  ) {}

  /** The case at a position, when its page is loaded. */
  get(position: number): DatasetCase | undefined {
    return this.pages.get(Math.floor(position / PAGE_SIZE))?.[position % PAGE_SIZE]
  }

  isLoaded(position: number): boolean {
    return this.pages.has(Math.floor(position / PAGE_SIZE))
  }

  /** The last fetch error, if the last fetch failed. */
  get error(): unknown {
    return this.failure
  }

  /** Asks for the pages holding these positions, nearest to `center` first; forgets earlier wishes. */
  want(positions: Iterable<number>, center?: number): void {
    const pages: number[] = []
    const seen = new Set<number>()
    for (const p of positions) {
      if (p < 0 || p >= this.total) continue
      const page = Math.floor(p / PAGE_SIZE)
      if (seen.has(page)) continue
      seen.add(page)
      const cached = this.pages.get(page)
      if (cached) {
        // Touch: most recently used last.
        this.pages.delete(page)
        this.pages.set(page, cached)
      } else pages.push(page)
    }
    if (center !== undefined) {
      const middle = Math.floor(center / PAGE_SIZE)
      pages.sort((a, b) => Math.abs(a - middle) - Math.abs(b - middle))
    }
    this.wanted = pages
    this.pump()
  }

  /** Puts cases already fetched (e.g. the first page, fetched with the version's facts) into the cache. */
  seed(offset: number, cases: DatasetCase[]): void {
    for (let i = 0; i < cases.length; i += PAGE_SIZE) this.store(Math.floor((offset + i) / PAGE_SIZE), cases.slice(i, i + PAGE_SIZE))
  }

  /**
   * Loads every page holding these positions (used before a paste over rows not seen yet) and answers a lookup that
   * finds all of them, even pages the cache has dropped meanwhile.
   */
  async ensure(positions: readonly number[]): Promise<(position: number) => DatasetCase | undefined> {
    const fetched = new Map<number, DatasetCase[]>()
    const pages = [...new Set(positions.filter((p) => p >= 0 && p < this.total).map((p) => Math.floor(p / PAGE_SIZE)))].filter((page) => !this.pages.has(page))
    // A few at a time, so a paste over thousands of rows does not flood the engine.
    for (let i = 0; i < pages.length; i += 4) {
      await Promise.all(
        pages.slice(i, i + 4).map(async (page) => {
          const cases = await this.fetchPage(page * PAGE_SIZE, PAGE_SIZE)
          fetched.set(page, cases)
          this.store(page, cases)
        })
      )
    }
    return (position) => fetched.get(Math.floor(position / PAGE_SIZE))?.[position % PAGE_SIZE] ?? this.get(position)
  }

  private store(page: number, cases: DatasetCase[]): void {
    this.pages.set(page, cases)
    while (this.pages.size > this.capacity) this.pages.delete(this.pages.keys().next().value as number)
  }

  private pump(): void {
    while (this.inFlight.size < this.concurrency) {
      const page = this.wanted.find((p) => !this.pages.has(p) && !this.inFlight.has(p))
      if (page === undefined) return
      this.inFlight.add(page)
      this.fetchPage(page * PAGE_SIZE, PAGE_SIZE)
        .then((cases) => {
          this.failure = null
          this.store(page, cases)
        })
        .catch((error: unknown) => {
          this.failure = error
          this.wanted = this.wanted.filter((p) => p !== page)
        })
        .finally(() => {
          this.inFlight.delete(page)
          this.onChange()
          this.pump()
        })
    }
  }
}

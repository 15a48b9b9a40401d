import type BetterSqlite3 from 'better-sqlite3'
import { validationError } from '../../core/errors'
import { DEFAULT_SETTINGS, Settings } from '../../core/schemas/app'
import { parseJson } from '../sqlite-errors'

export { DEFAULT_SETTINGS }

const SettingsPatch = Settings.partial().strict()

export type SettingRepo = ReturnType<typeof createSettingRepo>

/** Settings as one row per key (value as JSON); unknown or malformed stored values fall back to the default. */
export function createSettingRepo(db: BetterSqlite3.Database) {
  const selectAll = db.prepare('SELECT key, value_json FROM setting')
  const upsert = db.prepare('INSERT INTO setting (key, value_json) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value_json = excluded.value_json')

  function get(): Settings {
    const stored: Record<string, unknown> = {}
    for (const row of selectAll.all() as Array<{ key: string; value_json: string }>) stored[row.key] = parseJson<unknown>(row.value_json, undefined)
    const result: Record<string, unknown> = { ...DEFAULT_SETTINGS }
    for (const key of Object.keys(DEFAULT_SETTINGS)) {
      const field = Settings.shape[key as keyof Settings].safeParse(stored[key])
      if (field.success) result[key] = field.data
    }
    return result as Settings
  }

  const write = db.transaction((patch: Partial<Settings>) => {
    for (const [key, value] of Object.entries(patch)) if (value !== undefined) upsert.run(key, JSON.stringify(value))
  })

  return {
    get,
    /** Changes some settings; returns all of them afterwards. */
    update(patch: Partial<Settings>): Settings {
      const parsed = SettingsPatch.safeParse(patch)
      if (!parsed.success) throw validationError('settings', parsed.error)
      write(parsed.data)
      return get()
    }
  }
}

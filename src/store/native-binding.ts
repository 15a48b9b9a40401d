import type Database from 'better-sqlite3'

/**
 * better-sqlite3 is a native addon built for one ABI. Node (tests, CLI, web mode) uses the build in node_modules;
 * the Electron main process needs a build for Electron's ABI, which `npm start` prepares and names through
 * SWITCHYARD_SQLITE_BINDING (a path to better_sqlite3.node). Every connection takes its options from here.
 */
export function connectionOptions(options: Database.Options = {}): Database.Options {
  const binding = process.env.SWITCHYARD_SQLITE_BINDING
  return binding ? { ...options, nativeBinding: binding } : options
}

import { existsSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { createEngine } from '../../api/engine'
import { defaultDataDir, rememberStorePath, resolveStorePath } from '../../api/store-location'
import { EnvSecretStore } from '../../secrets/env-secret-store'
import { startWebServer } from '../../server/web-server'
import { UsageError, parsePort } from '../cli-errors'
import { SERVE_HELP } from '../help'
import { waitForShutdown, type CliIo } from '../cli-io'

/** The built renderer: beside the built CLI (out/cli → out/renderer), or out/renderer from the repository root. */
export function findRendererDir(explicit?: string): string {
  const here = dirname(fileURLToPath(import.meta.url))
  const candidates = explicit ? [resolve(explicit)] : [join(here, '..', 'renderer'), join(here, '..', '..', 'out', 'renderer'), join(here, '..', '..', '..', 'out', 'renderer')]
  const found = candidates.find((dir) => existsSync(join(dir, 'index.html')))
  if (!found) throw new UsageError(`The app is not built (no index.html in ${candidates.join(' or ')}). Run "npm run build" first.`)
  return found
}

export async function serveCommand(args: string[], io: CliIo, global: { db?: string | undefined }): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      port: { type: 'string' },
      'emulator-port': { type: 'string' },
      'static-dir': { type: 'string' },
      help: { type: 'boolean', short: 'h' }
    },
    strict: true
  })
  if (values.help) {
    io.out(SERVE_HELP)
    return 0
  }
  const staticDir = findRendererDir(values['static-dir'])
  const dataDir = defaultDataDir()
  const storePath = resolveStorePath({ explicit: global.db, dataDir })
  const engine = await createEngine({
    face: 'web',
    storePath,
    secretStore: new EnvSecretStore(),
    emulatorPort: parsePort(values['emulator-port'], '--emulator-port') ?? 0,
    onStorePathChanged: (path) => rememberStorePath(dataDir, path)
  })
  const server = await startWebServer({ engine, staticDir, port: parsePort(values.port, '--port') ?? 0 })
  const store = engine.context.storeInfo
  io.out(`Switchyard web mode: ${server.openUrl}`)
  io.out(store.state === 'ok' ? `  store:    ${store.path}` : `  store:    UNAVAILABLE (${store.message})`)
  io.out(`  emulator: ${engine.context.emulator?.url ?? 'off'}`)
  io.out('Open the URL above in a browser on this machine. Press Ctrl+C to stop.')
  await waitForShutdown()
  await server.close()
  await engine.close()
  return 0
}

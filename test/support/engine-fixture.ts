import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createEngine, type Engine } from '../../src/api/engine'
import { EnvSecretStore } from '../../src/secrets/env-secret-store'
import { startWebServer, type RunningWebServer } from '../../src/server/web-server'

export interface EngineFixture {
  dir: string
  storePath: string
  engine: Engine
  close(): Promise<void>
}

/** A real engine on a fresh SQLite file in a temp folder, with its in-process emulator. */
export async function startEngineFixture(env: Record<string, string | undefined> = {}): Promise<EngineFixture> {
  const dir = mkdtempSync(join(tmpdir(), 'switchyard-test-'))
  const storePath = join(dir, 'switchyard.db')
  const engine = await createEngine({ face: 'web', storePath, secretStore: new EnvSecretStore(env) })
  return { dir, storePath, engine, close: () => engine.close() }
}

/** A minimal renderer folder, enough to test static serving without building the real app. */
export function fakeRendererDir(dir: string): string {
  const root = join(dir, 'renderer')
  mkdirSync(join(root, 'assets'), { recursive: true })
  writeFileSync(join(root, 'index.html'), '<!doctype html><title>Switchyard</title><div id="root"></div>')
  writeFileSync(join(root, 'assets', 'app-123.js'), 'console.log(1)')
  return root
}

export async function startServerFixture(): Promise<EngineFixture & { server: RunningWebServer }> {
  const fixture = await startEngineFixture()
  const server = await startWebServer({ engine: fixture.engine, staticDir: fakeRendererDir(fixture.dir) })
  return {
    ...fixture,
    server,
    close: async () => {
      await server.close()
      await fixture.close()
    }
  }
}

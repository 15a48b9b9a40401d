#!/usr/bin/env node
// The switchyard command: runs the built engine + CLI bundle (npm run build creates it).
import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

const bundle = fileURLToPath(new URL('../out/cli/switchyard.mjs', import.meta.url))
if (!existsSync(bundle)) {
  process.stderr.write('switchyard: the CLI is not built yet. Run "npm run build" in the Switchyard folder first.\n')
  process.exit(1)
}
await import(bundle)

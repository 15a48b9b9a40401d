// npm run web: build when sources changed, then start web mode (arguments pass through: npm run web -- --port 5000).
import { spawn } from 'node:child_process'
import { buildIfStale } from './build-if-stale.mjs'

buildIfStale()
const child = spawn(process.execPath, ['bin/switchyard.mjs', 'serve', ...process.argv.slice(2)], { stdio: 'inherit' })
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal))
child.on('exit', (code) => process.exit(code ?? 0))

/**
 * Runs the emulator in its own process for benchmarks: prints `{"url":"http://127.0.0.1:PORT"}` on stdout
 * once listening, and closes when stdin ends or on SIGTERM/SIGINT.
 * Run: node --import tsx bench/emulator/emulator-child.ts [--port N]
 */
import { startEmulator } from '../../src/emulator/server'

const portFlag = process.argv.indexOf('--port')
const port = portFlag === -1 ? 0 : Number(process.argv[portFlag + 1] ?? 0)
const emulator = await startEmulator({ port })
process.stdout.write(`${JSON.stringify({ url: emulator.url, pid: process.pid })}\n`)

let stopping = false
const stop = (): void => {
  if (stopping) return
  stopping = true
  void emulator.close().then(() => process.exit(0))
}
process.stdin.on('end', stop)
process.stdin.on('error', stop)
process.stdin.resume()
process.on('SIGTERM', stop)
process.on('SIGINT', stop)

import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

export interface WebApp {
  /** The URL with the one-time token, as printed by `switchyard serve`. */
  openUrl: string
  origin: string
  dir: string
  storePath: string
  output(): string
  close(): Promise<void>
}

/** Starts the built CLI's web mode (`switchyard serve`) on a free port with a store in a temp folder. */
export async function startWebApp(options: { storePath?: string; dir?: string } = {}): Promise<WebApp> {
  const dir = options.dir ?? mkdtempSync(join(tmpdir(), 'switchyard-e2e-'))
  const storePath = options.storePath ?? join(dir, 'switchyard.db')
  const child: ChildProcess = spawn(process.execPath, ['bin/switchyard.mjs', 'serve', '--db', storePath, '--port', '0'], {
    env: { ...process.env, SWITCHYARD_HOME: dir },
    stdio: ['ignore', 'pipe', 'pipe']
  })
  let output = ''
  child.stdout?.on('data', (d: Buffer) => (output += d.toString()))
  child.stderr?.on('data', (d: Buffer) => (output += d.toString()))
  const openUrl = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`switchyard serve did not print its URL in time:\n${output}`)), 20_000)
    const poll = setInterval(() => {
      const match = /Switchyard web mode: (http:\/\/\S+)/.exec(output)
      if (match?.[1]) {
        clearInterval(poll)
        clearTimeout(timer)
        resolve(match[1])
      }
    }, 20)
    child.once('exit', (code) => {
      clearInterval(poll)
      clearTimeout(timer)
      reject(new Error(`switchyard serve exited with ${code}:\n${output}`))
    })
  })
  return {
    openUrl,
    origin: new URL(openUrl).origin,
    dir,
    storePath,
    output: () => output,
    close: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve()
        child.once('exit', () => resolve())
        child.kill('SIGTERM')
        setTimeout(() => child.kill('SIGKILL'), 5_000).unref()
      })
  }
}

/**
 * Runs a command as a child process under GNU time (/usr/bin/time), so wall time, user+sys CPU and peak RSS are
 * measured the same way for both tools, by the kernel, for the whole process from exec to exit.
 */
import { spawn } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

export const GNU_TIME = '/usr/bin/time'

export interface TimedProcessResult {
  code: number | null
  stdout: string
  stderr: string
  wallS: number
  userS: number
  sysS: number
  maxRssMiB: number
}

export function haveGnuTime(): boolean {
  return existsSync(GNU_TIME)
}

export async function runTimed(command: string, args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv; timeoutMs?: number } = {}): Promise<TimedProcessResult> {
  const dir = mkdtempSync(join(tmpdir(), 'switchyard-timed-'))
  const out = join(dir, 'time.txt')
  try {
    const child = spawn(GNU_TIME, ['-o', out, '-f', '%e %U %S %M', command, ...args], { cwd: options.cwd, env: options.env ?? process.env, stdio: ['ignore', 'pipe', 'pipe'] })
    let stdout = ''
    let stderr = ''
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk))
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk))
    const timer = options.timeoutMs ? setTimeout(() => child.kill('SIGKILL'), options.timeoutMs) : null
    const code = await new Promise<number | null>((resolve, reject) => {
      child.once('error', reject)
      child.once('close', (c) => resolve(c))
    })
    if (timer) clearTimeout(timer)
    // GNU time writes "Command exited with non-zero status N" before the figures when the command fails.
    const line = readFileSync(out, 'utf8').trim().split('\n').at(-1) ?? ''
    const [wall, user, sys, rssKiB] = line.split(' ').map(Number)
    return { code, stdout, stderr, wallS: wall ?? NaN, userS: user ?? NaN, sysS: sys ?? NaN, maxRssMiB: (rssKiB ?? NaN) / 1024 }
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

// Finds a Chromium for the end-to-end tests; installs Debian's package when run as root on Debian.
import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'

const CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable']

export function findChromium() {
  if (process.env.CHROMIUM_PATH) {
    if (existsSync(process.env.CHROMIUM_PATH)) return process.env.CHROMIUM_PATH
    throw new Error(`CHROMIUM_PATH=${process.env.CHROMIUM_PATH} does not exist.`)
  }
  return CANDIDATES.find((p) => existsSync(p)) ?? null
}

export function ensureChromium() {
  const found = findChromium()
  if (found) return found
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0
  if (isRoot && existsSync('/etc/debian_version')) {
    console.log('Chromium not found: installing Debian\'s chromium package (apt-get install -y chromium)…')
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' }
    const update = spawnSync('apt-get', ['update'], { stdio: 'inherit', env })
    const install = update.status === 0 ? spawnSync('apt-get', ['install', '-y', '--no-install-recommends', 'chromium'], { stdio: 'inherit', env }) : update
    const installed = findChromium()
    if (install.status === 0 && installed) return installed
  }
  throw new Error(
    'The end-to-end tests need Chromium and none was found. Install it and run again:\n' +
      '  Debian/Ubuntu: sudo apt-get install -y chromium   (or chromium-browser)\n' +
      '  Fedora: sudo dnf install chromium    macOS: brew install --cask chromium\n' +
      'or point CHROMIUM_PATH at a Chromium or Chrome executable. (Playwright\'s own browser download is not used.)'
  )
}

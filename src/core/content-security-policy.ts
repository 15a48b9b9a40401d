/**
 * The Content-Security-Policy of the renderer, in the Electron window and in web mode alike. Provider hosts are
 * absent from connect-src on purpose: provider calls run in the engine, never in the renderer.
 * Monaco needs blob: workers, data: images (squiggles) and fonts, and inline styles.
 */
export function buildContentSecurityPolicy(options: { devServerOrigin?: string } = {}): string {
  const dev = options.devServerOrigin
  const connect = ["'self'", ...(dev ? [dev, dev.replace(/^http/, 'ws')] : [])].join(' ')
  const script = ["'self'", ...(dev ? [dev] : [])].join(' ')
  return [
    "default-src 'self'",
    `script-src ${script}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self' data:",
    "worker-src 'self' blob:",
    `connect-src ${connect}`,
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'"
  ].join('; ')
}

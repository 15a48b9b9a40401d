import { APP_ORIGIN, originOf } from './app-origin'

/** The parts of an IpcMainInvokeEvent the check reads (Electron's event fits it). */
export interface SenderEventLike {
  sender: { getType?: () => string }
  senderFrame: { url: string; parent: unknown } | null
}

export interface TrustedOrigins {
  /** The packaged renderer's origin: `app://switchyard`. `file://` pages are never trusted. */
  appOrigin?: string
  /** The exact dev-server origin in development (from ELECTRON_RENDERER_URL), else null. */
  devServerUrl?: string | null
}

/** Whether a frame URL is the app's own renderer: the app origin, or exactly the dev-server origin. */
export function isTrustedSenderUrl(url: string, { appOrigin = APP_ORIGIN, devServerUrl = null }: TrustedOrigins = {}): boolean {
  const origin = originOf(url)
  if (origin === null) return false
  if (origin === originOf(appOrigin)) return true
  return devServerUrl ? origin === originOf(devServerUrl) : false
}

/**
 * Sender validation for every IPC handler (SECURITY.md checklist item 17): refuses `<webview>` guests, a missing
 * senderFrame (frame gone or navigated), sub-frames (`parent !== null`) and any origin but the app's own.
 */
export function isTrustedSender(event: SenderEventLike, origins: TrustedOrigins = {}): boolean {
  if (event.sender.getType?.() === 'webview') return false
  const frame = event.senderFrame
  if (!frame) return false
  if (frame.parent !== null) return false
  return isTrustedSenderUrl(frame.url, origins)
}

import type { BridgeApi } from '../../src/core/client'

/**
 * The preload bridge as seen from the renderer. Only renderer/api/ reads it: components and stores talk to the
 * engine through the SwitchyardClient this folder builds.
 */
declare global {
  interface Window {
    switchyard?: BridgeApi
  }
}

export function readBridge(): BridgeApi | undefined {
  return typeof window === 'undefined' ? undefined : window.switchyard
}

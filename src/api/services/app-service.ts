import { DEFAULT_SETTINGS, type AppInfo, type Settings } from '../../core/schemas/app'
import { AppError } from '../../core/errors'
import { freshStorePathBeside } from '../../store/open-store'
import type { Handlers } from '../dispatch'
import { requireStore, type EngineContext } from '../engine-context'
import { openEngineStore } from '../open-engine-store'

export function appInfo(context: EngineContext): AppInfo {
  const secrets = context.secretStore
  return {
    version: context.version,
    face: context.face,
    store: context.storeInfo,
    emulator: {
      running: context.emulator !== null,
      url: context.emulator?.url ?? null,
      models: context.emulator?.models.length ?? 0
    },
    secrets: { backend: secrets.backend, encryptedAtRest: secrets.encryptedAtRest, warning: secrets.warning }
  }
}

export function currentSettings(context: EngineContext): Settings {
  return context.store ? context.store.settings.get() : DEFAULT_SETTINGS
}

export function appHandlers(context: EngineContext): Pick<Handlers, 'app.info' | 'app.ping' | 'store.openFresh' | 'settings.get' | 'settings.update'> {
  return {
    'app.info': () => appInfo(context),
    'app.ping': () => ({ pong: true as const, at: Date.now() }),
    'store.openFresh': () => {
      if (context.store) {
        throw new AppError('CONFLICT', `The store at ${context.store.path} is open and healthy; a fresh store is only offered when it cannot be opened.`)
      }
      const freshPath = freshStorePathBeside(context.storeInfo.path)
      const opened = openEngineStore(freshPath)
      if (!opened.store) {
        const reason = opened.info.state === 'error' ? opened.info.message : 'unknown error'
        throw new AppError('STORE_UNAVAILABLE', `Could not create a fresh store at ${freshPath}: ${reason}`)
      }
      context.store = opened.store
      context.storeInfo = opened.info
      context.onStorePathChanged?.(freshPath)
      return appInfo(context)
    },
    'settings.get': () => currentSettings(context),
    'settings.update': (patch) => requireStore(context).settings.update(patch)
  }
}

import { BrowserWindow, app, dialog, ipcMain, nativeTheme, protocol, safeStorage, session, shell } from 'electron'
import { join } from 'node:path'
import { createEngine, type Engine } from '../src/api/engine'
import { rememberStorePath } from '../src/api/store-location'
import { APP_ENTRY_URL, APP_ORIGIN, APP_SCHEME, resolveDevServerUrl } from './app-origin'
import { resolveSecretsPath, resolveStorePath, resolveUserDataDir } from './app-paths'
import { APP_SCHEME_PRIVILEGES, createAppProtocolHandler } from './app-protocol'
import { bindIpc, forwardJobEvents } from './ipc-binding'
import { SafeStorageSecretStore } from './safe-storage-secret-store'
import { applySecurity, buildCsp, createCspHeaderListener } from './security'
import { isTrustedSender } from './validate-sender'
import { buildWindowOptions } from './window-options'

/**
 * The Electron entry: wiring only, every decision lives in the tested modules beside it. Built to out/main/index.js;
 * the renderer is served from out/renderer/ over app://switchyard, the preload is out/preload/index.cjs.
 */
const builtDir = import.meta.dirname
const rendererDir = join(builtDir, '../renderer')
const preloadPath = join(builtDir, '../preload/index.cjs')
const devServerUrl = resolveDevServerUrl(process.env, app.isPackaged)
const csp = buildCsp({ dev: devServerUrl !== null, devServerUrl })

const userDataOverride = resolveUserDataDir(process.env)
if (userDataOverride) app.setPath('userData', userDataOverride)
app.enableSandbox()
protocol.registerSchemesAsPrivileged([APP_SCHEME_PRIVILEGES])

if (!app.requestSingleInstanceLock()) {
  app.quit()
} else {
  start()
}

function start(): void {
  let engine: Engine | null = null
  let mainWindow: BrowserWindow | null = null
  let unbind = (): void => undefined
  let stopEvents = (): void => undefined
  let quitting = false

  const createWindow = (): void => {
    const win = new BrowserWindow(buildWindowOptions({ preloadPath, isDev: devServerUrl !== null, dark: nativeTheme.shouldUseDarkColors }))
    mainWindow = win
    win.once('ready-to-show', () => win.show())
    win.on('closed', () => {
      if (mainWindow === win) mainWindow = null
    })
    win.loadURL(devServerUrl ?? APP_ENTRY_URL).catch((error: unknown) => {
      console.error(`Switchyard: could not load the window: ${error instanceof Error ? error.message : String(error)}`)
    })
  }

  app.on('second-instance', () => {
    if (!mainWindow) return
    if (mainWindow.isMinimized()) mainWindow.restore()
    mainWindow.focus()
  })

  app
    .whenReady()
    .then(async () => {
      applySecurity({
        app,
        session: session.defaultSession,
        policy: { allowedOrigins: devServerUrl ? [APP_ORIGIN, devServerUrl] : [APP_ORIGIN], openExternal: (url) => shell.openExternal(url) }
      })
      protocol.handle(APP_SCHEME, createAppProtocolHandler({ rootDir: rendererDir, csp }))
      if (devServerUrl) {
        session.defaultSession.webRequest.onHeadersReceived({ urls: [`${devServerUrl}/*`] }, createCspHeaderListener(csp, devServerUrl))
      }

      const userDataDir = app.getPath('userData')
      const secretStore = new SafeStorageSecretStore({
        safeStorage,
        filePath: resolveSecretsPath(userDataDir),
        allowUnencrypted: () => {
          try {
            return engine?.settings().allowUnencryptedKeys ?? false
          } catch {
            return false
          }
        },
        env: process.env
      })
      // A store that cannot be opened does not stop the engine: app.info reports it and the renderer offers
      // store.openFresh.
      const storePath = resolveStorePath({ userDataDir, env: process.env, argv: process.argv })
      engine = await createEngine({
        face: 'electron',
        storePath,
        secretStore,
        startEmulator: true,
        onStorePathChanged: (path) => rememberStorePath(userDataDir, path)
      })
      unbind = bindIpc({ ipcMain, engine, isTrustedSender: (event) => isTrustedSender(event, { devServerUrl }) })
      stopEvents = forwardJobEvents(engine, () => BrowserWindow.getAllWindows().map((win) => win.webContents))
      createWindow()
    })
    .catch((error: unknown) => {
      dialog.showErrorBox('Switchyard could not start', error instanceof Error ? error.message : String(error))
      app.exit(1)
    })

  app.on('activate', () => {
    if (engine && BrowserWindow.getAllWindows().length === 0) createWindow()
  })
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit()
  })
  app.on('before-quit', (event) => {
    if (!engine || quitting) return
    quitting = true
    event.preventDefault()
    unbind()
    stopEvents()
    engine
      .close()
      .catch(() => undefined)
      .finally(() => app.quit())
  })
}

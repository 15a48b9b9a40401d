import { contextBridge, ipcRenderer } from 'electron'
import { buildBridgeApi, ipcRendererTransport } from './bridge-api'

/**
 * The preload: runs sandboxed (built as CommonJS `out/preload/index.cjs`) and exposes only the domain-shaped bridge
 * as `window.switchyard`. No generic invoke, no ipcRenderer, no zod.
 */
const { invoke, subscribe } = ipcRendererTransport(ipcRenderer)
contextBridge.exposeInMainWorld('switchyard', buildBridgeApi(invoke, subscribe))

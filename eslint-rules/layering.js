// Switchyard's layering rule (after VS Code's code-layering): which folder may import what.
//   src/core/  pure: only other src/core files and pure packages (zod); no node:*, electron, better-sqlite3.
//   renderer/  only renderer/, src/core/ and UI packages; never electron, node:*, better-sqlite3, src/ engine, main/.
//   src/       the engine: never main/, renderer/ or electron.
import { builtinModules } from 'node:module'
import { dirname, relative, resolve, sep } from 'node:path'

const ROOT = process.cwd()
const BUILTINS = new Set(builtinModules)
const PURE_PACKAGES = new Set(['zod'])
const NATIVE_OR_ELECTRON = new Set(['electron', 'better-sqlite3'])

function layerOf(absPath) {
  const rel = relative(ROOT, absPath).split(sep).join('/')
  if (rel.startsWith('src/core/')) return 'core'
  if (rel.startsWith('src/')) return 'engine'
  if (rel.startsWith('renderer/')) return 'renderer'
  if (rel.startsWith('main/')) return 'main'
  return 'other'
}

function packageName(source) {
  if (source.startsWith('node:')) return source
  const parts = source.split('/')
  return source.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]
}

function verdict(fromLayer, source, fromFile) {
  if (/\.test\.tsx?$/.test(fromFile) && source === 'vitest') return null
  const isRelative = source.startsWith('.') || source.startsWith('/')
  if (!isRelative) {
    const name = packageName(source.split('?')[0])
    const builtin = name.startsWith('node:') || BUILTINS.has(name)
    if (fromLayer === 'core' && (builtin || !PURE_PACKAGES.has(name))) return `src/core is pure: it may not import "${source}"`
    if (fromLayer === 'renderer' && (builtin || NATIVE_OR_ELECTRON.has(name))) return `the renderer may not import "${source}" (Node or Electron)`
    if (fromLayer === 'engine' && name === 'electron') return 'the engine (src/) may not import electron; put Electron code in main/'
    return null
  }
  const target = layerOf(resolve(dirname(fromFile), source.split('?')[0]))
  if (fromLayer === 'core' && target !== 'core') return `src/core is pure: it may only import src/core (not ${target})`
  if (fromLayer === 'renderer' && !['renderer', 'core'].includes(target)) return `the renderer may only import renderer/ and src/core/ (not ${target})`
  if (fromLayer === 'engine' && ['main', 'renderer'].includes(target)) return `the engine (src/) may not import ${target}/`
  return null
}

export const layeringRule = {
  meta: { type: 'problem', docs: { description: 'Enforce the main / renderer / engine / core layering' }, schema: [] },
  create(context) {
    const file = context.filename
    const layer = layerOf(file)
    if (layer === 'other' || layer === 'main') return {}
    const check = (node) => {
      if (!node.source || typeof node.source.value !== 'string') return
      const message = verdict(layer, node.source.value, file)
      if (message) context.report({ node: node.source, message })
    }
    return { ImportDeclaration: check, ExportNamedDeclaration: check, ExportAllDeclaration: check, ImportExpression: check }
  }
}

export default { rules: { layering: layeringRule } }

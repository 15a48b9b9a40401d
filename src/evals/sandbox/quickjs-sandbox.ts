import { newQuickJSWASMModule, RELEASE_SYNC, type QuickJSContext, type QuickJSHandle, type QuickJSRuntime, type QuickJSWASMModule } from 'quickjs-emscripten'

/**
 * Runs user JavaScript (assertion code) in QuickJS compiled to WebAssembly. The code sees only what we pass in —
 * `output` (a string) and `context` (plain JSON) — plus the language itself and a `console` whose lines are captured.
 * There is no `require`, `process`, `fetch`, file system, network or timer: QuickJS has none unless the host adds them,
 * and we add nothing else.
 *
 * Limits per evaluation: wall time (an interrupt handler, default 1 s), heap (default 32 MB) and interpreter stack
 * (default 256 KB). The WASM module loads once and is reused; every evaluation gets a fresh runtime and context, so
 * nothing leaks from one evaluation into the next (measured ≈ 4,000 evaluations/s for a one-line expression).
 * If the module itself breaks (a host stack overflow while deep in WASM, an abort), it is dropped and a new one is
 * loaded for the next evaluation.
 *
 * Evaluation is synchronous once the module is loaded: a runaway script blocks its thread up to its time limit.
 */

export interface SandboxLimits {
  timeoutMs: number
  memoryBytes: number
  stackBytes: number
}

export const DEFAULT_SANDBOX_LIMITS: Readonly<SandboxLimits> = {
  timeoutMs: 1000,
  memoryBytes: 32 * 1024 * 1024,
  stackBytes: 256 * 1024
}

export type SandboxFailureKind = 'syntax' | 'exception' | 'timeout' | 'memory' | 'stack' | 'crash'

/** The JavaScript type of what the code returned (`null` apart from `object`). */
export type SandboxValueType = 'boolean' | 'number' | 'string' | 'object' | 'null' | 'undefined' | 'function' | 'bigint' | 'symbol'

export type SandboxRun =
  /** `value` is the result as JSON would carry it (boolean, number incl. NaN/Infinity, string, plain data); absent for
   * undefined, functions, bigints and symbols. */
  | { ok: true; type: SandboxValueType; value: unknown; logs: string[]; elapsedMs: number }
  | { ok: false; kind: SandboxFailureKind; message: string; logs: string[]; elapsedMs: number }

export interface SandboxInput {
  output: string
  /** Anything JSON can carry (vars, expected, metrics…); it is copied into the sandbox as JSON. */
  context: unknown
}

const MAX_LOG_LINES = 20
const MAX_LOG_CHARS = 500

let modulePromise: Promise<QuickJSWASMModule> | null = null
const counters = { modulesLoaded: 0, evaluations: 0 }

function loadModule(): Promise<QuickJSWASMModule> {
  if (!modulePromise) {
    counters.modulesLoaded++
    modulePromise = newQuickJSWASMModule(RELEASE_SYNC)
    modulePromise.catch(() => {
      modulePromise = null
    })
  }
  return modulePromise
}

/** Loads the WASM module ahead of the first evaluation (optional; the first evaluation loads it otherwise). */
export async function warmUpSandbox(): Promise<void> {
  await loadModule()
}

/** How many modules were loaded (more than 1 means a module broke and was replaced) and evaluations run. */
export function sandboxStats(): { modulesLoaded: number; evaluations: number } {
  return { ...counters }
}

function mb(bytes: number): string {
  return `${Math.round(bytes / (1024 * 1024))} MB`
}

function kb(bytes: number): string {
  return `${Math.round(bytes / 1024)} KB`
}

/** The code as an expression (`output.length < 200`), or else as a function body (`return …`). */
function wrapperSources(code: string): { expression: string; body: string } {
  const trimmed = code.trim().replace(/;+$/, '')
  return {
    expression: `(function (output, context) {\nreturn (\n${trimmed}\n);\n})`,
    body: `(function (output, context) {\n${code}\n})`
  }
}

interface ErrorInfo {
  name: string
  message: string
}

function errorInfo(vm: QuickJSContext, handle: QuickJSHandle): ErrorInfo {
  const dumped: unknown = vm.dump(handle)
  if (dumped && typeof dumped === 'object' && 'message' in dumped) {
    const e = dumped as { name?: unknown; message?: unknown }
    return { name: typeof e.name === 'string' ? e.name : 'Error', message: String(e.message) }
  }
  return { name: 'Error', message: `uncaught ${JSON.stringify(dumped) ?? String(dumped)}` }
}

function formatLogArgument(value: unknown): string {
  if (typeof value === 'string') return value
  try {
    return JSON.stringify(value) ?? String(value)
  } catch {
    return String(value)
  }
}

function installConsole(vm: QuickJSContext, logs: string[]): void {
  const consoleObject = vm.newObject()
  for (const level of ['log', 'info', 'warn', 'error', 'debug']) {
    const fn = vm.newFunction(level, (...args) => {
      if (logs.length >= MAX_LOG_LINES) return
      const line = args.map((arg) => formatLogArgument(vm.dump(arg))).join(' ')
      logs.push(line.length > MAX_LOG_CHARS ? `${line.slice(0, MAX_LOG_CHARS)}…` : line)
    })
    vm.setProp(consoleObject, level, fn)
    fn.dispose()
  }
  vm.setProp(vm.global, 'console', consoleObject)
  consoleObject.dispose()
}

/** Runs `code` with `output` and `context`; never throws for anything the code does. */
export async function runSandboxed(code: string, input: SandboxInput, limits: Partial<SandboxLimits> = {}): Promise<SandboxRun> {
  const effective: SandboxLimits = { ...DEFAULT_SANDBOX_LIMITS, ...limits }
  const contextJson = JSON.stringify(input.context ?? {})
  const module = await loadModule()
  counters.evaluations++
  const logs: string[] = []
  const started = performance.now()
  const elapsed = () => Math.round(performance.now() - started)
  let runtime: QuickJSRuntime | null = null
  let vm: QuickJSContext | null = null
  let interrupted = false
  let broken = false
  try {
    runtime = module.newRuntime()
    runtime.setMemoryLimit(effective.memoryBytes)
    runtime.setMaxStackSize(effective.stackBytes)
    const deadline = started + effective.timeoutMs
    runtime.setInterruptHandler(() => {
      if (performance.now() <= deadline) return false
      interrupted = true
      return true
    })
    vm = runtime.newContext()
    installConsole(vm, logs)
    const result = evaluate(vm, code, input.output, contextJson)
    // A getter that loops while the result is copied out also ends at the deadline: still a timeout.
    if (result.ok && !interrupted) return { ok: true, type: result.type, value: result.value, logs, elapsedMs: elapsed() }
    const error = result.ok ? { name: 'InternalError', message: 'interrupted' } : result.error
    return { ok: false, ...classify(error, interrupted, effective), logs, elapsedMs: elapsed() }
  } catch (error) {
    // Thrown by the host, not the script: a JS stack overflow while deep in WASM, or the module aborting.
    broken = true
    const message = error instanceof Error ? error.message : String(error)
    if (/call stack/i.test(message)) {
      return { ok: false, kind: 'stack', message: `javascript assertion overflowed its stack (deep or endless recursion?)`, logs, elapsedMs: elapsed() }
    }
    return { ok: false, kind: 'crash', message: `javascript sandbox failed: ${message}`, logs, elapsedMs: elapsed() }
  } finally {
    if (broken) {
      modulePromise = null // do not touch a broken module again; the next evaluation loads a fresh one
    } else {
      try {
        vm?.dispose()
        runtime?.dispose()
      } catch {
        modulePromise = null
      }
    }
  }
}

/** A script error as a failure kind with a message that names the limit it hit. */
function classify(error: ErrorInfo, wasInterrupted: boolean, l: SandboxLimits): { kind: SandboxFailureKind; message: string } {
  if (wasInterrupted || (error.name === 'InternalError' && error.message === 'interrupted')) {
    return { kind: 'timeout', message: `javascript assertion stopped after ${l.timeoutMs} ms: it may loop forever` }
  }
  if (/out of memory/i.test(error.message)) {
    return { kind: 'memory', message: `javascript assertion ran out of memory (limit ${mb(l.memoryBytes)})` }
  }
  if (/stack overflow/i.test(error.message)) {
    return { kind: 'stack', message: `javascript assertion overflowed its stack (limit ${kb(l.stackBytes)}; deep or endless recursion?)` }
  }
  if (error.name === 'SyntaxError') return { kind: 'syntax', message: `javascript assertion does not parse: ${error.message}` }
  return { kind: 'exception', message: `javascript assertion threw ${error.name}: ${error.message}` }
}

type Evaluation = { ok: true; type: SandboxValueType; value: unknown } | { ok: false; error: ErrorInfo }

function compile(vm: QuickJSContext, code: string): { fn: QuickJSHandle } | { error: ErrorInfo } {
  const sources = wrapperSources(code)
  const asExpression = vm.evalCode(sources.expression, 'assertion.js')
  if (!asExpression.error) return { fn: asExpression.value }
  const expressionError = errorInfo(vm, asExpression.error)
  asExpression.error.dispose()
  const asBody = vm.evalCode(sources.body, 'assertion.js')
  if (!asBody.error) return { fn: asBody.value }
  const bodyError = errorInfo(vm, asBody.error)
  asBody.error.dispose()
  // Report the error of the form the author most likely meant.
  return { error: /\breturn\b/.test(code) ? bodyError : expressionError }
}

function evaluate(vm: QuickJSContext, code: string, output: string, contextJson: string): Evaluation {
  const compiled = compile(vm, code)
  if ('error' in compiled) return { ok: false, error: compiled.error }
  const json = vm.newString(contextJson)
  vm.setProp(vm.global, '__contextJson', json)
  json.dispose()
  const parsed = vm.evalCode('(() => { const c = JSON.parse(globalThis.__contextJson); delete globalThis.__contextJson; return c })()')
  if (parsed.error) {
    compiled.fn.dispose()
    const error = errorInfo(vm, parsed.error)
    parsed.error.dispose()
    return { ok: false, error }
  }
  const outputHandle = vm.newString(output)
  const result = vm.callFunction(compiled.fn, vm.undefined, outputHandle, parsed.value)
  outputHandle.dispose()
  parsed.value.dispose()
  compiled.fn.dispose()
  if (result.error) {
    const error = errorInfo(vm, result.error)
    result.error.dispose()
    return { ok: false, error }
  }
  try {
    return copyOut(vm, result.value)
  } finally {
    result.value.dispose()
  }
}

/** Copies the returned value out of the VM by its type; objects go through the VM's own JSON.stringify. */
function copyOut(vm: QuickJSContext, handle: QuickJSHandle): Evaluation {
  const type = vm.typeof(handle)
  switch (type) {
    case 'boolean':
    case 'string':
      return { ok: true, type, value: vm.dump(handle) }
    case 'number':
      return { ok: true, type, value: vm.getNumber(handle) }
    case 'object': {
      const stringify = vm.evalCode('(value) => value === null ? "null" : JSON.stringify(value)')
      if (stringify.error) {
        const error = errorInfo(vm, stringify.error)
        stringify.error.dispose()
        return { ok: false, error }
      }
      const json = vm.callFunction(stringify.value, vm.undefined, handle)
      stringify.value.dispose()
      if (json.error) {
        const error = errorInfo(vm, json.error)
        json.error.dispose()
        return { ok: false, error: { name: error.name, message: `the returned object cannot be read as JSON: ${error.message}` } }
      }
      const text: unknown = vm.dump(json.value)
      json.value.dispose()
      const value: unknown = typeof text === 'string' ? JSON.parse(text) : undefined
      return { ok: true, type: value === null ? 'null' : 'object', value }
    }
    default:
      return { ok: true, type: type as SandboxValueType, value: undefined }
  }
}

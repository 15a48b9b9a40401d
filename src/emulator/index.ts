/** Public entry point of the provider emulator. */
export { startEmulator } from './server'
export type { EmulatorOptions, RunningEmulator } from './server'
export { EMULATOR_MODELS, findEmulatorModel } from './models'
export type { EmulatorModel } from './models'
export {
  EmulatorProfileError,
  EmulatorProfileFile,
  FailureKind,
  FailureProfile,
  LatencyProfile,
  loadEmulatorProfileFile,
  mergeEmulatorProfile,
  parseEmulatorProfileText
} from './profile'
export type { EmulatorStats, EmulatorOutcome } from './stats'
export type { RequestOverrides } from './overrides'
export { usageCostUsd } from './usage'

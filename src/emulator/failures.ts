/**
 * Picks the failure (if any) for one request from the model's failure mix, or from the
 * `x-emulator-failure` override.
 */
import type { Rng } from './rng'
import type { FailureKind, FailureProfile } from './profile'

export interface FailurePlan {
  kind: FailureKind | 'none'
  retryAfterSeconds: number
  /** Content pieces sent before a mid-stream fault. */
  afterTokens: number
}

export const DEFAULT_RETRY_AFTER_SECONDS = 1
export const DEFAULT_AFTER_TOKENS = 3

const NONE: FailurePlan = { kind: 'none', retryAfterSeconds: DEFAULT_RETRY_AFTER_SECONDS, afterTokens: DEFAULT_AFTER_TOKENS }

export function pickFailure(
  profile: FailureProfile,
  rng: Rng,
  override?: { failure?: FailureKind | 'none'; retryAfterSeconds?: number }
): FailurePlan {
  let plan = NONE
  if (override?.failure !== undefined) {
    const entry = profile.mix.find((e) => e.kind === override.failure)
    plan = {
      kind: override.failure,
      retryAfterSeconds: entry?.retryAfterSeconds ?? DEFAULT_RETRY_AFTER_SECONDS,
      afterTokens: entry?.afterTokens ?? DEFAULT_AFTER_TOKENS
    }
  } else if (profile.mix.length > 0) {
    const roll = rng()
    let cumulative = 0
    for (const entry of profile.mix) {
      cumulative += entry.probability
      if (roll < cumulative) {
        plan = {
          kind: entry.kind,
          retryAfterSeconds: entry.retryAfterSeconds ?? DEFAULT_RETRY_AFTER_SECONDS,
          afterTokens: entry.afterTokens ?? DEFAULT_AFTER_TOKENS
        }
        break
      }
    }
  }
  if (override?.retryAfterSeconds !== undefined) plan = { ...plan, retryAfterSeconds: override.retryAfterSeconds }
  return plan
}

import type { AppError } from '../../src/core/errors'

export type LoadStatus = 'idle' | 'loading' | 'ready' | 'error'

/** A value fetched from the engine, with where its fetch stands. */
export interface Loadable<T> {
  status: LoadStatus
  data: T | null
  error: AppError | null
}

export function idle<T>(): Loadable<T> {
  return { status: 'idle', data: null, error: null }
}

/** Keeps the previous data while reloading, so lists don't flash empty. */
export function loading<T>(previous: Loadable<T> | undefined): Loadable<T> {
  return { status: 'loading', data: previous?.data ?? null, error: null }
}

export function ready<T>(data: T): Loadable<T> {
  return { status: 'ready', data, error: null }
}

export function failed<T>(previous: Loadable<T> | undefined, error: AppError): Loadable<T> {
  return { status: 'error', data: previous?.data ?? null, error }
}

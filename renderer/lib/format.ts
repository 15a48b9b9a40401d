const integer = new Intl.NumberFormat(undefined, { maximumFractionDigits: 0 })

export function formatMs(ms: number | null | undefined): string {
  if (ms === null || ms === undefined) return '—'
  if (ms < 1000) return `${integer.format(ms)} ms`
  return `${(ms / 1000).toFixed(ms < 10_000 ? 2 : 1)} s`
}

export function formatInt(value: number | null | undefined): string {
  return value === null || value === undefined ? '—' : integer.format(value)
}

export function formatTokens(value: number | null | undefined): string {
  if (value === null || value === undefined) return '—'
  if (value >= 1_000_000) return `${trim(value / 1_000_000)}M`
  if (value >= 1000) return `${trim(value / 1000)}k`
  return integer.format(value)
}

export function formatPricePerM(value: number | null | undefined): string {
  if (value === null || value === undefined) return '—'
  return `$${value < 1 ? value.toFixed(3) : value.toFixed(2)}`
}

export function formatUsd(value: number | null | undefined): string {
  if (value === null || value === undefined) return '—'
  if (value === 0) return '$0'
  if (value < 0.01) return `$${Number(value.toPrecision(3)).toFixed(8).replace(/0+$/, '')}`
  return `$${value < 1 ? value.toFixed(4) : value.toFixed(2)}`
}

export function formatBytes(value: number): string {
  if (value < 1024) return `${value} B`
  if (value < 1024 * 1024) return `${trim(value / 1024)} KB`
  return `${trim(value / (1024 * 1024))} MB`
}

export function formatPercent(value: number | null | undefined): string {
  return value === null || value === undefined ? '—' : `${trim(value * 100)}%`
}

const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'medium' })

export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return '—'
  const date = new Date(iso)
  return Number.isNaN(date.getTime()) ? iso : dateTime.format(date)
}

function trim(value: number): string {
  return value.toFixed(1).replace(/\.0$/, '')
}

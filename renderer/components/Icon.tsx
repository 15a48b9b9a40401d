import type { ReactElement } from 'react'

export type IconName =
  | 'logo'
  | 'playground'
  | 'contracts'
  | 'datasets'
  | 'evals'
  | 'benchmarks'
  | 'insights'
  | 'routing'
  | 'providers'
  | 'settings'
  | 'download'
  | 'keyboard'
  | 'warning'

/** Small 16px stroke icons, drawn inline (no icon font, no network). Decorative: hidden from assistive tech. */
const PATHS: Record<IconName, ReactElement> = {
  logo: (
    <>
      <path d="M2 4h5l2 4-2 4H2" />
      <path d="M14 4H9l-2 4 2 4h5" />
    </>
  ),
  playground: (
    <>
      <rect x="1.5" y="2.5" width="5.5" height="11" rx="1" />
      <rect x="9" y="2.5" width="5.5" height="11" rx="1" />
    </>
  ),
  contracts: (
    <>
      <path d="M4 1.5h5.5L12.5 4.5v10h-8.5z" />
      <path d="M6.5 8h4M6.5 10.5h4M6.5 5.5h2" />
    </>
  ),
  datasets: (
    <>
      <ellipse cx="8" cy="3.5" rx="5.5" ry="2" />
      <path d="M2.5 3.5v9c0 1.1 2.5 2 5.5 2s5.5-.9 5.5-2v-9M2.5 8c0 1.1 2.5 2 5.5 2s5.5-.9 5.5-2" />
    </>
  ),
  evals: (
    <>
      <path d="M2.5 8.5l3 3 7-7.5" />
    </>
  ),
  benchmarks: (
    <>
      <path d="M2 13.5a6 6 0 1 1 12 0" />
      <path d="M8 13.5l3-5" />
    </>
  ),
  insights: (
    <>
      <path d="M2 14V2M2 14h12" />
      <path d="M4.5 10.5l3-3 2 2 4-4.5" />
    </>
  ),
  routing: (
    <>
      <circle cx="3.5" cy="8" r="1.5" />
      <circle cx="12.5" cy="3.5" r="1.5" />
      <circle cx="12.5" cy="12.5" r="1.5" />
      <path d="M5 8h2.5c1.5 0 1.5-4.5 3.5-4.5M7.5 8c1.5 0 1.5 4.5 3.5 4.5" />
    </>
  ),
  providers: (
    <>
      <rect x="2" y="2.5" width="12" height="4.5" rx="1" />
      <rect x="2" y="9" width="12" height="4.5" rx="1" />
      <path d="M4.5 4.75h.01M4.5 11.25h.01" />
    </>
  ),
  settings: (
    <>
      <circle cx="8" cy="8" r="2.25" />
      <path d="M8 1.5v2M8 12.5v2M1.5 8h2M12.5 8h2M3.4 3.4l1.4 1.4M11.2 11.2l1.4 1.4M3.4 12.6l1.4-1.4M11.2 4.8l1.4-1.4" />
    </>
  ),
  download: (
    <>
      <path d="M8 2v8M4.5 6.5L8 10l3.5-3.5M2.5 13.5h11" />
    </>
  ),
  keyboard: (
    <>
      <rect x="1.5" y="4" width="13" height="8" rx="1" />
      <path d="M4 6.5h.01M6.5 6.5h.01M9 6.5h.01M11.5 6.5h.01M5 9.5h6" />
    </>
  ),
  warning: (
    <>
      <path d="M8 2l6.5 11.5h-13z" />
      <path d="M8 6.5v3M8 11.5h.01" />
    </>
  )
}

export function Icon({ name, size = 16 }: { name: IconName; size?: number }): ReactElement {
  return (
    <svg
      width={size}
      height={size}
      viewBox="0 0 16 16"
      fill="none"
      stroke="currentColor"
      strokeWidth="1.4"
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
    >
      {PATHS[name]}
    </svg>
  )
}

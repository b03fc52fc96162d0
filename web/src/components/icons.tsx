// Line icons drawn for Lumbung (24×24, stroke = currentColor). Decorative: always aria-hidden.
import type { ReactNode } from 'react';

export type IconName =
  | 'home'
  | 'wallet'
  | 'card'
  | 'claim'
  | 'user'
  | 'history'
  | 'document'
  | 'shield'
  | 'chart'
  | 'news'
  | 'help'
  | 'people'
  | 'logout'
  | 'globe'
  | 'offline'
  | 'check'
  | 'warning'
  | 'bell'
  | 'download'
  | 'chevron';

const paths: Record<IconName, ReactNode> = {
  home: <path d="M3 11.5 12 4l9 7.5M5.5 9.5V20h5v-5.5h3V20h5V9.5" />,
  wallet: (
    <>
      <rect x="3" y="6" width="18" height="13" rx="2.5" />
      <path d="M3 10h18M16 14.5h2" />
    </>
  ),
  card: (
    <>
      <rect x="3" y="5" width="18" height="14" rx="2.5" />
      <circle cx="8.5" cy="11" r="2" />
      <path d="M6 16c.6-1.3 1.5-2 2.5-2s1.9.7 2.5 2M14 10h4M14 13.5h3" />
    </>
  ),
  claim: (
    <>
      <path d="M8 4h8l1 2h2v15H5V6h2z" />
      <path d="M9 12.5l2 2 4-4.5" />
    </>
  ),
  user: (
    <>
      <circle cx="12" cy="8.5" r="4" />
      <path d="M4.5 20.5c1.2-3.6 4-5.5 7.5-5.5s6.3 1.9 7.5 5.5" />
    </>
  ),
  history: (
    <>
      <path d="M4 12a8 8 0 1 0 2.4-5.7M4 4v4h4" />
      <path d="M12 8v4.5l3 2" />
    </>
  ),
  document: (
    <>
      <path d="M6 3h8l4 4v14H6z" />
      <path d="M14 3v4h4M9 12h6M9 16h6" />
    </>
  ),
  shield: (
    <>
      <path d="M12 3 5 6v5.5c0 4.4 3 8 7 9.5 4-1.5 7-5.1 7-9.5V6z" />
      <path d="m9 12 2 2 4-4" />
    </>
  ),
  chart: <path d="M4 20h16M6 16l4-5 3 3 5-7" />,
  news: (
    <>
      <rect x="3" y="5" width="15" height="15" rx="1.5" />
      <path d="M18 9h3v9.5a1.5 1.5 0 0 1-3 0M7 9h7M7 13h7M7 16.5h4" />
    </>
  ),
  help: (
    <>
      <circle cx="12" cy="12" r="9" />
      <path d="M9.5 9.5a2.5 2.5 0 1 1 3.5 2.3c-.7.3-1 .8-1 1.5v.7M12 17h.01" />
    </>
  ),
  people: (
    <>
      <circle cx="9" cy="9" r="3.2" />
      <path d="M3.5 19c.8-3 2.9-4.5 5.5-4.5s4.7 1.5 5.5 4.5M15.5 6.2a3 3 0 0 1 0 5.6M17 14.7c1.7.5 2.9 1.9 3.5 4.3" />
    </>
  ),
  logout: <path d="M14 4H6v16h8M10 12h10M17 8.5 20.5 12 17 15.5" />,
  globe: (
    <>
      <circle cx="12" cy="12" r="9" />
      <path d="M3 12h18M12 3c2.5 2.5 3.5 5.5 3.5 9s-1 6.5-3.5 9c-2.5-2.5-3.5-5.5-3.5-9s1-6.5 3.5-9z" />
    </>
  ),
  offline: (
    <path d="M2 8.5a15 15 0 0 1 20 0M5.5 12a10 10 0 0 1 13 0M9 15.5a5 5 0 0 1 6 0M12 19h.01M3 3l18 18" />
  ),
  check: <path d="m5 12.5 4.5 4.5L19 7.5" />,
  warning: <path d="M12 4 2.5 20h19zM12 10v4.5M12 17.5h.01" />,
  bell: <path d="M6 16.5V11a6 6 0 0 1 12 0v5.5l1.5 1.5h-15zM10 20.5a2.2 2.2 0 0 0 4 0M12 3v2" />,
  download: <path d="M12 4v11M7 10.5l5 5 5-5M5 20h14" />,
  chevron: <path d="m9 5 7 7-7 7" />,
};

export function Icon({ name, size = 24 }: { readonly name: IconName; readonly size?: number }) {
  return (
    <svg
      className="icon"
      data-icon={name}
      width={size}
      height={size}
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth="1.8"
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
    >
      {paths[name]}
    </svg>
  );
}

/** The Lumbung mark: a rice barn (lumbung) under a roof, drawn as one shape. */
export function LogoMark({ size = 32 }: { readonly size?: number }) {
  return (
    <svg width={size} height={size} viewBox="0 0 64 64" aria-hidden="true" focusable="false">
      <rect width="64" height="64" rx="14" fill="#0b5d3b" />
      <path d="M32 10 10 30h8v22h28V30h8z" fill="#fff" />
      <path d="M24 36h16v16H24z" fill="#f2b632" />
      <path d="M32 10 10 30h44z" fill="#d9efe3" />
    </svg>
  );
}
